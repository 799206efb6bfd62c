"""Real papers: how faithfully `paperkit outline` reads research PDFs nobody on this project wrote.

The corpus is listed in benchmarks/real_corpus/manifest.toml (source repository, commit, path,
sha256, arXiv id, style); the PDFs are not in this repository. Truth per paper is in
benchmarks/real_corpus/truth/<name>.json, made without paperkit's parser (benchmarks/real_truth.py:
sentences on which PyMuPDF and poppler's pdftotext agree; title, abstract, headings, figure and
table numbers and bibliography size proposed from PyMuPDF and checked on rendered pages).

Scores per paper, against the named alternative where there is one:
- sentences intact: truth sentences whose words appear in order within one paragraph or footnote
  of the parsed paper, against the same in PyMuPDF's raw page text (the alternative; ratio);
  split by where the sentence lies (page break, column break, beside a figure, above a footnote);
- title exact (normalised), abstract found (its first words at its start);
- section precision, recall and F1 over (number, title) pairs, at the levels the truth lists;
- figure and table F1 over (kind, number);
- crops whole (papers whose truth has `float_boxes`): a float's crop is whole when paperkit's box for
  the same kind and number, on the same page, holds the truth box with 3 pt slack and is at most
  20 pt wider and 60 pt taller (the LaTeX corpus's criterion); else too big (holds it but swallows
  more), cut (misses part of it) or missing (no box, or none on that page);
- bibliography: entry count within 5 % of the truth;
- speed: the whole `paperkit outline --json` command, cold cache, against a bare Python process that
  opens the PDF and calls get_text("dict") on every page (ratio).

Held-out discipline: the heldout split is measured once, by the lead, with --split heldout;
parser work is tuned on --split tune only.

Variants (--variant): the same papers produced another way, scored against the same truth, to show
what the parser leans on that many real PDFs lack:
- unmarked: each PDF saved again by PyMuPDF without its bookmarks and metadata (title, author): most
  papers have none (Word, older LaTeX without hyperref, print-to-PDF), and headings must come from the
  printed page alone;
- reprinted: each PDF printed anew by the cairo library (poppler's `pdftocairo -pdf`, the library
  behind Firefox's print-to-PDF): bookmarks, metadata and links are gone, fonts are embedded again as
  subsets and every content stream is rewritten.

Run: python -m benchmarks.bench_real --corpus DIR [--split tune|heldout|all] [--no-timing] [--variant unmarked|reprinted]
     python -m benchmarks.bench_real --corpus DIR --fetch [--clones DIR]  (put the listed PDFs in place)
     (DIR holds tune/<name>.pdf and heldout/<name>.pdf; PAPERKIT_REAL_CORPUS may name it instead.)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.real_truth import MANIFEST, TRUTH, float_number, load_manifest, norm
from corpus.samples import crop_verdict

ENV = "PAPERKIT_REAL_CORPUS"
VARIANTS = ("unmarked", "reprinted")
PLACES = ("page-break", "column-break", "beside-figure", "above-footnote", "body")


# ─────────────────────────────── scoring (no PDF needed) ───────────────────────────────


def paper_haystack(paper) -> str:
    """The parsed paper's paragraphs and footnotes, each normalised, joined by a separator that no
    sentence can match across."""
    texts = [paper.abstract or ""]  # the truth samples the abstract's sentences too
    texts += [p.text for s in paper.sections for p in s.paragraphs]
    texts += [getattr(f, "text", "") for f in getattr(paper, "footnotes", ())]
    return " | ".join(norm(t) for t in texts)


def raw_haystack(pdf: Path) -> str:
    """PyMuPDF's plain page text, lines joined and lower-case line-end hyphens undone (what a reader
    without paperkit gets), normalised as the truth is."""
    import pymupdf

    with pymupdf.open(pdf) as doc:
        text = " ".join(page.get_text() for page in doc)
    return norm(re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", text))


ABSTRACT_LABEL = re.compile(r"^(?:Abstract|ABSTRACT)\s*[\u2014\u2013:.-]\s*(?=[A-Z0-9])")


def without_heading(sentence: str, sections: list[dict]) -> str:
    """The sentence without a heading that both extractors glued to its front ("RELATED WORK 3.1 Peer
    to Peer Systems There are ..."): the heading is no part of the paragraph's text. So is an
    abstract's run-in label ("Abstract—We propose ..."), which a reader shows as the abstract's name."""
    words = ABSTRACT_LABEL.sub("", sentence, count=1).split()
    for _ in range(3):  # a section and a subsection heading one after the other
        for heading in sections:
            for printed in (f"{heading.get('number') or ''} {heading['title']}", heading["title"]):
                n = len(printed.split())
                if n and n < len(words) and (words[n][:1].isupper() or words[n][:1].isdigit()) and \
                        norm(" ".join(words[:n])) == norm(printed):
                    words = words[n:]
                    break
            else:
                continue
            break
        else:
            break
    return " ".join(words)


# A footnote's call printed right after punctuation or a citation ("environments,3 bridging",
# "XGBoost [10]1 is", "(ERL-MVSC)9."): both extractors keep it in the sentence, a reader that sets
# the footnote apart takes it out of the text. So does a superscript call of several references
# (Nature's "(the sim2real gap)59–61, we", "gap50,51,55."), a range or a list of numbers. A decimal
# point's digits ("a value of 0.80") are no call.
FOOTNOTE_CALL = re.compile(r"(?<=[,.;:)\]])(?<!\d\.)\d{1,2}(?:[–-]\d{1,2}|,\d{1,2})*(?=[\s.,;:)])")


def intact(sentences: list[str], haystack: str) -> list[bool]:
    """Whether each sentence's words appear, in order and adjacent, in the haystack (with or
    without the footnote calls in it)."""
    padded = f" {haystack} "
    return [f" {norm(s)} " in padded or (FOOTNOTE_CALL.search(s) is not None and
                                          f" {norm(FOOTNOTE_CALL.sub('', s))} " in padded) for s in sentences]


def _number(text: str | None) -> str:
    """A figure or table number compared across styles: roman numerals as arabic, no trailing dot."""
    return float_number(text or "")


@dataclass
class Counts:
    """True positives, predictions and truths of one matching, summable."""

    tp: int = 0
    pred: int = 0
    true: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.pred + other.pred, self.true + other.true)

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.true if self.true else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match(predicted: list[tuple], truth: list[tuple]) -> Counts:
    from corpus.samples import count_matches

    return Counts(count_matches(predicted, truth), len(predicted), len(truth))


# The bibliography's heading is not scored as a section: truth from bookmarks has it only when the
# paper's class puts it in the table of contents; the references are scored by their count instead.
# (LREC's "Bibliographical References" is that heading too.)
_REFERENCES_HEADING = re.compile(r"^((bibliographic(al)? |select(ed)? )?references?|bibliography|literature cited|works cited)$",
                                 re.IGNORECASE)


def section_counts(paper, truth: dict) -> Counts:
    """(number, title) pairs of the parsed headings against the truth's, at the truth's levels."""
    true = [((s.get("number") or "").rstrip("."), norm(s["title"])) for s in truth.get("sections", [])
            if not _REFERENCES_HEADING.match(s["title"].strip())]
    deepest = max((s.get("level", 1) for s in truth.get("sections", [])), default=0)
    pred = [((s.number or "").rstrip("."), norm(s.title)) for s in paper.sections
            if s.level <= deepest and not _REFERENCES_HEADING.match(s.title.strip())
            and (s.number or s.title)]  # text before the first heading has no heading to score
    return match(pred, true)


def float_counts(paper, truth: dict) -> Counts:
    pred = [("figure", _number(f.number)) for f in paper.figures] + [("table", _number(t.number)) for t in paper.tables]
    true = [("figure", _number(n)) for n in truth.get("figures") or []] + \
           [("table", _number(n)) for n in truth.get("tables") or []]
    return match(pred, true)


@dataclass
class Crops:
    """Float crops against the truth's boxes, summable; `wrong` names each crop that is not whole."""

    whole: int = 0
    too_big: int = 0
    cut: int = 0
    missing: int = 0
    wrong: list = field(default_factory=list)

    def __add__(self, other: "Crops") -> "Crops":
        return Crops(self.whole + other.whole, self.too_big + other.too_big, self.cut + other.cut,
                     self.missing + other.missing, self.wrong + other.wrong)

    @property
    def true(self) -> int:
        return self.whole + self.too_big + self.cut + self.missing


