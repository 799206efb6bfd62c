"""Speed work of speed25 that must not change what the parser finds: the faster paths give the
results of the plain ones they stand in for."""

from __future__ import annotations

import importlib.util
import marshal
import os
from pathlib import Path

import pytest

from paperkit.reading import lexicon


def _reference() -> dict[str, int]:
    """The word list read plainly into a dict (the slow reference)."""
    folder = Path(importlib.util.find_spec("symspellpy").submodule_search_locations[0])
    lines = (folder / "frequency_dictionary_en_82_765.txt").read_text(encoding="ascii").split("\n")
    return {w: int(c) for w, c in (line.split(" ") for line in lines if line)}


@pytest.fixture
def store(tmp_path, monkeypatch):
    """The word list's sorted store in a folder of the test's own, and a fresh look-up."""
    path = tmp_path / "__pycache__" / "lexicon.test.marshal"
    monkeypatch.setattr(lexicon, "_store_path", lambda: path)
    lexicon._sorted.cache_clear()
    lexicon.frequency.cache_clear()
    yield path
    lexicon._sorted.cache_clear()  # the next look-up reads the package's own store again
    lexicon.frequency.cache_clear()


def test_the_sorted_word_list_finds_every_word_with_its_count(store):
    counts = _reference()
    table = lexicon._sorted()
    assert store.is_file()  # made and written at the first look-up
    assert len(table) == len(counts)
    for word, count in counts.items():
        assert table.count(word.encode()) == count
    # words that only begin or end a listed one, or sort before the first or after the last word
    for word in ("algo", "rithm", "lgorithm", "algorithmx", "datadriven", "a" * 30, "zzzzzzzz", "", "'"):
        assert table.count(word.encode()) == counts.get(word, 0)


def test_the_store_is_read_back_and_made_again_when_the_list_changed(store, monkeypatch):
    counts = _reference()
    sample = ["the", "of", "algorithm", "overfit", "overflt", "hi", "vid", "zygote", "algo"]
    made = [lexicon.frequency(w) for w in sample]
    assert made == [counts.get(w, 0) for w in sample]
    lexicon._sorted.cache_clear()
    lexicon.frequency.cache_clear()
    monkeypatch.setattr(lexicon._Sorted, "of", None)  # read back: nothing sorted again
    assert [lexicon.frequency(w) for w in sample] == made
    monkeypatch.undo()
    monkeypatch.setattr(lexicon, "_store_path", lambda: store)
    # another list (another size or time): the store is not trusted and is made again
    real = lexicon._stamp
    monkeypatch.setattr(lexicon, "_stamp", lambda path: real(path) + ("another list",))
    lexicon._sorted.cache_clear()
    lexicon.frequency.cache_clear()
    assert [lexicon.frequency(w) for w in sample] == made
    assert marshal.loads(store.read_bytes())[0][-1] == "another list"  # written again with the new stamp


def test_a_damaged_store_is_made_again(store):
    lexicon._sorted()
    store.write_bytes(b"not marshal")
    lexicon._sorted.cache_clear()
    assert lexicon._sorted().count(b"the") == _reference()["the"]


def test_without_a_writable_folder_the_search_and_dict_give_the_counts(store, monkeypatch):
    monkeypatch.setattr(lexicon, "_writable", lambda path: False)
    assert lexicon._sorted() is None
    counts = _reference()
    sample = ["the", "algorithm", "overflt", "algo", "vid", "hi"] * 8  # past `_SCANS`: the dict too
    monkeypatch.setattr(lexicon, "_scans", [0])
    found = []
    for word in sample:
        lexicon.frequency.cache_clear()
        found.append(lexicon.frequency(word))
    assert found == [counts.get(w, 0) for w in sample]
    assert not store.exists()


