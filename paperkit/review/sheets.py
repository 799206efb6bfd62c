"""Filled sheets: parsing, checking for completeness, and merging several reviewers into a meta-review.

A sheet is the Markdown a template produced and a person filled in: a `#` title, header bullets
(`- **Form:** neurips`, `- **Reviewer:** ...`), one `##` section per question, and for review
forms a `## Scores` list (`- **Soundness (1–4):** 3`). The `Form` bullet names the preset in
`paperkit.review.forms` that says which sections and scores the sheet must hold.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from paperkit.errors import InvalidInputError, UsageError
from paperkit.ids import is_arxiv_id
from paperkit.review.forms import FORMS, META_REVIEW_FORM, Form, Scale
from paperkit.review.templating import todo, without_comments

_HEADER_ITEM = re.compile(r"^- \*\*(?P<key>[^*]+?):\*\*\s?(?P<value>.*)$")
_SCORE_ITEM = re.compile(r"^[-*] \*\*(?P<label>[^*(]+?)\s*(?:\([^)]*\))?:\*\*\s?(?P<value>.*)$")
_CITATION = re.compile(
    r"(?P<kind>§|Sec\.|Section|Fig\.|Figure|Table|Tab\.|Eq\.|Appendix|App\.)\s*(?P<num>\(?[A-Z]?\d+(?:\.\d+)*\)?|[A-Z]\b)",
)
_CITATION_KIND = {"Sec.": "§", "Section": "§", "Figure": "Fig.", "Tab.": "Table", "App.": "Appendix"}
SCORES_SECTION = "Scores"
CONFLICT_FIELD = "git conflict"
_CONFLICT_MARKER = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?:\s|$)")


def conflict_lines(text: str) -> list[int]:
    """1-based numbers of the lines that are git conflict markers (<<<<<<<, =======, >>>>>>>)."""
    return [number for number, line in enumerate(text.splitlines(), start=1) if _CONFLICT_MARKER.match(line)]


@dataclass(frozen=True)
class Problem:
    """One reason a sheet is incomplete, for one field."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


@dataclass
class Sheet:
    form: Form
    title: str
    header: dict[str, str]  # "Paper" -> "arXiv:1603.08511 — ...", "Reviewer" -> "ann"
    sections: dict[str, str]  # `##` heading -> body, comments kept
    source: str = ""  # file the sheet came from, for messages
    text: str = ""  # the whole sheet as read

    @property
    def reviewer(self) -> str:
        return self.header.get("Reviewer", "").strip() or (Path(self.source).stem.split("-", 1)[-1] if self.source else "me")

    @property
    def paper_id(self) -> str:
        """"arXiv:1603.08511 — Title" -> "1603.08511"; a local paper's sheet reads "name — Title"."""
        value = self.header.get("Paper", "")
        match = re.search(r"arXiv:(\S+)", value)
        return match.group(1) if match else value.partition(" — ")[0].strip()

    def body(self, section: str) -> str:
        """The text of a section without blanks and comments."""
        return without_comments(self.sections.get(section, "")).strip()

    def items(self, section: str) -> list[str]:
        """The bullet items of a section (continuation lines joined), blanks removed."""
        items: list[list[str]] = []
        for line in self.body(section).splitlines():
            if re.match(r"^[-*] ", line):
                items.append([line[2:].strip()])
            elif items and line.startswith(("  ", "\t")) and line.strip():
                items[-1].append(line.strip())
        return [" ".join(parts) for parts in items if " ".join(parts).strip()]

    def raw_scores(self) -> dict[str, str]:
        """Score label (lower case, without its range) -> the value written, blanks removed."""
        scores: dict[str, str] = {}
        for line in self.sections.get(SCORES_SECTION, "").splitlines():
            match = _SCORE_ITEM.match(line.strip())
            if match:
                scores[match.group("label").strip().lower()] = without_comments(match.group("value")).strip()
        return scores

    def scores(self) -> dict[str, int]:
        """Scale key -> value, for the scores that are filled with a number (check says the rest)."""
        raw = self.raw_scores()
        found: dict[str, int] = {}
        for scale in self.form.scores:
            value = _leading_int(raw.get(scale.label.lower(), ""))
            if value is not None:
                found[scale.key] = value
        return found


