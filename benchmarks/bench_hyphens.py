"""Line-end hyphens the paper gives no evidence for: the English word list against the rule before it.

A hyphen at a line end is either the line's ("algo-" / "rithm") or the word's ("data-" / "driven").
The parser first asks the paper (the closed or the hyphenated word printed inside a line elsewhere);
when the paper says nothing, it asks the word list (`paperkit.reading.lexicon`). The rule before the
list (the alternative, still what the parser does without the list) kept the hyphen only when both
halves were words of the paper.

Truth: benchmarks/real_corpus/hyphens.tsv, hyphens of the tune papers judged by a person, in two
lists: `sample`, 100 drawn at random from all such hyphens, and `changed`, every one on which the two
rules disagreed when the list was made. Each is scored with both rules in the same run, on the
paper's own words as the parser gathers them.

Cost: the time spent in the word list while each paper is parsed, from a cold start of the list
(the file read and every look-up, as in a fresh `paperkit outline` process), against the time of
PyMuPDF's get_text("dict") on the same paper (the bare process the outline command is held to).

Run: python -m benchmarks.bench_hyphens --corpus DIR   (DIR holds tune/<name>.pdf; or $PAPERKIT_REAL_CORPUS)
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.bench_real import ENV, corpus_dir

TRUTH = Path(__file__).resolve().parent / "real_corpus" / "hyphens.tsv"


def load_truth(path: Path = TRUTH) -> list[dict]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def score(rows: list[dict], outcome) -> tuple[int, int]:
    """(right, judged) over the rows whose truth is not E; `outcome(row)` is "J", "K", "S" or None
    (the hyphen was not found in the parse: counted as judged and wrong)."""
    judged = [r for r in rows if r["truth"] != "E"]
    return sum(outcome(r) == r["truth"] for r in judged), len(judged)


def _junctions(pdf: Path) -> tuple[dict, float, float]:
    """Every line-end hyphen the parser weighed in this paper, as {(head, tail): (before, after,
    words)}, with the milliseconds spent in the word list (cold) and in get_text("dict")."""
    import pymupdf

    from paperkit.reading import lexicon, parse

    seen: dict = {}
    spent = [0.0]
    keeps, listed, suspended = parse._keeps_hyphen, parse._listed_compound, parse._suspended_hyphen

    def spy(before, after, words):
        last = before.rsplit(None, 1)[-1] if before.strip() else ""
        head, tail = re.search(r"([^\W\d_]+(?:-[^\W\d_]+)*)-$", last), re.match(r"[^\W\d_]+", after)
        if head and tail:
            seen.setdefault((head.group(1), tail.group(0)), (before, after, words))
        return words is not None and keeps(before, after, words)

    def spy_suspended(before, after):
        found = suspended(before, after)
        if found:  # decided before the paper's words are asked; the rule before never wrote one
            spy(before, after, None)
        return found

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return listed(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    lexicon._data.cache_clear()
    lexicon.frequency.cache_clear()
    parse._keeps_hyphen, parse._listed_compound, parse._suspended_hyphen = spy, timed, spy_suspended
    try:
        with pymupdf.open(pdf) as doc:
            parse.parse_document(doc)
    finally:
        parse._keeps_hyphen, parse._listed_compound, parse._suspended_hyphen = keeps, listed, suspended
    with pymupdf.open(pdf) as doc:
        start = time.perf_counter()
        for page in doc:
            page.get_text("dict")
        bare = time.perf_counter() - start
    return seen, spent[0] * 1000, bare * 1000


def _outcome(found: tuple | None, with_list: bool) -> str | None:
    """How the parser writes the hyphen: with the word list, or with the rule before it (the
    parser's own fallback when the list is not installed)."""
    from paperkit.reading import lexicon, parse

    if found is None:
        return None
    before, after, words = found
    if words is None:  # a suspended hyphen ("low- and high-level"): the rule before joined or kept it
        return "S" if with_list else "-"
    available = lexicon.available
    if not with_list:
        lexicon.available = lambda: False
    try:
        return "K" if parse._keeps_hyphen(before, after, words) else "J"
    finally:
        lexicon.available = available


def run(corpus: Path, rows: list[dict]) -> tuple[dict, list[tuple[str, float, float]]]:
    by_paper = defaultdict(list)
    for r in rows:
        by_paper[r["paper"]].append(r)
    outcomes: dict = {}
    costs = []
    for name in sorted(by_paper):
        pdf = corpus / "tune" / f"{name}.pdf"
        if not pdf.exists():
            continue
        seen, list_ms, bare_ms = _junctions(pdf)
        costs.append((name, list_ms, bare_ms))
        for r in by_paper[name]:
            found = seen.get((r["head"], r["tail"]))
            outcomes[id(r)] = (_outcome(found, False), _outcome(found, True))
    return outcomes, costs


def report_body(rows: list[dict], outcomes: dict, costs: list) -> str:
    lines = ["| hyphens (tune papers, no evidence in the paper) | judged | either spelling | "
             "rule before the list (paper's words only) | word list | ratio |", "|---|---|---|---|---|---|"]
    for name in ("sample", "changed"):
        part = [r for r in rows if r["list"] == name and id(r) in outcomes]
        old, judged = score(part, lambda r: outcomes[id(r)][0])
        new, _ = score(part, lambda r: outcomes[id(r)][1])
        either = sum(r["truth"] == "E" for r in part)
        what = ("random sample of 100" if name == "sample"
                else "every hyphen on which the two rules disagreed when the list was made (whole tune split)")
        lines.append(f"| {what} | {judged} | {either} | {old}/{judged} ({old / max(judged, 1):.0%}) | "
                     f"{new}/{judged} ({new / max(judged, 1):.0%}) | {new / max(old, 1):.2f}× |")
    ms = sorted(c[1] for c in costs)
    share = sorted(c[1] / c[2] for c in costs if c[2] > 0)
    lines += ["", f"Cost of the word list per paper ({len(costs)} papers; the list read from a cold start, then "
              f"every look-up): median {statistics.median(ms):.1f} ms, max {ms[-1]:.1f} ms; as a share of the "
              f"paper's own get_text(\"dict\") time: median {statistics.median(share):.1%}, max {share[-1]:.1%}.",
              "", "Judged = truth not E (`either`: both spellings standard, or the text around it garbled). "
              "A hyphen the parse no longer meets counts as wrong for both rules. The rule was designed on these "
              "same tune papers (its prefix and suffix lists from the `changed` hyphens): not a held-out measure."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_hyphens", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help=f"folder with tune/ PDFs (default: ${ENV})")
    parser.add_argument("--no-report", action="store_true", help="do not write docs/BENCHMARKS.md")
    args = parser.parse_args([] if argv is None else argv)  # `python -m benchmarks` calls main() bare
    corpus = corpus_dir(args.corpus)
    if corpus is None or not (corpus / "tune").is_dir():
        print(f"real-paper corpus not found ({corpus or 'set --corpus DIR or ' + ENV}): skipped")
        return 0
    rows = load_truth()
    outcomes, costs = run(corpus, rows)
    body = report_body(rows, outcomes, costs) + (
        f"\n\nLoad average (1 min) at the end of the run: {os.getloadavg()[0]:.1f}; the machine was shared, "
        "so the milliseconds are upper bounds.")
    print(body)
    if not args.no_report:
        from benchmarks._report import update_section

        update_section("hyphens", "Line-end hyphens without evidence in the paper: word list vs paper's words only",
                       "python -m benchmarks.bench_hyphens --corpus DIR", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