def _plain_join_rule_pieces(rects):
    """`_join_rule_pieces` as it was before speed25: each candidate chain's heights tested first,
    and a chain's long piece looked for at the end (the slow reference)."""
    thin = [r for r in rects if r[3] - r[1] < 2 and r[2] - r[0] > 0.5]
    if len(thin) < 2:
        return rects
    thin.sort(key=lambda r: r[0])
    joined, chains, ends, level = {}, [], [], {}
    for r in thin:
        key = int(r[1] / 0.3)
        for k in (k for near in (key - 1, key, key + 1) for k in level.get(near, ())[-16:]):
            first = chains[k][0]
            if abs(first[1] - r[1]) < 0.3 and abs(first[3] - r[3]) < 0.3 and r[0] <= ends[k] + 0.5:
                chains[k].append(r)
                ends[k] = max(ends[k], r[2])
                break
        else:
            level.setdefault(key, []).append(len(chains))
            chains.append([r])
            ends.append(r[2])
    for chain in chains:
        if len(chain) > 1 and any(c[2] - c[0] > 30 for c in chain):
            rule = [min(c[0] for c in chain), min(c[1] for c in chain), max(c[2] for c in chain), max(c[3] for c in chain)]
            for c in chain:
                joined[id(c)] = rule
    if not joined:
        return rects
    out, added = [], set()
    for r in rects:
        rule = joined.get(id(r))
        if rule is None:
            out.append(r)
        elif id(rule) not in added:
            added.add(id(rule))
            out.append(rule)
    return out


def _rule_pieces(rng):
    """Table rules cut into cell borders (some with a gap or overlap), plot curves in short flat
    strokes at a few heights (more than 16 chains a height), and boxes that are no hairlines."""
    rects = []
    for _ in range(rng.choice([0, 1, 3, 8])):  # rules in pieces
        y, w = rng.uniform(50, 700), rng.choice([0.4, 0.5, 1.0])
        x = rng.uniform(40, 100)
        for _ in range(rng.randint(1, 8)):
            length = rng.choice([3, 20, 45, 120])
            rects.append([x, y + rng.choice([0, 0.1, 0.25, 0.35]), x + length, y + w])
            x += length + rng.choice([-2, 0, 0.3, 0.5, 0.7, 4])
    for _ in range(rng.choice([0, 1, 2])):  # a curve's flat stretches
        y = rng.uniform(50, 700)
        for _ in range(rng.choice([10, 40, 300])):
            x = rng.uniform(50, 500)
            dy = rng.choice([0, 0.1, 0.2, 0.3, 0.6, 0.9])
            rects.append([x, y + dy, x + rng.choice([0.6, 1, 2, 31]), y + dy + rng.choice([0.2, 0.5])])
    for _ in range(rng.choice([0, 2, 10])):  # no hairlines: tall boxes, dots
        x, y = rng.uniform(40, 500), rng.uniform(50, 700)
        rects.append([x, y, x + rng.choice([0.3, 5, 80]), y + rng.choice([0.5, 3, 40])])
    rng.shuffle(rects)
    return rects


def test_join_rule_pieces_gives_the_plain_joins_in_their_order():
    import random

    from paperkit.reading.parse import _join_rule_pieces

    rng = random.Random(25)
    joins = 0
    for _ in range(800):
        rects = _rule_pieces(rng)
        want = _plain_join_rule_pieces([list(r) for r in rects])
        got = _join_rule_pieces([list(r) for r in rects])
        assert got == want
        joins += len(got) < len(rects)
    assert joins > 150  # the cases join pieces, not only leave them as they are


def _small_pdf(path):
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A Small Paper", fontsize=16)
    page.insert_text((72, 110), "Its only sentence is here, in plain prose on the first page.", fontsize=10)
    doc.save(path)
    doc.close()
    return path


def test_the_parse_cache_is_written_without_a_sync_and_a_cut_entry_is_parsed_again(tmp_path, monkeypatch):
    import json

    from paperkit import files
    from paperkit.reading import resolve

    pdf = _small_pdf(tmp_path / "small.pdf")
    monkeypatch.setenv("PAPERKIT_CACHE", str(tmp_path / "cache"))
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(files.os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))
    paper = resolve.load_or_parse(pdf)
    cached = resolve.parsed_cache_path(pdf)
    assert cached.is_file() and not synced  # a cache entry: not synced
    files.atomic_write_text(tmp_path / "kept.txt", "kept")
    assert len(synced) == 1  # other files still are
    # what a crash may leave of an entry not synced: empty, or cut short
    for left in ("", cached.read_text(encoding="utf-8")[:40]):
        cached.write_text(left, encoding="utf-8")
        again = resolve.load_or_parse(pdf)
        assert again.to_json() == paper.to_json()
        assert json.loads(cached.read_text(encoding="utf-8"))["title"] == paper.title