def parse_sheet(text: str, source: str = "sheet", forms: dict[str, Form] | None = None) -> Sheet:
    """Parse a filled sheet; text that is not a paperkit sheet is one line naming the file.

    `forms` are the forms a sheet may name (default: the packaged ones; `presets.forms_for`
    adds a workspace's own).
    """
    forms = FORMS if forms is None else forms
    lines = text.splitlines()
    title = ""
    header: dict[str, str] = {}
    sections: dict[str, str] = {}
    current: str | None = None
    buffer: list[str] = []
    for line in lines:
        if line.startswith("# ") and not title and current is None:
            title = line[2:].strip()
        elif line.startswith("## "):
            if current is not None:
                sections[current] = "\n".join(buffer).strip()
            current, buffer = line[3:].strip(), []
        elif current is None:
            match = _HEADER_ITEM.match(line.strip())
            if match:
                header[match.group("key").strip()] = match.group("value").strip()
        else:
            buffer.append(line)
    if current is not None:
        sections[current] = "\n".join(buffer).strip()

    form_value = header.get("Form", "")
    form_text = form_value.split(" ", 1)[0].strip().lower()
    if "reviewers merged)" in form_value:
        form_text = META_REVIEW_FORM  # meta-reviews written before they named their own form
    if not form_text:
        raise InvalidInputError(
            f"{source} is not a paperkit sheet: it has no '- **Form:** ...' line before its first section",
            hint="create sheets with `paperkit review new ID` (or `summary`, `talk`, `report`)",
        )
    if form_text not in forms:
        raise InvalidInputError(
            f"{source}: Form: unknown form preset {form_text!r}",
            hint=f"use one of: {', '.join(forms)}",
        )
    return Sheet(forms[form_text], title, header, sections, source, text)


def load_sheet(path: Path, forms: dict[str, Form] | None = None) -> Sheet:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InvalidInputError(f"{path} does not exist", hint="check the path, or pass a paper id") from exc
    except UnicodeDecodeError as exc:
        raise InvalidInputError(f"{path} is not UTF-8 text", hint="save it as UTF-8 Markdown") from exc
    return parse_sheet(text, str(path), forms)


def check_sheet(sheet: Sheet) -> list[Problem]:
    """Every reason the sheet is not complete yet, in the order the sheet reads; empty means done."""
    problems: list[Problem] = []
    markers = conflict_lines(sheet.text)
    if markers:
        where = ", ".join(str(n) for n in markers[:6]) + (", ..." if len(markers) > 6 else "")
        problems.append(Problem(CONFLICT_FIELD, f"unresolved conflict markers on lines {where}: keep one version and delete the markers"))
    if not sheet.paper_id:
        problems.append(Problem("Paper", "missing: the header needs '- **Paper:** arXiv:ID'"))
    for name in sheet.form.sections:
        if name not in sheet.sections:
            problems.append(Problem(name, "section missing"))
            continue
        if not sheet.body(name):
            problems.append(Problem(name, "empty (only the template's blanks are left)"))
            continue
        problems += _empty_subsections(sheet, name)
        if name in sheet.form.cited_sections:
            for number, item in enumerate(sheet.items(name), start=1):
                if not _CITATION.search(item):
                    problems.append(Problem(name, f"item {number} cites no § / Fig. / Table: {_short(item)}"))
    if sheet.form.scores:
        if SCORES_SECTION not in sheet.sections:
            problems.append(Problem(SCORES_SECTION, "section missing"))
        else:
            raw = sheet.raw_scores()
            for scale in sheet.form.scores:
                problems += _check_score(scale, raw.get(scale.label.lower()), sheet.form)
    return problems


def _empty_subsections(sheet: Sheet, name: str) -> list[Problem]:
    problems = []
    parts = re.split(r"^### (.+)$", sheet.sections[name], flags=re.MULTILINE)
    for heading, body in zip(parts[1::2], parts[2::2]):
        if not without_comments(body).strip():
            problems.append(Problem(f"{name} / {heading.strip()}", "empty (only the template's blanks are left)"))
    return problems


def _check_score(scale: Scale, raw: str | None, form: Form) -> list[Problem]:
    if raw is None:
        return [Problem(scale.label, f"missing: add '- **{scale.heading}:** N' under ## {SCORES_SECTION}")]
    if not raw:
        return [Problem(scale.label, f"no score given ({scale.range_text})")]
    value = _leading_int(raw)
    if value is None:
        return [Problem(scale.label, f"{_short(raw)!r} is not a whole number ({scale.range_text})")]
    if value not in scale.allowed:
        where = "outside" if not scale.low <= value <= scale.high else f"not on the {form.name} scale"
        return [Problem(scale.label, f"{value} is {where} {scale.range_text}")]
    return []


