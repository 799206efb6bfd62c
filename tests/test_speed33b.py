"""Speed changes of session 33 (b): the page's line building and the document's stages after the
page read, made cheaper with the same results as before (each fast path checked against the plain
way it replaced)."""

from __future__ import annotations

import random

from paperkit.reading import parse


def _prose_text_plainly(text: str) -> bool:
    """`parse._prose_text` as it was: each whitespace-parted word matched on its own."""
    words = text.split()
    prose = sum(1 for w in words if parse.PROSE_WORD.match(w))
    return prose >= 5 and prose >= 0.7 * len(words)


def test_prose_text_in_one_search_is_the_word_by_word_answer():
    """`_prose_text` counts `PROSE_WORD`'s words in one search of the text: the same answer as
    matching each word of `str.split`, whatever whitespace parts the words (tabs, no-break and thin
    spaces, the separators `str.split` takes) and whatever stops or capitals they hold."""
    fast = parse._prose_text.__wrapped__
    lines = ["the workers read their input split and write intermediate pairs",
             "Table 3: results of the method on the data", "a b c d e f g", "x = y + z, for all i",
             "one, two; three: four. five six", "one,two three four five six", "word\u00a0word word word word word",
             "tab\tseparated words in a line here", "new\nline words are also here", "trailing words here now ok \n",
             "", "   ", "the the the the the", "The The the the the the the", "éte été the words are here now"]
    for text in lines:
        assert fast(text) == _prose_text_plainly(text), text
    alphabet = list("abcdefxyz") + list("ABé,.;:-'’()0") + [" ", " ", " ", "\t", "\n", "\u00a0", "\u2009", "\x1c",
                                                            "\u3000", "\u200b", "\x85"]
    rng = random.Random(33)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert fast(text) == _prose_text_plainly(text), repr(text)


def _picture_page(rename: bool):
    """A page of prose with a run of Courier glyphs, its font named LINEW10 (LaTeX's picture-mode
    line font) when `rename`."""
    import pymupdf

    from tests.pdf_pages import prose
    from tests.test_parse_text27 import _rename

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    prose(page, 72, 540, 60, 300)
    for i in range(6):
        page.insert_text((200 + 7.7 * i, 400 + 2.5 * i), "X", fontname="cour", fontsize=10)
    if rename:
        _rename(doc, "Courier", "LINEW10")
    return pymupdf.open("pdf", doc.tobytes())


def test_a_pages_picture_font_glyphs_are_ink_and_no_words():
    """`_page_lines` asks the page's fonts once whether one is a picture font (the set the text
    layer's repairs gather as they walk the spans): a page with LINEW10 glyphs still gives them as
    ink and reads no "X" among its lines; the same glyphs in Courier are words."""
    for rename in (True, False):
        doc = _picture_page(rename)
        blank_ink: list = []
        lines = parse._page_lines(doc[0], 0, [], None, [], blank_ink, [])
        xs = [ln for ln in lines if set(ln.text) <= {"X", " "}]
        if rename:
            assert blank_ink and not xs, (blank_ink, [ln.text for ln in lines])
        else:
            assert not blank_ink and xs, (blank_ink, [ln.text for ln in lines])
        fonts: set = set()
        blocks = doc[0].get_text("dict", flags=parse._text_flags())["blocks"]
        parse._repair_text_layer(doc[0], blocks, fonts)
        assert fonts == {span["font"] for block in blocks for raw in block.get("lines", ()) for span in raw["spans"]}


def _without_glued_spaces_plainly(spans: list[dict]) -> list[dict]:
    """`parse._without_glued_spaces` as it was, its tests in their first order."""
    drop = None
    for i in range(1, len(spans) - 1):
        if not spans[i]["text"].isspace():
            continue
        before, after = spans[i - 1], spans[i + 1]
        if not before["text"].strip() or not after["text"].strip() or before["text"][-1].isspace() or \
                after["text"][0].isspace() or before["font"] != after["font"] or abs(before["size"] - after["size"]) > 0.3:
            continue
        if not before["text"][-1].isalpha() or not after["text"][0].islower():
            continue
        gap = after["bbox"][0] - before["bbox"][2]
        if -0.05 * before["size"] < gap < 0.08 * before["size"]:
            drop = drop or set()
            drop.add(i)
    return [s for i, s in enumerate(spans) if i not in drop] if drop else spans


