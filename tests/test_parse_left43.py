"""Leftovers of the tune split (parser version 43, left43): a row whose inline fraction holds a sum,
on pages drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import Page, _parse  # noqa: E402  (heads9's page writer and parse helper)
from paperkit.reading.parse import parse_pdf  # noqa: E402


def _text(paper) -> str:
    return " | ".join(" ".join(p.text.split()) for s in paper.sections for p in s.paragraphs)


# the base-14 font drawing each math font, renamed after it below
_MATH = {"CMR10": "helv", "CMMI10": "heit", "CMEX7": "cour", "CMR5": "hebo", "CMMI5": "hebi", "CMR7": "cobo",
         "CMMI7": "coit"}
# each math glyph's advance as the TeX font has it (thousandths of the size): the sum sign runs on to its limits
_WIDTHS = {"CMR10": {"\u02c6": 500, "=": 778, " ": 333}, "CMMI10": {"D": 828, ".": 278}, "CMEX7": {"P": 1200},
           "CMR5": {"3": 681, "=": 1028, "0": 681}, "CMMI5": {"i": 534, " ": 333},
           "CMR7": {"\u02c6": 571, "4": 571, " ": 333}, "CMMI7": {"D": 935}}
_NAMES = {"Helvetica": "CMR10", "Helvetica-Oblique": "CMMI10", "Courier": "CMEX7", "Helvetica-Bold": "CMR5",
          "Helvetica-BoldOblique": "CMMI5", "Courier-Bold": "CMR7", "Courier-Oblique": "CMMI7"}


def _sum_fraction_row() -> object:
    """Two columns of prose; the right column holds the row "nal depth map is D̂ = ∑³ᵢ₌₀ D̂ᵢ / 4. The L1
    reconstruction loss" / "is employed for aligning Depth tokens.", its inline fraction set as a
    paper in Times and Computer Modern prints it (each piece where that paper has it): the sum
    sign with its limits and the numerator's hatted D drawn over the row in script sizes, the
    denominator "4" under them, below the row's baseline; the sum sign's code reads as no character
    (U+FFFD), as that paper's CMEX7 gives it."""
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Introduction", "tibo", 12)
    page.skip(4)
    while page.y < 700:
        page.paragraph(repeat=2, per_line=7, x=58.5)
    p = page.page
    # (written with the fonts embedded: the base-14 encoding has no "ˆ"; each embedded font's box set below)
    writer = pymupdf.TextWriter(p.rect)
    rows = ("The depth tokens are read by the decoder of the depth model",
            "through a product with its features and",
            "the result is compared with the depth map that the model gives", "for the same image, each token once, and",
            "middle layer feature from DepthAnything encoder. The fi-")
    for k, row in enumerate(rows):
        writer.append((317.25, 425.21 + 11.95 * k), row, font=pymupdf.Font("tiro"), fontsize=9.96)
    for x, y, size, font, text in (
            (317.25, 488.25, 9.96, "tiro", "nal depth map is"),
            (388.03, 485.74, 9.96, "CMR10", "\u02c6"),
            (385.71, 488.25, 9.96, "CMMI10", "D"),
            (397.18, 488.25, 9.96, "CMR10", "="),
            (409.07, 477.69, 6.97, "CMEX7", "P"),
            (417.44, 479.92, 4.98, "CMR5", "3"),
            (417.44, 485.17, 4.98, "CMMI5", "i"),
            (420.10, 485.17, 4.98, "CMR5", "=0"),
            (432.27, 481.16, 6.97, "CMR7", "\u02c6"),
            (430.46, 482.92, 6.97, "CMMI7", "D"),
            (436.98, 483.92, 4.98, "CMMI5", "i"),
            (422.61, 491.69, 6.97, "CMR7", "4"),
            (441.33, 488.25, 9.96, "CMMI10", "."),
            (446.60, 488.25, 9.96, "tiro", "The L1 reconstruction loss"),
            (317.25, 500.21, 9.96, "tiro", "is employed for aligning Depth tokens.")):
        writer.append((x, y), text, font=pymupdf.Font(_MATH.get(font, font)), fontsize=size)
    for k, row in enumerate(("3) Edge tokens are aligned with the edge model in the same",
                             "way, each of four tokens a kernel applied to",
                             "the dense features of the edge encoder, and the edge map is")):
        writer.append((317.25, 512.16 + 11.95 * k), row, font=pymupdf.Font("tiro"), fontsize=9.96)
    writer.write_text(p)
    for xref, _, _, name, *_ in p.get_fonts():  # (the embedded fonts named and measured as TeX's are)
        base = name.split("+")[-1]
        if base not in _NAMES and base != "Times-Roman" or doc.xref_get_key(xref, "Subtype")[1] != "/Type0":
            continue
        tex = _NAMES.get(base, "NimbusRomNo9L-Regu")
        doc.xref_set_key(xref, "BaseFont", f"/{tex}")
        descendant = int(doc.xref_get_key(xref, "DescendantFonts")[1].strip("[]").split()[0])
        doc.xref_set_key(descendant, "BaseFont", f"/{tex}")
        if tex in _WIDTHS:
            font = pymupdf.Font(_MATH[tex])
            doc.xref_set_key(descendant, "W", "[" + " ".join(f"{font.has_glyph(ord(c))} [{w}]"
                                                            for c, w in _WIDTHS[tex].items()) + "]")
        if tex == "CMEX7":  # (its text layer reads the sum sign as no character, U+FFFD)
            cmap = int(doc.xref_get_key(xref, "ToUnicode")[1].split()[0])
            gid = pymupdf.Font(_MATH[tex]).has_glyph(ord("P"))
            doc.update_stream(cmap, (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
                                     b"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar "
                                     b"<%04X> <D800> endbfchar endcmap CMapName currentdict /CMap defineresource pop "
                                     b"end end" % gid))
        descriptor = int(doc.xref_get_key(descendant, "FontDescriptor")[1].split()[0])
        doc.xref_set_key(descriptor, "FontName", f"/{tex}")
        ascent, descent = (40, -600) if tex == "CMEX7" else (694, -195)  # (the sum sign hangs from its baseline)
        doc.xref_set_key(descriptor, "Ascent", str(ascent))
        doc.xref_set_key(descriptor, "Descent", str(descent))
    return _parse(doc)


