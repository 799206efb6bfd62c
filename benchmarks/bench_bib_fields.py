"""Bibliography fields on real papers: how well `paperkit outline` reads each entry's authors, title,
year and identifiers, and links in-text citations to their entries.

Truth: benchmarks/real_corpus/bib_fields.json, typed by hand from the rendered reference pages of
seventeen tune papers in different styles (IEEE, ACM, USENIX, natbib, alpha, ACL, AAAI, Springer,
Elsevier, PLOS, APS, Neural Computation): for a sample of entries the authors' surnames, the title, the
year and the printed DOI or arXiv id, and in-text citations of those entries. Twelve papers are the
"tune" set the field fixes were made against; five, the "check" set, were typed after those fixes and
scored once, so their figures say how the fields fare on entries nobody tuned for.

Scores, per field, over the sampled entries:
- entry found: a parsed entry with the truth's label (numbered, alpha), else the entry whose text holds
  the title's words and the first surname;
- authors: the surnames exact, all of them, in order (a parsed name counts when it ends with the
  surname, so "Dotan Di Castro" is "Di Castro", "Castro" is not);
- title: equal once case, accents, punctuation and line-end hyphens are set aside (a missing title
  is right only where none is printed);
- year; ids: the DOI (case aside) and arXiv id, where printed;
- citations linked: the truth's citations found on their page and linked to the right entries.

The alternative, in the same run on the same entry texts: a naive reader that cuts an entry at its
full stops ("Authors. Title. Venue, year.") as a plain regex script would.

Run: python -m benchmarks.bench_bib_fields --corpus DIR [--no-report] [NAMES]
     (DIR holds tune/<name>.pdf; PAPERKIT_REAL_CORPUS may name it instead.)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

TRUTH_FILE = Path(__file__).resolve().parent / "real_corpus" / "bib_fields.json"
FIELDS = ("found", "authors", "title", "year", "ids")


def fold(text: str) -> str:
    """Lower case, accents and everything but letters and digits dropped ("d'Avila Garcez" → "davilagarcez")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if ch.isalnum())


def title_key(text: str | None) -> str:
    """A title compared: line-end hyphens joined, case, accents and punctuation set aside."""
    text = re.sub(r"(?<=\w)-\s+(?=\w)", "", text or "")
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", text))


def surnames_right(parsed: tuple[str, ...] | list[str], truth: list[str]) -> bool:
    """Every printed author, in order, each parsed name ending with the truth's surname."""
    return len(parsed) == len(truth) and all(fold(p).endswith(fold(t)) and fold(t) for p, t in zip(parsed, truth))


@dataclass
class Ref:
    """The fields a reader gives one entry (paperkit's Reference, or the naive reader's)."""

    text: str
    label: str | None
    authors: tuple[str, ...]
    title: str | None
    year: int | None
    doi: str | None
    arxiv: str | None


def naive_reference(text: str) -> Ref:
    """The alternative: label off, then cut at full stops; the first part is the authors (parted by
    commas and "and"), the second the title; the last four-digit year; DOI and arXiv id by pattern."""
    label = re.match(r"\s*(?:\[([^\]]{1,20})\]|(\d{1,3})\.)\s*", text)
    body = text[label.end():] if label else text
    parts = [p.strip() for p in re.split(r"(?<=[a-z0-9)])\.\s+", body) if p.strip()]
    authors = tuple(a.strip() for a in re.split(r",\s*(?:and\s+)?|\s+and\s+", parts[0]) if a.strip()) if parts else ()
    years = re.findall(r"\b(?:19|20)\d{2}\b", body)
    doi = re.search(r"\b(10\.\d{4,9}/\S+?)[.,;]?(?:\s|$)", body)
    arxiv = re.search(r"arxiv[:\s]*(\d{4}\.\d{4,5})", body, re.IGNORECASE)
    return Ref(text, (label.group(1) or label.group(2)) if label else None, authors,
               parts[1].rstrip(".") if len(parts) > 1 else None, int(years[-1]) if years else None,
               doi.group(1) if doi else None, arxiv.group(1) if arxiv else None)