def crop_counts(paper, truth: dict) -> Crops | None:
    """The parsed floats' boxes against the truth's `float_boxes`; None when the truth has none."""
    if not truth.get("float_boxes"):
        return None
    out = Crops()
    found = [("figure", f) for f in paper.figures] + [("table", t) for t in paper.tables]
    for want in truth["float_boxes"]:
        label = f"{want['kind']} {want['number']} p{want['page']}"
        same = [f for kind, f in found if kind == want["kind"] and _number(f.number) == _number(want["number"])]
        got = next((f for f in same if f.page == want["page"] and f.bbox is not None), None)
        if got is None:
            out.missing += 1
            out.wrong.append(f"{label}: missing" + (f" (found on page {same[0].page})" if same and
                                                     same[0].page != want["page"] else ""))
            continue
        verdict = crop_verdict(got.bbox, want["box"])
        if verdict == "whole":
            out.whole += 1
            continue
        if verdict == "too big":
            out.too_big += 1
        else:
            out.cut += 1
        out.wrong.append(f"{label}: {verdict}, box {[round(v, 1) for v in got.bbox]}, truth {want['box']}")
    return out


def title_right(paper, truth: dict) -> bool:
    return bool(truth.get("title")) and norm(paper.title or "") == norm(truth["title"])