def _random_spans(rng: random.Random) -> list[dict]:
    spans, x = [], 72.0
    for _ in range(rng.randint(0, 9)):
        text = rng.choice(["emb", "dding", "e", " ", "  ", "", "VIII.", "REFERENCES", "H", "in", "x ", " y", "3", "ab", "Ab"])
        size = rng.choice([10.0, 10.0, 10.2, 10.5, 7.0])
        x += rng.choice([-1.0, -0.4, 0.0, 0.0, 0.0, 0.3, 0.5, 0.9, 2.5])
        width = 5.0 * len(text) if text.strip() else rng.choice([0.0, 0.0, 0.3, 2.5])  # (a glued space: no gap)
        spans.append({"text": text, "font": rng.choice(["F1", "F1", "F2"]), "size": size, "flags": 0,
                      "bbox": (x, 700.0, x + width, 710.0), "origin": (x, 708.0), "color": 0})
        x += width
    return spans


def test_glued_spaces_are_found_as_before():
    """`_without_glued_spaces` weighs its cheapest tests first (the pieces' fonts and sizes, then
    their letters): the spans it drops are the ones the tests in their first order dropped."""
    rng = random.Random(331)
    dropped = 0
    for _ in range(20000):
        spans = _random_spans(rng)
        assert parse._without_glued_spaces(spans) == _without_glued_spaces_plainly(spans), spans
        dropped += parse._without_glued_spaces(spans) is not spans
    assert dropped > 100  # (the draw sets glued spaces)


def test_a_row_of_shown_spans_reads_the_same_without_the_blank_span_pass(monkeypatch):
    """`_spans_line` tells `_spans_text` when every span of the row shows something (none can be a
    space set in a span of its own): the row reads as it does with the pass made."""
    rng = random.Random(332)
    fast = [parse._spans_line({"spans": spans, "bbox": (72.0, 700.0, 300.0, 710.0)}, 0)
            for spans in (_random_spans(rng) for _ in range(3000))]
    plain_text = parse._spans_text
    monkeypatch.setattr(parse, "_spans_text", lambda spans, scripted=False, blanks=True: plain_text(spans, scripted))
    rng = random.Random(332)
    plain = [parse._spans_line({"spans": spans, "bbox": (72.0, 700.0, 300.0, 710.0)}, 0)
             for spans in (_random_spans(rng) for _ in range(3000))]
    assert fast == plain


def _glued_words_plainly(text: str, words) -> int:
    """`parse._glued_words` as it was: every printing of a token tried at every cut."""
    found = 0
    for token in parse.cached(r"(?<![\w-])[a-z]{5,}(?![\w-])").findall(text):
        if words.get(token, 0) > 1:
            continue
        if any(words.get(token[:k], 0) >= 3 and words.get(token[k:], 0) >= 3 for k in range(2, len(token) - 1)):
            found += 1
    return found


def test_glued_words_are_counted_as_before():
    """`_glued_words` keeps each token's answer for its other printings and cuts it in a plain
    loop: the same count, every printing counted."""
    from collections import Counter

    rng = random.Random(333)
    parts = ["would", "provide", "users", "with", "data", "model", "the", "of", "in", "set"]
    for _ in range(300):
        tokens = [rng.choice(parts) + (rng.choice(parts) if rng.random() < 0.4 else "") for _ in range(rng.randint(0, 80))]
        words = Counter(rng.choice(tokens) for _ in range(len(tokens) * 2)) if tokens else Counter()
        text = " ".join(t + rng.choice(["", "", "-", ",", "x"]) for t in tokens)
        assert parse._glued_words(text, words) == _glued_words_plainly(text, words), text