def test_a_sum_over_a_fraction_in_a_row_keeps_the_row_whole():
    # arXiv 2025 (chain of visual thought): "nal depth map is D̂ = ∑ D̂ᵢ / 4. The L1 reconstruction loss"
    # was read as two lines on one baseline, the sum's pieces taking the words after it, and the
    # denominator "4" left as a short line after them: the paragraph broke after "loss".
    text = _text(_sum_fraction_row())
    assert "The L1 reconstruction loss is employed for aligning Depth tokens." in text, text


def _put(page, x: float, y: float, text: str, font: str = "tiro", size: float = 9.96) -> None:
    page.insert_text((x, y), text, fontname=font, fontsize=size)


def _rows(text: str, width: float, size: float = 9.96) -> list[str]:
    rows = [""]
    for word in text.split():
        if pymupdf.get_text_length(f"{rows[-1]} {word}", "tiro", size) > width:
            rows.append(word)
        else:
            rows[-1] = f"{rows[-1]} {word}".strip()
    return rows


def _paragraphs(paper) -> list[str]:
    return [" ".join(p.text.split()) for s in paper.sections for p in s.paragraphs]


def test_a_caption_of_two_lines_set_beside_the_text_keeps_its_second_line(tmp_path):
    # NeurIPS (wrapfigure): a plot right of the text's narrow lines, its caption in two lines
    # under it, level with two rows of the text. Two lines are too few to mark a column edge, and
    # read straight across, the caption's second line ran into the text's paragraph.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _put(page, 108, 80, "7 Limitations", "hebo", 12)
    rows = _rows("The top principal subspace is motivated by the anisotropy we measured and supported by "
                 "the proposition, but this result holds only in an idealized regime of quadratic losses. "
                 "Our empirical study is intentionally narrow. We focus on one decoder-only transformer "
                 "because repeated second-order computations are still feasible for it in single precision. "
                 "Additional ablations on other architectures and sizes showed a similar qualitative picture, "
                 "but are omitted for brevity and left for the appendix of the final version", 168)
    y = 104.9
    for text in rows:
        _put(page, 108, y, text)
        y += 10.9
    # the plot: a frame, a curve and tick labels, right of the text, over the caption
    page.draw_rect(pymupdf.Rect(320, 110, 490, y - 58), color=(0, 0, 0), width=0.5)
    page.draw_polyline([(320, y - 62), (380, y - 80), (440, y - 95), (490, 120)], color=(0, 0, 1), width=1)
    for k, label in enumerate(("0", "10", "20", "30")):
        _put(page, 318 + 55 * k, y - 50, label, "helv", 6)
    caption = y - 10.9 * 3
    _put(page, 286.2, caption, "Figure 6: Relative error of the direct estimate")
    _put(page, 286.2, caption + 10.9, "over subspace dimension and perturbation scale.")
    for text in ("This scope does not guarantee that the same geometric effects or computational trade-offs",
                 "transfer unchanged to much larger models or to other training regimes."):
        _put(page, 108, y, text)
        y += 10.9
    doc.save(tmp_path / "wrapped.pdf")
    paper = parse_pdf(tmp_path / "wrapped.pdf")
    captions = [f.caption for f in paper.figures]
    assert any("over subspace dimension and perturbation scale" in c for c in captions), captions
    paragraphs = _paragraphs(paper)
    assert not any("perturbation scale" in p for p in paragraphs), paragraphs
    assert any("and sizes showed a similar qualitative picture" in p for p in paragraphs), paragraphs