def abstract_found(paper, truth: dict) -> bool | None:
    """None when the paper has no abstract; else whether the parsed abstract starts with its first words."""
    if not truth.get("abstract"):
        return None
    start = norm(truth.get("abstract_start", ""))
    got = norm(paper.abstract or "")
    return bool(got) and (not start or start in got[: len(start) + 80])


def bibliography_right(found: int, true: int) -> bool:
    """The entry count within 5 % of the truth."""
    return abs(found - true) <= 0.05 * true


@dataclass
class PaperScore:
    name: str
    split: str
    style: str
    pages: int = 0
    sentences: int = 0
    intact_ours: int = 0
    intact_raw: int = 0
    by_place: dict = field(default_factory=dict)  # place -> [sentences, intact ours, intact raw]
    title: bool = False
    abstract: bool | None = None
    sections: Counts | None = field(default_factory=Counts)  # None: headings not known, not scored
    floats: Counts = field(default_factory=Counts)
    crops: Crops | None = None  # None: no float boxes in the truth, not scored
    bib_found: int = 0
    bib_true: int | None = 0
    seconds: tuple[float, float] | None = None  # (ours, bare)
    note: str = ""
    missed: list = field(default_factory=list)

    @property
    def bib_right(self) -> bool | None:
        return None if self.bib_true is None else bibliography_right(self.bib_found, self.bib_true)


def score_paper(paper, truth: dict, raw: str, *, name: str = "", split: str = "", style: str = "") -> PaperScore:
    """Every score of one parsed paper against its truth; `raw` is the alternative's haystack."""
    sentences = [without_heading(s, truth.get("sections") or []) for s in truth.get("sentences", [])]
    places = truth.get("sentence_places") or [{"where": "body"}] * len(sentences)
    ours = intact(sentences, paper_haystack(paper))
    theirs = intact(sentences, raw)
    out = PaperScore(name, split, style, pages=truth.get("pages", 0), sentences=len(sentences),
                     intact_ours=sum(ours), intact_raw=sum(theirs))
    for sentence, where, a, b in zip(sentences, places, ours, theirs):
        row = out.by_place.setdefault(where["where"], [0, 0, 0])
        row[0] += 1
        row[1] += a
        row[2] += b
        if not a:
            out.missed.append(sentence)
    out.title = title_right(paper, truth)
    out.abstract = abstract_found(paper, truth)
    out.sections = section_counts(paper, truth) if truth.get("sections") is not None else None
    # (a split that checks only the front matter leaves the floats null: not scored)
    out.floats = float_counts(paper, truth) if truth.get("figures") is not None or truth.get("tables") is not None else None
    out.crops = crop_counts(paper, truth)
    out.bib_found = len(getattr(paper, "bibliography", ()) or paper.references)
    out.bib_true = truth.get("bibliography")  # None: not known, not scored
    return out


# ─────────────────────────────── the run ───────────────────────────────


def corpus_dir(arg: str | None) -> Path | None:
    value = arg or os.environ.get(ENV)
    return Path(value).expanduser() if value else None


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def selected(manifest: dict, split: str, names: list[str] | None = None) -> list[tuple[str, dict]]:
    return [(name, entry) for name, entry in manifest.items()
            if entry.get("kind", "paper") == "paper" and (split == "all" or entry["split"] == split)
            and (not names or name in names)]