def test_a_local_pdf_is_opened_without_reading_an_arxiv_id(tmp_path, monkeypatch):
    import sys

    from paperkit.reading import resolve

    pdf = _small_pdf(tmp_path / "small.pdf")
    monkeypatch.setenv("PAPERKIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.delitem(sys.modules, "paperkit.ids", raising=False)
    paper = resolve.open_paper(str(pdf))
    assert paper.pages == 1
    assert "paperkit.ids" not in sys.modules
    # a path that is not there and no id still says why
    from paperkit.errors import PaperkitError

    with pytest.raises(PaperkitError):
        resolve.open_paper("not-an-id-nor-a-file")


@pytest.mark.parametrize("dense", [False, True])
def test_extension_glyphs_are_read_again_over_the_same_prose_rows_as_before(dense):
    """`_repair_extension_glyphs` counts a row's letters only where a glyph stands in it: the
    glyphs it reads again (the clip of its second read) are those the plain filter chose, which
    counted the letters of every row first. (`dense`: pages of many rows of any height, a tall
    display's bracket row or one whose box is upside down, and now and then a NaN edge: the rows
    level with a glyph are found by bisection on their tops, or all walked past a NaN, session 32.)"""
    import random

    import pymupdf

    from paperkit.reading.parse import _EXTENSION_FONT, MATH_FONT, _repair_extension_glyphs

    def plain(blocks, spans):
        prose = [ln["bbox"] for b in blocks for ln in b.get("lines", ())
                 if sum(sum(map(str.isalpha, s["text"])) for s in ln["spans"] if not MATH_FONT.search(s["font"])) >= 6]
        return [s for s in spans if any(min(s["bbox"][3], row[3]) > max(s["bbox"][1], row[1]) and
                                        row[0] <= s["bbox"][0] <= row[2] for row in prose)]

    class Page:
        def get_text(self, kind, flags, clip):
            self.clip = clip
            return {"blocks": []}

    rng = random.Random(32 if dense else 25)
    reads = 0
    cases = 300 if dense else 400
    for case in range(cases):
        blocks = []
        for _ in range(rng.randint(1, 5 if dense else 4)):
            lines = []
            for _ in range(rng.randint(0, 30 if dense else 6)):
                x0, y0 = rng.uniform(50, 300), rng.uniform(50, 700)
                height = rng.choice([10.0, 10.0, 10.0, 40.0, 120.0, -3.0]) if dense else 10.0
                spans = []
                for _ in range(rng.randint(1, 4)):
                    sx = rng.uniform(x0 - 5, x0 + 250)
                    font = rng.choice(["CMR10", "CMMI10", "CMEX10", "CMSY10"])
                    text = rng.choice(["ab", "word s", "\ufffd", "x\ufffd", "prose text", "12"])
                    if dense:
                        sy = y0 + rng.uniform(-30, 30)
                        box = (sx, sy, sx + 8, sy + rng.uniform(1, 25))
                    else:
                        box = (sx, y0 + rng.uniform(-8, 8), sx + 8, y0 + 10)
                    spans.append({"text": text, "font": font, "bbox": box, "origin": (sx, box[1] + 8)})
                bottom = float("nan") if dense and case % 50 == 7 and not lines else y0 + height
                lines.append({"bbox": (x0, y0, x0 + rng.choice([30, 250]), bottom), "spans": spans})
            blocks.append({"lines": lines})
        candidates = [s for b in blocks for ln in b["lines"] for s in ln["spans"]
                      if "\ufffd" in s["text"] and _EXTENSION_FONT.search(s["font"])]
        want = plain(blocks, candidates)
        page = Page()
        _repair_extension_glyphs(page, blocks)
        if not want:
            assert not hasattr(page, "clip")
            continue
        reads += 1
        clip = pymupdf.Rect(want[0]["bbox"])
        for s in want[1:]:
            clip |= s["bbox"]
        assert page.clip == clip + (-1, -1, 1, 1)
    assert 20 < reads < cases  # both kinds of case