def as_ref(reference) -> Ref:
    return Ref(reference.text, reference.label, tuple(reference.authors), reference.title, reference.year,
               reference.doi, reference.arxiv)


def find_entry(truth: dict, refs: list[Ref]) -> int | None:
    """The index of the parsed entry the truth entry is: by its label, else by its words."""
    if truth.get("label"):
        for i, ref in enumerate(refs):
            if ref.label and fold(ref.label) == fold(truth["label"]):
                return i
    want = set(title_key(truth.get("title")).split()) | {fold(truth["authors"][0])}
    best, best_score = None, 0.6
    for i, ref in enumerate(refs):
        have = set(title_key(ref.text).split()) | {fold(w) for w in ref.text.split()}
        score = len(want & have) / len(want)
        if score > best_score:
            best, best_score = i, score
    return best


@dataclass
class FieldCounts:
    """Right / scored, per field."""

    right: dict = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    scored: dict = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list = field(default_factory=list)

    def add(self, name: str, ok: bool, what: str = "") -> None:
        self.scored[name] += 1
        self.right[name] += ok
        if not ok and what:
            self.misses.append(what)

    def __iadd__(self, other: "FieldCounts") -> "FieldCounts":
        for name in FIELDS:
            self.right[name] += other.right[name]
            self.scored[name] += other.scored[name]
        self.misses += other.misses
        return self


def score_entries(truth_entries: list[dict], refs: list[Ref]) -> FieldCounts:
    out = FieldCounts()
    for truth in truth_entries:
        key = truth.get("label") or truth.get("key")
        index = find_entry(truth, refs)
        out.add("found", index is not None, f"{key}: no entry")
        ref = refs[index] if index is not None else Ref("", None, (), None, None, None, None)
        out.add("authors", surnames_right(ref.authors, truth["authors"]), f"{key}: authors {list(ref.authors)}")
        out.add("title", title_key(ref.title) == title_key(truth.get("title")), f"{key}: title {ref.title!r}")
        out.add("year", ref.year == truth.get("year"), f"{key}: year {ref.year}")
        if truth.get("doi"):
            out.add("ids", (ref.doi or "").casefold() == truth["doi"].casefold(), f"{key}: doi {ref.doi}")
        if truth.get("arxiv"):
            out.add("ids", ref.arxiv == truth["arxiv"], f"{key}: arxiv {ref.arxiv}")
    return out


def citations_linked(truth: dict, refs: list[Ref], citations) -> tuple[int, int, list[str]]:
    """(linked right, checked, what was missed): a truth citation is linked right when a parsed citation
    on its page (or the page before, where its paragraph starts) holds its text and names every entry it
    names."""
    entries = {(e.get("label") or e.get("key")): e for e in truth["entries"]}
    right, misses = 0, []
    for cite in truth.get("citations", []):
        # (a label the sample lacks is looked up as printed: "[1, 2]" names entry 2 too)
        want = {find_entry(entries.get(k, {"label": k, "authors": [k]}), refs) for k in cite["refs"]}
        ok = None not in want and any(
            cite["page"] - 1 <= c.page <= cite["page"] and title_key(cite["text"]) in title_key(c.text) and want <= set(c.refs)
            for c in citations)
        right += ok
        if not ok:
            misses.append(f"p{cite['page']} {cite['text']}")
    return right, len(truth.get("citations", [])), misses


@dataclass
class PaperResult:
    name: str
    set: str  # "tune": the fixes were made against it; "check": typed after them, scored once
    style: str
    ours: FieldCounts
    naive: FieldCounts
    cites: tuple[int, int, list[str]]


def score_paper(name: str, truth: dict, paper) -> PaperResult:
    refs = [as_ref(r) for r in paper.bibliography]
    naive = [naive_reference(r.text) for r in paper.bibliography]
    return PaperResult(name, truth.get("set", "tune"), truth.get("style", ""), score_entries(truth["entries"], refs),
                       score_entries(truth["entries"], naive), citations_linked(truth, refs, paper.citations))


def _rate(counts: FieldCounts, name: str) -> str:
    n = counts.scored[name]
    return f"{counts.right[name] / n:.3f} ({counts.right[name]}/{n})" if n else "–"