def _from_clone(clones: Path, entry: dict) -> bytes | None:
    """The manifest's exact file (`commit`:`path`) out of a local clone of its repository, found in
    clones/ as owner+name or owner/name (a bare git directory or a work tree); None when absent."""
    import subprocess

    owner, _, name = entry["repo"].partition("/")
    for folder in (clones / f"{owner}+{name}", clones / owner / name):
        for git_dir in (folder / "repo" / ".git", folder / "repo", folder / ".git", folder):
            if (git_dir / "HEAD").is_file() and (git_dir / "objects").is_dir():
                for rev in (entry["commit"], "HEAD"):
                    done = subprocess.run(["git", f"--git-dir={git_dir}", "cat-file", "blob", f"{rev}:{entry['path']}"],
                                          capture_output=True)
                    if done.returncode == 0 and hashlib.sha256(done.stdout).hexdigest() == entry.get("sha256"):
                        return done.stdout
                return None
    return None


def fetch(corpus: Path, manifest: dict, split: str, *, client=None, clones: Path | None = None) -> list[str]:
    """Put the selected papers into corpus/<split>/<name>.pdf; returns one line per paper. With
    `clones` (a folder of local git clones) the exact listed file is taken from its repository's
    clone; otherwise, or when that fails, a paper with an arXiv id is downloaded through paperkit's
    arXiv code. arXiv's build of a paper can differ from the copy the truth was made on (another
    version or build): such files are kept but flagged."""
    import shutil

    from paperkit.errors import PaperkitError
    from paperkit.files import atomic_open
    from paperkit.ids import parse_arxiv_id
    from paperkit.reading.arxiv_source import fetch_pdf

    lines = []
    for name, entry in selected(manifest, split):
        target = corpus / entry["split"] / f"{name}.pdf"
        if target.exists():
            lines.append(f"{name}: already there")
            continue
        data = _from_clone(clones, entry) if clones is not None else None
        if data is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            with atomic_open(target, "wb") as dst:
                dst.write(data)
            lines.append(f"{name}: copied from the clone of {entry['repo']}")
            continue
        if not entry.get("arxiv"):
            lines.append(f"{name}: no arXiv id; get {entry['path']} from github.com/{entry['repo']} at {entry['commit'][:12]}")
            continue
        try:
            cached = fetch_pdf(parse_arxiv_id(entry["arxiv"]), client=client)
        except PaperkitError as error:
            lines.append(f"{name}: {error}")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(cached, "rb") as src, atomic_open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
        same = sha256(target) == entry.get("sha256")
        lines.append(f"{name}: fetched arXiv:{entry['arxiv']}" + ("" if same else
                     " (not the copy the truth was made on: scores are approximate)"))
    return lines


def empty_paper():
    from paperkit.reading.paper import Paper

    return Paper(title="", authors=(), abstract=None, sections=(), figures=(), tables=(), references=(), pages=0)


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def variant_copy(pdf: Path, variant: str, folder: Path) -> Path | None:
    """`pdf` produced as `variant` (see the module's docstring) in `folder`; None when this machine
    cannot make it (no `pdftocairo`) or the tool fails on this file."""
    import shutil
    import subprocess

    out = folder / pdf.name
    if variant == "unmarked":
        import pymupdf

        with pymupdf.open(pdf) as doc:
            doc.set_toc([])
            doc.set_metadata({})
            doc.save(out, garbage=1)
        return out
    if variant == "reprinted":
        tool = shutil.which("pdftocairo")
        if tool is None:
            return None
        done = subprocess.run([tool, "-pdf", str(pdf), str(out)], capture_output=True, timeout=300)
        return out if done.returncode == 0 and out.exists() else None
    raise ValueError(f"unknown variant {variant!r}: one of {', '.join(VARIANTS)}")