def test_a_caption_beside_the_text_with_a_row_in_pieces_stays_whole(tmp_path):
    # NeurIPS 2012: Table 1 right of the text's narrow lines, its caption of three lines under it,
    # the second in two pieces across a justified gap ("2010 test set." and "In italics are best
    # results"). Read by the caption's left edge as a column's, the second piece and the line after
    # it were parted from the caption, a paragraph of their own inside the text's sentence.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _put(page, 108, 135.2, "6 Results", "tibo", 11.96)
    y = 160.98
    for text in _rows("Our results on the benchmark are summarized in Table 1. Our network achieves top-1 and "
                      "top-5 test set error rates of 37.5% and 17.0%. The best performance achieved during the "
                      "competition was 47.1% and 28.2% with an approach that averages the predictions produced "
                      "from six sparse-coding models trained on different features, and since then the best "
                      "published results are 45.7% and 25.7% with an approach that averages two classifiers.", 390):
        _put(page, 108, y, text)
        y += 10.96
    y = 243.67
    for text in ("We also entered our model in the second com-",
                 "petition and report our results in Table 2. Since the",
                 "test set labels of that year are not publicly available,",
                 "we cannot report test error rates for all the models that",
                 "we tried. In the remainder of this paragraph, we use",
                 "validation and test error rates interchangeably because",
                 "in our experience they do not differ by more than 0.1%",
                 "(see Table 2). The CNN described in this paper achieves",
                 "a top-5 error rate of 18.2%. Averaging the predictions"):
        _put(page, 108, y, text)
        y += 10.96
    for text in ("of five similar CNNs gives an error rate of 16.4%. Training one CNN, with an extra sixth con-",
                 "volutional layer over the last pooling layer, to classify the entire Fall 2011 release"):
        _put(page, 108, y, text)
        y += 10.96
    # the table: a header and three rows of a model's name and two numbers, right of the text
    for k, row in enumerate((("Model", "Top-1", "Top-5"), ("Sparse coding [2]", "47.1%", "28.2%"),
                             ("SIFT + FVs [24]", "45.7%", "25.7%"), ("CNN", "37.5%", "17.0%"))):
        for x, cell in zip((347.6, 431.4, 471.6), row):
            _put(page, x, 240.48 + 11.9 * k, cell)
    page.draw_line((341.6, 231.0), (504.0, 231.0), color=(0, 0, 0), width=0.5)
    page.draw_line((341.6, 280.5), (504.0, 280.5), color=(0, 0, 0), width=0.5)
    _put(page, 341.6, 297.95, "Table 1: Comparison of results on ILSVRC-", size=8.97)
    _put(page, 341.6, 308.91, "2010 test set.", size=8.97)
    _put(page, 405.6, 308.91, "In italics are best results", size=8.97)
    _put(page, 341.6, 319.87, "achieved by others.", size=8.97)
    doc.save(tmp_path / "beside.pdf")
    paper = parse_pdf(tmp_path / "beside.pdf")
    paragraphs = _paragraphs(paper)
    assert any("Averaging the predictions of five similar CNNs gives an error rate of 16.4%." in p
               for p in paragraphs), paragraphs
