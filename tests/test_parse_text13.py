import pymupdf

from paperkit.reading import parse


def _page_dict_with_box_font():
    """A page whose proof ends in a lone "2", then that span's font renamed as wasysym's (PyMuPDF
    writes only its own font names)."""
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=200)
    page.insert_text((20, 50), "is less than one.", fontsize=10)
    page.insert_text((120, 50), "2", fontsize=10)
    data = page.get_text("dict")
    for b in data["blocks"]:
        for ln in b.get("lines", ()):
            for s in ln["spans"]:
                if s["text"].strip() == "2":
                    s["font"] = "ABCDEF+WASY10"
    return data


def test_wasy_box_at_proof_end_is_a_square_not_a_digit():
    data = _page_dict_with_box_font()
    parse._repair_box_glyphs(data["blocks"])
    texts = [s["text"] for b in data["blocks"] for ln in b.get("lines", ()) for s in ln["spans"]]
    assert "□" in "".join(texts)
    assert "2" not in "".join(texts)


def test_digit_two_in_a_text_font_is_kept():
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=200)
    page.insert_text((20, 50), "2", fontsize=10)
    data = page.get_text("dict")
    parse._repair_box_glyphs(data["blocks"])
    assert "".join(s["text"] for b in data["blocks"] for ln in b.get("lines", ()) for s in ln["spans"]) == "2"


def test_qed_box_joins_its_line_across_the_page_middle():
    """A proof's last line ends left of the page's middle and its box is set a quad after it, past
    the middle: the box stays on the line, not a paragraph of its own."""
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=200)
    page.insert_text((40, 50), "by the union bound.", fontsize=10)
    x = 40 + pymupdf.get_text_length("by the union bound.", fontsize=10)
    page.insert_text((x + 10, 50), "2", fontsize=10)
    data = page.get_text("dict")
    for b in data["blocks"]:
        for ln in b.get("lines", ()):
            for s in ln["spans"]:
                if s["text"].strip() == "2":
                    s["font"] = "WASY10"
    parse._repair_box_glyphs(data["blocks"])
    lines = [parse._one_span_line(raw, 0) for b in data["blocks"] for raw in b.get("lines", ())]
    mid = x + 5
    merged = parse._merge_same_baseline(lines, mid)
    assert [ln.text for ln in merged] == ["by the union bound. □"]