def run(corpus: Path, split: str, *, timing: bool = True, names: list[str] | None = None,
        variant: str | None = None) -> list[PaperScore]:
    import tempfile

    from paperkit.reading.parse import parse_pdf

    scores = []
    made = tempfile.TemporaryDirectory(prefix="paperkit-variant-") if variant else None
    for name, entry in selected(load_manifest(), split, names):
        pdf = corpus / entry["split"] / f"{name}.pdf"
        truth_path = TRUTH / f"{name}.json"
        if not pdf.exists() or not truth_path.exists():
            print(f"{name}: {'no PDF' if not pdf.exists() else 'no truth'}, skipped", flush=True)
            continue
        if made is not None:
            original, pdf = pdf, variant_copy(pdf, variant, Path(made.name))
            if pdf is None:
                print(f"{name}: no {variant} copy could be made"
                      f"{' (pdftocairo, from poppler-utils, not found)' if variant == 'reprinted' else ''}, skipped", flush=True)
                continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        try:
            paper, note = parse_pdf(pdf), ""
        except Exception as error:  # a crash scores as nothing read, and is named in the table
            paper, note = empty_paper(), f"parser failed: {type(error).__name__}"
        sc = score_paper(paper, truth, raw_haystack(pdf), name=name, split=entry["split"],
                         style=entry.get("style", ""))
        sc.note = note if sha256(original if made else pdf) == entry.get("sha256") else f"{note} not the manifest's copy".strip()
        if timing and not note:
            from benchmarks.bench_outline import _command_seconds

            sc.seconds = _command_seconds(pdf, repeats=1)
        if made is not None:
            pdf.unlink()
        scores.append(sc)
        print(row(sc), flush=True)
        for line in sc.crops.wrong if sc.crops else ():
            print(f"    crop {line}", flush=True)
    if made is not None:
        made.cleanup()
    return scores


