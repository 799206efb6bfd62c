"""Speed of `paperkit outline` without a change of its output (issue 14's speed aim, session 37, b):
text-heavy pages.

- A row that `_SPLIT_HINT` names (capitals apart: "X ∈ R m × s , Y" in a page of math) is read
  letter by letter (`_join_line_letters`) only when its text holds `_SPLIT_PAIRS` pairs of
  neighbouring letters or more (`_letter_pairs`, an upper bound of the count the reading makes):
  with fewer, the reading found no misfit anyway.
- `_footnote_marks` keeps every span of a row none of whose spans is small and raised without
  walking them (a new list all the same: `_spans_line` tells a row that lost a call by it).
- `_repair_deep_boxes` cuts the spans it measured, row by row, not every span of the page again.
- A page's fonts (`paperkit.reading.pdf.page_fonts`) and a font's map to Unicode (`_to_unicode_map`) are read once.
"""

from __future__ import annotations

import copy
import random
import statistics

import pymupdf

from paperkit.reading import parse
from paperkit.reading.pdf import page_fonts


def _pairs(text: str) -> int:
    return sum(1 for a, b in zip(text, text[1:]) if a.isalpha() and b.isalpha())


def test_letter_pairs_never_counts_fewer_than_the_reading_does():
    rng = random.Random(37)
    alphabet = "aZ ²½_1.-∈×ﬁéΩ\u0301 "
    texts = ["X ∈ R m × s , Y", "T HE N-INTERTW INED", "ab²c", "x_1 y_2", "ﬁne", "S ection"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(2000)]
    for text in texts:
        assert parse._letter_pairs(text) >= _pairs(text), text


def _hinted_page() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    # (rows of capitals apart, as `_SPLIT_HINT` names them: a formula's few letters, and words)
    page.insert_text((72, 100), "X Y Z A B C", fontsize=10)
    page.insert_text((72, 130), "T HE INTERTW INED ALGORITHMS AND STRUCTURES", fontsize=10)
    for k in range(20):
        page.insert_text((72, 160 + 14 * k), "The rows of a paragraph of running text set in one plain font.", fontsize=10)
    return doc.tobytes()


def test_a_row_of_few_letter_pairs_is_not_read_letter_by_letter(monkeypatch, tmp_path):
    read = []
    plain = parse._join_line_letters

    def spy(stext_line, raw):
        text = "".join(s["text"] for s in raw["spans"])
        answer = plain(stext_line, raw)
        read.append((text, answer))
        return answer

    monkeypatch.setattr(parse, "_join_line_letters", spy)
    path = tmp_path / "hinted.pdf"
    path.write_bytes(_hinted_page())
    with pymupdf.open(path) as doc:
        lines = parse._page_lines(doc[0], 0)
    texts = [text for text, _ in read]
    assert not any(text.startswith("X Y Z") for text in texts)
    assert any(text.startswith("T HE INTERTW") for text in texts)
    assert any(ln.text.startswith("X Y Z") for ln in lines)


def test_the_reading_finds_no_misfit_in_a_row_of_few_letter_pairs(tmp_path):
    # (the rows the hint names, read letter by letter as before: those of fewer pairs say no)
    path = tmp_path / "hinted.pdf"
    path.write_bytes(_hinted_page())
    with pymupdf.open(path) as doc:
        page = doc[0]
        textpage = page.get_textpage(flags=parse._text_flags())
        data = page.get_text("dict", flags=parse._text_flags(), textpage=textpage)
        wanted = {(block.get("number"), k): (raw, k) for block in data["blocks"]
                  for k, raw in enumerate(block.get("lines", ()))}
        answers = []

        def mend(stext_line, raw):
            text = "".join(s["text"] for s in raw["spans"])
            answer = parse._join_line_letters(stext_line, raw)
            answers.append((parse._letter_pairs(text), answer))
            return answer

        from paperkit.reading.unseen_letters import rows_mended

        rows_mended(textpage, wanted, mend)
    assert answers and all(not answer for pairs, answer in answers if pairs < parse._SPLIT_PAIRS)


def _span(text: str, x0: float, size: float, base: float, font: str = "Times-Roman") -> dict:
    width = 0.5 * size * max(1, len(text))
    return {"text": text, "size": size, "font": font, "flags": 4, "color": 0, "origin": (x0, base),
            "bbox": (x0, base - 0.8 * size, x0 + width, base + 0.2 * size)}


def test_a_row_without_raised_spans_keeps_every_span_in_a_new_list():
    spans = [_span("Words and a subscript", 72, 10, 100), _span("i", 180, 7, 102), _span(" more words", 184, 10, 100)]
    lead, calls, kept = parse._footnote_marks(spans)
    assert (lead, calls) == (None, []) and kept == spans and kept is not spans
    # (a raised mark after a word is still a call)
    spans = [_span("Words of a sentence.", 72, 10, 100), _span("3", 170, 7, 96), _span(" More words", 174, 10, 100)]
    lead, calls, kept = parse._footnote_marks(spans)
    assert calls == ["3"] and len(kept) == 2