def test_many_rects_sort_top_left_as_by_the_key_pair():
    """`_top_left_sorted` sorts many rects by their left edge, then stably by their top: the order
    (ties included, the same objects) of `sorted(rects, key=_TOP_LEFT)`; a list with a NaN edge
    is sorted by the key pair itself."""
    rng = random.Random(334)
    for n in (0, 3, 255, 256, 3000):
        for _ in range(5):
            rects = [[float(rng.choice(range(40))), float(rng.choice(range(40))), 0.0, 0.0] for _ in range(n)]
            fast = parse._top_left_sorted(rects)
            plain = sorted(rects, key=parse._TOP_LEFT)
            assert len(fast) == len(plain) and all(a is b for a, b in zip(fast, plain))
    rects = [[float(rng.randint(0, 9)), float(rng.randint(0, 9)), 0.0, 0.0] for _ in range(1000)]
    rects[500][1] = float("nan")
    rects[10][0] = float("inf")
    fast, plain = parse._top_left_sorted(rects), sorted(rects, key=parse._TOP_LEFT)
    assert all(a is b for a, b in zip(fast, plain))


def test_a_scatter_plot_of_many_marks_is_one_figure_as_before(tmp_path, monkeypatch):
    """A page with a scatter plot of thousands of marks: the graphic boxes `_graphic_boxes` finds are
    the same with the two-pass sort as with the key pair."""
    import pymupdf

    from tests.pdf_pages import prose

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    prose(page, 72, 540, 60, 300)
    rng = random.Random(335)
    shape = page.new_shape()
    for _ in range(3000):
        x, y = rng.uniform(100, 400), rng.uniform(350, 600)
        shape.draw_rect(pymupdf.Rect(x, y, x + 1.5, y + 1.5))
    shape.finish(fill=(0, 0, 1), color=None)
    shape.commit()
    doc = pymupdf.open("pdf", doc.tobytes())
    fast = parse._read_page(doc[0], 0)[1]
    monkeypatch.setattr(parse, "_top_left_sorted", lambda rects: sorted(rects, key=parse._TOP_LEFT))
    plain = parse._read_page(doc[0], 0)[1]
    assert fast == plain and fast


def test_a_stretched_row_is_found_and_two_pieces_are_none():
    """`_stretched_words` closes a run of fewer than three pieces at once (no two gaps in it): a row
    of three words or more one gap apart is still found, two words alone are not."""
    from paperkit.reading.parse import Line

    def piece(x0: float, text: str, base: float = 700.0) -> Line:
        return Line(page=0, x0=x0, y0=base - 8, x1=x0 + 5.0 * len(text), y1=base + 2, text=text, size=10.0,
                    bold=False, italic=False, math_chars=0, base=base)

    row = [piece(72, "We"), piece(72 + 10 + 15, "compare"), piece(72 + 10 + 15 + 35 + 15, "methods"),
           piece(72 + 10 + 15 + 35 + 15 + 35 + 15, "here")]
    assert parse._stretched_words(row) == {id(x) for x in row[1:]}
    assert parse._stretched_words(row[:2]) == set()
    assert parse._stretched_words(row[:3]) == {id(x) for x in row[1:3]}


def test_a_white_ground_is_trimmed_to_the_marks_in_it():
    """`_trim_to_seen` takes the marks' extreme edges with `map` over the box's edge getters: the
    box of the ink inside the white ground, as the generators over each edge gave it."""
    rng = random.Random(336)
    for _ in range(200):
        box = (100.0, 100.0, 400.0, 400.0)
        ink = [(x, y, x + rng.uniform(0.5, 20), y + rng.uniform(0.5, 20))
               for x, y in ((rng.uniform(50, 450), rng.uniform(50, 450)) for _ in range(rng.randint(0, 60)))]
        hit = [m for m in ink if m[0] < 400 and m[2] > 100 and m[1] < 400 and m[3] > 100]
        want = box if not hit else (max(100.0, min(m[0] for m in hit)), max(100.0, min(m[1] for m in hit)),
                                    min(400.0, max(m[2] for m in hit)), min(400.0, max(m[3] for m in hit)))
        assert parse._trim_to_seen(box, [(99.5, 99.5, 400.5, 400.5)], ink, [], []) == want