HEADER = ("| paper | split | style | pages | sentences intact (paperkit) | (PyMuPDF raw) | title | abstract | "
          "section P/R/F1 | figure+table F1 | crops whole | bibliography found/true | outline s / bare s |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def row(sc: PaperScore) -> str:
    abstract = "–" if sc.abstract is None else ("yes" if sc.abstract else "no")
    speed = f"{sc.seconds[0]:.2f} / {sc.seconds[1]:.2f}" if sc.seconds else "–"
    sections = "–" if sc.sections is None else \
        f"{sc.sections.precision:.2f}/{sc.sections.recall:.2f}/{sc.sections.f1:.2f}"
    crops = "–" if sc.crops is None else f"{sc.crops.whole}/{sc.crops.true}"
    return (f"| {sc.name} | {sc.split} | {sc.style} | {sc.pages} | {sc.intact_ours}/{sc.sentences} | "
            f"{sc.intact_raw}/{sc.sentences} | {'yes' if sc.title else 'no'} | {abstract} | "
            f"{sections} | {'–' if sc.floats is None else f'{sc.floats.f1:.2f}'} | {crops} | "
            f"{sc.bib_found}/{'?' if sc.bib_true is None else sc.bib_true}{' ✗' if sc.bib_right is False else ''} | "
            f"{speed}{' ' + sc.note if sc.note else ''} |")


def crop_line(scores: list[PaperScore]) -> str:
    boxed = [s for s in scores if s.crops is not None]
    crops = sum((s.crops for s in boxed), Crops())
    return (f"| figure and table crops whole ({crops.true} boxed floats in {len(boxed)} papers) | "
            f"{_fmt(crops.whole / crops.true if crops.true else 1)} ({crops.whole} whole, {crops.too_big} too big, "
            f"{crops.cut} cut, {crops.missing} missing) | |")


def totals(scores: list[PaperScore]) -> str:
    n = len(scores)
    sent = sum(s.sentences for s in scores)
    ours = sum(s.intact_ours for s in scores)
    raw = sum(s.intact_raw for s in scores)
    sections = sum((s.sections for s in scores if s.sections is not None), Counts())
    floats = sum((s.floats for s in scores if s.floats is not None), Counts())
    with_abstract = [s for s in scores if s.abstract is not None]
    lines = [
        "| measure | paperkit | alternative |", "|---|---|---|",
        f"| sentences intact ({sent} in {n} papers) | {_fmt(ours / sent if sent else 1)} | PyMuPDF raw text "
        f"{_fmt(raw / sent if sent else 1)} (paperkit / raw = {ours / raw if raw else 0:.2f}) |",
    ]
    for place in PLACES:
        got = [s.by_place[place] for s in scores if place in s.by_place]
        k = sum(g[0] for g in got)
        if k:
            lines.append(f"| … {place} ({k}) | {_fmt(sum(g[1] for g in got) / k)} | {_fmt(sum(g[2] for g in got) / k)} |")
    lines += [
        f"| title exact | {sum(s.title for s in scores)}/{n} | |",
        f"| abstract found | {sum(bool(s.abstract) for s in with_abstract)}/{len(with_abstract)} | |",
        f"| sections P / R / F1 (micro) | {_fmt(sections.precision)} / {_fmt(sections.recall)} / {_fmt(sections.f1)} | |",
        f"| figures and tables F1 (micro) | {_fmt(floats.f1)} ({floats.tp}/{floats.true} found, {floats.pred} given) | |",
        crop_line(scores),
        f"| bibliography count within 5 % | {sum(bool(s.bib_right) for s in scores)}/"
        f"{sum(s.bib_right is not None for s in scores)} | |",
    ]
    timed = [s.seconds for s in scores if s.seconds]
    if timed:
        ratios = sorted(a / b for a, b in timed)
        lines.append(f"| `paperkit outline --json` / bare get_text(\"dict\"), cold cache | median "
                     f"{ratios[len(ratios) // 2]:.2f}×, worst {ratios[-1]:.2f}× | bare process = 1× |")
    return "\n".join(lines)


def report(scores: list[PaperScore], split: str, command: str, variant: str | None = None) -> None:
    from benchmarks._report import update_section

    load = os.getloadavg()[0]
    body = (
        "Research PDFs from public GitHub repositories (benchmarks/real_corpus/manifest.toml: NeurIPS, ICML, "
        "ICLR, CVPR/ICCV review copies with line numbers, ACL/EMNLP/COLING, JMLR, IEEE, ACM, USENIX, Springer, "
        "Elsevier, revtex and others). Truth made without paperkit's parser (benchmarks/real_truth.py): body "
        "sentences on which PyMuPDF and pdftotext agree, tagged by where they lie; title, abstract, headings, "
        "figure/table numbers and bibliography size checked on rendered pages (null where not known: not "
        "scored). Only sentences both extractors read alike are truth, so the hardest places (page and column "
        "breaks, text beside figures) are fewer than in the papers; the rows per place show how many were sampled. "
        "The *tune* split is what parser work may study; *heldout* is measured once.\n\n"
        + totals(scores) + "\n\nPer paper:\n\n" + HEADER + "\n" + "\n".join(row(s) for s in scores)
        + f"\n\n1-minute load average at the end: {load:.1f} on {os.cpu_count()} cores, shared with other jobs: "
          "timings are rough."
    )
    if variant:
        body = (f"The {split} split's papers {VARIANT_WORDS[variant]}, scored against the same truth (see the "
                f"module's docstring): what the parser leans on that many real PDFs lack.\n\n" + body)
        update_section(f"real-papers-{split}-{variant}", f"Real papers ({split} split, {variant}): the same papers "
                       "produced another way", command, body)
        return
    update_section(f"real-papers-{split}", f"Real papers ({split} split): text, structure, references, speed",
                   command, body)


VARIANT_WORDS = {"unmarked": "saved again without their bookmarks and metadata",
                 "reprinted": "printed anew by the cairo library (`pdftocairo -pdf`, as Firefox's print-to-PDF)"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_real", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help=f"folder with tune/ and heldout/ PDFs (default: ${ENV})")
    parser.add_argument("--split", default="tune", choices=("tune", "heldout", "all"))
    parser.add_argument("--fetch", action="store_true", help="download the papers with an arXiv id into the corpus")
    parser.add_argument("--clones", help="with --fetch: folder of local git clones (owner+name) to take the exact files from")
    parser.add_argument("--no-timing", action="store_true", help="skip the cold-cache command timings")
    parser.add_argument("--no-report", action="store_true", help="do not write docs/BENCHMARKS.md")
    parser.add_argument("--variant", choices=VARIANTS, help="score each paper produced another way (see above)")
    parser.add_argument("names", nargs="*", help="only these papers")
    args = parser.parse_args([] if argv is None else argv)  # `python -m benchmarks` calls main() bare
    corpus = corpus_dir(args.corpus)
    if args.fetch:
        if corpus is None:
            print(f"no corpus folder: pass --corpus DIR or set {ENV}")
            return 0
        clones = Path(args.clones).expanduser() if args.clones else None
        for line in fetch(corpus, load_manifest(), args.split, clones=clones):
            print(line)
        return 0
    if corpus is None or not corpus.is_dir():
        print(f"real-paper corpus not found ({corpus or 'set --corpus DIR or ' + ENV}): skipped; "
              f"see {MANIFEST.name} for where each PDF comes from, or use --fetch")
        return 0
    scores = run(corpus, args.split, timing=not args.no_timing, names=args.names, variant=args.variant)
    if not scores:
        print(f"no papers of the {args.split} split under {corpus}: nothing measured")
        return 0
    print(totals(scores))
    if not args.no_report and not args.names:
        flag = f" --variant {args.variant}" if args.variant else ""
        report(scores, args.split, f"python -m benchmarks.bench_real --corpus DIR --split {args.split}{flag}", args.variant)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