def _leading_int(text: str) -> int | None:
    """"3", "3 — good", "3/4" -> 3; "good" or "3.5" -> None."""
    match = re.match(r"^\s*(-?\d+)(?![.,]\d)\b", text)
    return int(match.group(1)) if match else None


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------------------- merging
@dataclass(frozen=True)
class ScoreSummary:
    scale: Scale
    values: dict[str, int]  # reviewer -> score (reviewers who gave none are absent)

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.values.values()) if self.values else None

    @property
    def spread(self) -> int | None:
        """max − min: the distance between the two reviewers furthest apart."""
        return max(self.values.values()) - min(self.values.values()) if self.values else None

    @property
    def stdev(self) -> float | None:
        return statistics.pstdev(self.values.values()) if self.values else None

    @property
    def disagreement(self) -> bool:
        """Reviewers a third of the scale (at least two steps) apart must talk before a decision."""
        threshold = max(2, -(-(self.scale.high - self.scale.low) // 3))
        return self.spread is not None and self.spread >= threshold


@dataclass(frozen=True)
class Point:
    reviewer: str
    kind: str  # "strength" or "weakness"
    text: str


@dataclass
class MetaReview:
    paper_id: str
    title: str
    form: Form
    reviewers: list[str]
    scores: list[ScoreSummary]
    points: dict[str, list[Point]] = field(default_factory=dict)  # citation ("§ 3.1") -> points citing it
    gathered: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # section -> (reviewer, point)
    warnings: list[str] = field(default_factory=list)  # scores left out, naming sheet and field
    incomplete: dict[str, int] = field(default_factory=dict)  # sheet file -> problems `check` finds

    @property
    def agreements(self) -> dict[str, list[Point]]:
        """Places several reviewers cite with the same verdict."""
        return {
            where: points
            for where, points in self.points.items()
            if len({p.reviewer for p in points}) >= 2 and len({p.kind for p in points}) == 1
        }

    @property
    def conflicts(self) -> dict[str, list[Point]]:
        """Places one reviewer calls a strength and another a weakness."""
        return {
            where: points
            for where, points in self.points.items()
            if len({p.kind for p in points}) == 2 and len({p.reviewer for p in points}) >= 2
        }


def citations(text: str) -> list[str]:
    """Normalised places an item cites: "(Figure 3, Tab. 2)" -> ["Fig. 3", "Table 2"]."""
    found = []
    for match in _CITATION.finditer(text):
        kind = _CITATION_KIND.get(match.group("kind"), match.group("kind"))
        label = f"{kind} {match.group('num').strip('()')}"
        if label not in found:
            found.append(label)
    return found


def valid_scores(sheet: Sheet) -> tuple[dict[str, int], list[str]]:
    """(scale key -> score) for the scores on the form's scale, and a warning naming the sheet
    and field for every score written but left out (out of range, not a whole number)."""
    raw = sheet.raw_scores()
    found: dict[str, int] = {}
    warnings = []
    for scale in sheet.form.scores:
        value = raw.get(scale.label.lower())
        if not value:
            continue  # missing or blank: `check` reports it; there is nothing to leave out
        problems = _check_score(scale, value, sheet.form)
        if problems:
            warnings.append(f"{Path(sheet.source).name}: {problems[0]}; left out of the mean")
        else:
            found[scale.key] = _leading_int(value)
    return found, warnings


def merge_sheets(sheets: list[Sheet]) -> MetaReview:
    if len(sheets) < 2:
        raise UsageError(f"merge needs at least two sheets, found {len(sheets)}", hint="ask other reviewers to submit theirs")
    forms = sorted({s.form.name for s in sheets})
    if len(forms) > 1:
        raise UsageError(f"the sheets use different forms ({', '.join(forms)})", hint="merge sheets of one form: pass --form")
    form = sheets[0].form
    if not form.scores:
        raise UsageError(f"{form.name} sheets carry no scores to merge", hint="merge review sheets (neurips, iclr, seminar)")
    reviewers = _unique_names([s.reviewer for s in sheets])
    warnings: list[str] = []
    valid: list[dict[str, int]] = []
    for sheet in sheets:
        found, left_out = valid_scores(sheet)
        valid.append(found)
        warnings += left_out
    scores = []
    for scale in form.scores:
        values = {name: found[scale.key] for name, found in zip(reviewers, valid) if scale.key in found}
        scores.append(ScoreSummary(scale, values))
    strengths, weaknesses = _verdict_sections(form)
    points: dict[str, list[Point]] = {}
    for name, sheet in zip(reviewers, sheets):
        for kind, section in (("strength", strengths), ("weakness", weaknesses)):
            for item in sheet.items(section) if section else ():
                for where in citations(item):
                    points.setdefault(where, []).append(Point(name, kind, item))
    paper_ids = {s.paper_id for s in sheets if s.paper_id}
    if len(paper_ids) > 1:
        raise UsageError(f"the sheets review different papers ({', '.join(sorted(paper_ids))})", hint="merge the sheets of one paper")
    title = next((s.header.get("Paper", "").partition("— ")[2] for s in sheets if "— " in s.header.get("Paper", "")), "")
    gathered = {
        section: [(name, item) for name, sheet in zip(reviewers, sheets) for item in _points_of(sheet, section)]
        for section in _gathered_sections(form)
    }
    incomplete = {Path(s.source).name: len(check_sheet(s)) for s in sheets if check_sheet(s)}
    return MetaReview(next(iter(paper_ids), ""), title, form, reviewers, scores, points, gathered, warnings, incomplete)


def _gathered_sections(form: Form) -> list[str]:
    """The sections whose points the meta-review lists per reviewer: verdicts and questions."""
    wanted = ("Strengths", "Weaknesses", "Questions for the authors", "Criticism", "Are the experiments enough?")
    return [name for name in form.sections if name in wanted or name in form.cited_sections]


def _points_of(sheet: Sheet, section: str) -> list[str]:
    """A section's bullets, or its paragraph as one point when it has no bullets."""
    items = sheet.items(section)
    if items:
        return items
    body = " ".join(sheet.body(section).split())
    return [body] if body else []


def _verdict_sections(form: Form) -> tuple[str | None, str | None]:
    if "Strengths" in form.sections:
        return "Strengths", "Weaknesses"
    return None, (form.cited_sections[0] if form.cited_sections else None)


def _unique_names(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique


def render_meta_review(meta: MetaReview, today: str) -> str:
    def number(value: float | None) -> str:
        return "—" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")

    out = [
        f"# Meta-review: {meta.title or meta.paper_id}",
        "",
        f"- **Paper:** {'arXiv:' if is_arxiv_id(meta.paper_id) else ''}{meta.paper_id}" + (f" — {meta.title}" if meta.title else ""),
        f"- **Form:** {META_REVIEW_FORM} ({meta.form.name}, {len(meta.reviewers)} reviewers merged)",
        f"- **Reviewers:** {', '.join(meta.reviewers)}",
        f"- **Date:** {today}",
        "",
        "## Scores",
        "",
        "| Field | " + " | ".join(meta.reviewers) + " | Mean | Spread | SD |",
        "|---|" + "---:|" * (len(meta.reviewers) + 3),
    ]
    for summary in meta.scores:
        cells = [str(summary.values.get(name, "—")) for name in meta.reviewers]
        flag = " **disagreement**" if summary.disagreement else ""
        out.append(
            f"| {summary.scale.heading} | " + " | ".join(cells)
            + f" | {number(summary.mean)} | {number(summary.spread)}{flag} | {number(summary.stdev)} |"
        )
    out += ["", "## Disagreements", ""]
    disagreements = []
    for summary in meta.scores:
        if summary.disagreement:
            low = min(summary.values, key=summary.values.get)
            high = max(summary.values, key=summary.values.get)
            disagreements.append(
                f"- **{summary.scale.label}:** from {summary.values[low]} ({low}) to {summary.values[high]} ({high}); "
                "discuss before deciding."
            )
    for where, points in meta.conflicts.items():
        views = "; ".join(f"a {p.kind} for {p.reviewer} (“{_short(p.text, 80)}”)" for p in points)
        disagreements.append(f"- **{where}:** {views}")
    out += disagreements or ["None: the reviewers' scores are within a third of each scale."]
    out += ["", "## Agreements", ""]
    agreements = [
        f"- **{where}** — a {points[0].kind} for {', '.join(sorted({p.reviewer for p in points}))}: "
        + " / ".join(f"“{_short(p.text, 80)}”" for p in points)
        for where, points in meta.agreements.items()
    ]
    out += agreements or ["No place in the paper is cited by two reviewers with the same verdict."]
    for section, points in meta.gathered.items():
        out += ["", f"## {section}: by reviewer", ""]
        out += [f"- **{name}:** {text}" for name, text in points] or ["Nothing written."]
    if meta.warnings or meta.incomplete:
        out += ["", "## Sheets to fix", ""]
        out += [f"- {name} fails `paperkit review check` ({count} problem{'s' if count != 1 else ''})" for name, count in meta.incomplete.items()]
        out += [f"- {warning}" for warning in meta.warnings]
    out += ["", "## Recommendation", "", todo("the meta-reviewer's recommendation and the reasons for it"), ""]
    return "\n".join(out)