def _deep_boxes_reference(blocks, fonts=None, tall_fonts=None, highest=parse._HIGHEST_ASCENT):
    """`_repair_deep_boxes` as it was: every span of the page walked again to be cut."""
    depths, heights = {}, {}
    for b in blocks:
        for ln in b.get("lines", ()):
            if tuple(ln.get("dir", (1, 0))) == (1.0, 0.0):
                for s in ln["spans"]:
                    size = s["size"]
                    if size >= 1.0:
                        font, base, box = s["font"], s["origin"][1], s["bbox"]
                        if fonts is None or font in fonts:
                            depths.setdefault(font, []).append((box[3] - base) / size)
                        if tall_fonts is None or font in tall_fonts:
                            heights.setdefault(font, []).append((base - box[1]) / size)
    deep = {font for font, found in depths.items() if statistics.median(found) > parse._DEEPEST_DESCENT}
    tall = {font for font, found in heights.items() if statistics.median(found) > highest}
    if not deep and not tall:
        return
    for b in blocks:
        for ln in b.get("lines", ()):
            if tuple(ln.get("dir", (1, 0))) != (1.0, 0.0):
                continue
            cut = False
            for s in ln["spans"]:
                if s["size"] < 1.0:
                    continue
                x0, y0, x1, y1 = s["bbox"]
                if s["font"] in deep:
                    floor = s["origin"][1] + parse._DEEPEST_DESCENT * s["size"]
                    if y1 > floor > y0:
                        if y0 >= s["origin"][1] - 0.05 * s["size"] and any(map(str.isalnum, s["text"])):
                            y0 = s["origin"][1] - parse._ASCENT * s["size"]
                        s["bbox"] = (x0, y0, x1, floor)
                        y1 = floor
                        cut = True
                if s["font"] in tall:
                    ceiling = s["origin"][1] - parse._ASCENT * s["size"]
                    if y0 < ceiling < y1:
                        s["bbox"] = (x0, ceiling, x1, y1)
                        cut = True
            if cut:
                x0, _, x1, _ = ln["bbox"]
                ln["bbox"] = (x0, min(s["bbox"][1] for s in ln["spans"]), x1, max(s["bbox"][3] for s in ln["spans"]))


def _random_blocks(rng: random.Random) -> list[dict]:
    blocks = []
    for _ in range(rng.randint(1, 4)):
        lines = []
        for _ in range(rng.randint(0, 6)):
            spans = []
            for _ in range(rng.randint(1, 5)):
                size = rng.choice([0.5, 7.0, 10.0, 12.0])
                base = rng.uniform(50, 700)
                x0 = rng.uniform(50, 500)
                spans.append({"text": rng.choice(["ab", "x", "∑", " ", "12"]), "size": size,
                              "font": rng.choice(["CMR10", "CMEX10", "CMSY10", "Deep"]), "origin": (x0, base),
                              "bbox": (x0, base - rng.uniform(-0.2, 1.6) * size, x0 + 5,
                                       base + rng.uniform(-0.1, 1.5) * size)})
            x0 = min(s["bbox"][0] for s in spans)
            lines.append({"dir": rng.choice([(1.0, 0.0), (1.0, 0.0), (1.0, 0.0), (0.0, -1.0)]), "spans": spans,
                          "bbox": (x0, min(s["bbox"][1] for s in spans), x0 + 50, max(s["bbox"][3] for s in spans))})
        blocks.append({"lines": lines})
    return blocks


def test_deep_boxes_are_cut_as_by_the_walk_over_every_span():
    rng = random.Random(3702)
    cut = 0
    for _ in range(600):
        blocks = _random_blocks(rng)
        fonts = rng.choice([None, {"CMEX10"}, {"CMEX10", "Deep"}, set()])
        tall = rng.choice([None, {"CMSY10"}, {"Deep", "CMR10"}, set()])
        highest = rng.choice([parse._HIGHEST_ASCENT, parse._CAIRO_ASCENT])
        ours, theirs = copy.deepcopy(blocks), copy.deepcopy(blocks)
        parse._repair_deep_boxes(ours, fonts, tall, highest=highest)
        _deep_boxes_reference(theirs, fonts, tall, highest=highest)
        assert ours == theirs
        cut += ours != blocks
    assert cut > 50  # (the cases cut something, not only pages left as they were)


def test_a_pages_fonts_and_a_fonts_map_are_read_once(monkeypatch):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Some words", fontsize=10)
    found = page_fonts(page)
    assert found == page.get_fonts() and page_fonts(page) is found
    xref = found[0][0]
    first = parse._to_unicode_map(doc, xref)
    asked = []
    plain = doc.xref_object
    monkeypatch.setattr(doc, "xref_object", lambda *a, **k: asked.append(a) or plain(*a, **k), raising=False)
    assert parse._to_unicode_map(doc, xref) == first and asked == []