def table(results: list[PaperResult]) -> str:
    """Per field: paperkit on the tune set and on the check set, and the naive reader on both."""
    sets = {}
    for r in results:
        ours, naive, cites = sets.setdefault(r.set, (FieldCounts(), FieldCounts(), [0, 0]))
        ours += r.ours
        naive += r.naive
        cites[0] += r.cites[0]
        cites[1] += r.cites[1]
    names = [name for name in ("tune", "check") if name in sets]
    lines = ["| field | " + " | ".join(f"paperkit, {n} set" for n in names) + " | " +
             " | ".join(f"naive full-stop reader, {n} set" for n in names) + " |",
             "|---" * (1 + 2 * len(names)) + "|"]
    for name in FIELDS:
        lines.append(f"| {name} | " + " | ".join(_rate(sets[n][0], name) for n in names) + " | " +
                     " | ".join(_rate(sets[n][1], name) for n in names) + " |")
    lines.append("| citations linked | " + " | ".join(
        f"{sets[n][2][0] / sets[n][2][1] if sets[n][2][1] else 1:.3f} ({sets[n][2][0]}/{sets[n][2][1]})" for n in names) +
        " | " + " | ".join("–" for _ in names) + " |")
    lines += ["", "Per paper (paperkit; entries found, authors, title, year, ids right / scored; citations linked):", "",
              "| paper | set | style | found | authors | title | year | ids | citations |", "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        cells = " | ".join(f"{r.ours.right[n]}/{r.ours.scored[n]}" for n in FIELDS)
        lines.append(f"| {r.name} | {r.set} | {r.style} | {cells} | {r.cites[0]}/{r.cites[1]} |")
    return "\n".join(lines)


def run(corpus: Path, names: list[str] | None = None, *, verbose: bool = False) -> list[PaperResult]:
    from paperkit.reading.parse import parse_pdf

    truth = json.loads(TRUTH_FILE.read_text(encoding="utf-8"))["papers"]
    results = []
    for name, paper_truth in truth.items():
        if names and name not in names:
            continue
        pdf = corpus / "tune" / f"{name}.pdf"
        if not pdf.exists():
            print(f"{name}: no PDF, skipped", flush=True)
            continue
        result = score_paper(name, paper_truth, parse_pdf(pdf))
        results.append(result)
        if verbose:
            for miss in result.ours.misses + result.cites[2]:
                print(f"  {name}: {miss}")
    return results


def main(argv: list[str] | None = None) -> int:
    from benchmarks.bench_real import ENV, corpus_dir

    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_bib_fields", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help=f"folder with tune/ PDFs (default: ${ENV})")
    parser.add_argument("--no-report", action="store_true", help="do not write docs/BENCHMARKS.md")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every field read wrong")
    parser.add_argument("names", nargs="*", help="only these papers")
    args = parser.parse_args([] if argv is None else argv)
    corpus = corpus_dir(args.corpus)
    if corpus is None or not corpus.is_dir():
        print(f"real-paper corpus not found ({corpus or 'set --corpus DIR or ' + ENV}): skipped")
        return 0
    results = run(corpus, args.names, verbose=args.verbose)
    if not results:
        print(f"no papers of {TRUTH_FILE.name} under {corpus}: nothing measured")
        return 0
    body = table(results)
    print(body)
    if not args.no_report and not args.names:
        from benchmarks._report import update_section

        entries = sum(r.ours.scored["found"] for r in results)
        update_section("bib-fields", "Bibliography fields on real papers (tune split)",
                       "python -m benchmarks.bench_bib_fields --corpus DIR",
                       f"{entries} entries and their citations in {len(results)} tune-split papers, truth typed by hand from "
                       f"the rendered reference pages (benchmarks/real_corpus/bib_fields.json). Authors: all surnames "
                       f"right, in order; title: case, accents and punctuation aside; ids: printed DOIs and arXiv "
                       f"ids. The naive reader cuts the same entry texts at full stops. The check set was typed after the "
                       f"first field fixes and first scored then (see the history section below).\n\n" + body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
