"""Document forms: which sections a sheet must fill and which scores it carries, on which scale.

A course switches review forms by name (`--form neurips`, `--form iclr`, `--form seminar`), so the
forms are data: one `Form` per name in `FORMS`, read by the templates (to print the scales), by
`paperkit review check` (to validate a filled sheet) and by `paperkit review merge` (to average the
scores). Summaries, talk outlines, reproduction reports and meta-reviews are forms too, without
scores, so the same check tells whether they are complete.

A workspace adds or redefines forms in `templates/forms.toml` (`forms_for(workspace)`), the way
its `templates/` folder overrides the packaged templates; docs/seminar.md gives the format.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from paperkit.errors import InvalidInputError, UsageError

if TYPE_CHECKING:
    from paperkit.workspace import Workspace

FORMS_FILE = "forms.toml"  # in the workspace's templates/ folder
META_REVIEW_FORM = "meta-review"


@dataclass(frozen=True)
class Scale:
    """One score on a sheet, e.g. soundness on 1–4."""

    key: str  # identifier used by templates and merge, e.g. "soundness"
    label: str  # how the sheet names it, e.g. "Soundness"
    meanings: dict[int, str]  # every allowed value -> what it means, in ascending order

    @property
    def allowed(self) -> tuple[int, ...]:
        return tuple(sorted(self.meanings))

    @property
    def low(self) -> int:
        return self.allowed[0]

    @property
    def high(self) -> int:
        return self.allowed[-1]

    @property
    def range_text(self) -> str:
        """"1–4", or "1, 3, 5, 6, 8, 10" for a scale with gaps."""
        if self.allowed == tuple(range(self.low, self.high + 1)):
            return f"{self.low}–{self.high}"
        return ", ".join(str(v) for v in self.allowed)

    @property
    def meaning_text(self) -> str:
        """"1 = poor; 2 = fair; ..." or, for a bare range, "1–5"."""
        if not any(self.meanings.values()):
            return self.range_text
        return "; ".join(f"{value} = {meaning}" for value, meaning in sorted(self.meanings.items()))

    @property
    def heading(self) -> str:
        """The bullet label a sheet uses: "Soundness (1–4)"."""
        return f"{self.label} ({self.range_text})"


@dataclass(frozen=True)
class Form:
    name: str
    template: str  # file name under templates/
    description: str
    sections: tuple[str, ...]  # `##` headings that must be present and non-empty
    scores: tuple[Scale, ...] = ()
    cited_sections: tuple[str, ...] = ()  # sections whose every bullet must cite § / Fig. / Table
    review: bool = False  # selectable with `paperkit review new --form`

    def scale(self, key: str) -> Scale | None:
        return next((s for s in self.scores if s.key == key), None)


_QUALITY = {1: "poor", 2: "fair", 3: "good", 4: "excellent"}
_CONFIDENCE = {
    1: "an educated guess; the topic is far from my expertise",
    2: "willing to defend it, but I may have missed central parts",
    3: "fairly confident; some parts or related work may have escaped me",
    4: "confident, though not absolutely certain",
    5: "certain; I know the related work and checked the details",
}
_NEURIPS_OVERALL = {
    1: "very strong reject: flawed, or known results",
    2: "strong reject: major technical flaws or poor evaluation",
    3: "reject: weaknesses outweigh the strengths",
    4: "borderline reject: reasons to reject outweigh reasons to accept",
    5: "borderline accept: reasons to accept outweigh reasons to reject",
    6: "weak accept: solid, moderate impact, no major concerns",
    7: "accept: solid with high impact in at least one sub-area",
    8: "strong accept: novel ideas, excellent impact, strong evaluation",
    9: "very strong accept: flawless, groundbreaking impact in one area",
    10: "award quality: flawless, groundbreaking impact in several areas",
}
_ICLR_OVERALL = {
    1: "strong reject",
    3: "reject, not good enough",
    5: "marginally below the acceptance threshold",
    6: "marginally above the acceptance threshold",
    8: "accept, good paper",
    10: "strong accept, should be highlighted",
}
_SEMINAR_OVERALL = {
    1: "not convincing",
    2: "weak",
    3: "convincing with gaps",
    4: "convincing",
    5: "compelling",
}

_REVIEW_SECTIONS = ("Summary", "Strengths", "Weaknesses", "Questions for the authors", "Limitations")


def _conference_scores(overall: dict[int, str]) -> tuple[Scale, ...]:
    return (
        Scale("soundness", "Soundness", _QUALITY),
        Scale("presentation", "Presentation", _QUALITY),
        Scale("contribution", "Contribution", _QUALITY),
        Scale("overall", "Overall rating", overall),
        Scale("confidence", "Confidence", _CONFIDENCE),
    )


FORMS: dict[str, Form] = {
    form.name: form
    for form in (
        Form(
            "neurips",
            "review.md",
            "NeurIPS-style conference review: overall 1–10, confidence 1–5",
            _REVIEW_SECTIONS,
            _conference_scores(_NEURIPS_OVERALL),
            cited_sections=("Weaknesses",),
            review=True,
        ),
        Form(
            "iclr",
            "review.md",
            "ICLR-style conference review: overall 1, 3, 5, 6, 8 or 10, confidence 1–5",
            _REVIEW_SECTIONS,
            _conference_scores(_ICLR_OVERALL),
            cited_sections=("Weaknesses",),
            review=True,
        ),
        Form(
            "seminar",
            "seminar-review.md",
            "research-seminar reviewer's sheet: related ideas, citing papers, criticism",
            (
                "Summary",
                "Another idea in the same family",
                "Papers that cite this one",
                "Criticism",
                "Are the experiments enough?",
            ),
            (Scale("overall", "How convincing", _SEMINAR_OVERALL), Scale("confidence", "Confidence", _CONFIDENCE)),
            cited_sections=("Criticism",),
            review=True,
        ),
        Form(
            "summary",
            "summary.md",
            "short paper summary in the ShortScience spirit: the idea, how it works, the results",
            ("The paper in one paragraph", "How it works", "Results", "Key contributions", "What I learned", "What surprised me"),
        ),
        Form(
            "talk",
            "talk.md",
            "presentation outline with a time budget per part",
            ("Outline",),
        ),
        Form(
            "report",
            "reproduction-report.md",
            "reproducibility-challenge style report",
            ("Scope", "Methodology", "Results", "What was easy", "What was hard"),
        ),
        Form(
            "coding",
            "coding-report.md",
            "coding group's report on work done outside paperkit (own code or notebook)",
            ("Task", "Approach", "Results", "What was hard", "Code"),
        ),
        Form(
            META_REVIEW_FORM,
            "",  # written by `paperkit review merge`, not from a template
            "several reviewers' sheets merged",
            ("Scores", "Disagreements", "Agreements", "Recommendation"),
        ),
    )
}

REVIEW_FORMS: tuple[str, ...] = tuple(name for name, form in FORMS.items() if form.review)


def get_form(name: str, *, review_only: bool = False, forms: dict[str, Form] | None = None) -> Form:
    """The form called `name` among `forms` (default: the packaged ones); an unknown name is a
    one-line error listing the known ones."""
    forms = FORMS if forms is None else forms
    choices = [key for key, form in forms.items() if form.review or not review_only]
    form = forms.get(name.strip().lower())
    if form is None or form.name not in choices:
        raise UsageError(f"unknown form preset {name!r}", hint=f"choose one of: {', '.join(choices)}")
    return form


# ---------------------------------------------------------------------------- workspace forms
def forms_for(workspace: "Workspace | None") -> dict[str, Form]:
    """The packaged forms, plus (and overridden by) those in the workspace's templates/forms.toml."""
    if workspace is None:
        return FORMS
    path = workspace.templates_dir / FORMS_FILE
    if not path.is_file():
        return FORMS
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InvalidInputError(f"{path} is not UTF-8 text", hint="save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInputError(f"{path}: TOML syntax error: {exc}", hint="fix that line") from None
    forms = dict(FORMS)
    for name, table in data.items():
        forms[name.lower()] = parse_form(name.lower(), table, forms, f"templates/{FORMS_FILE}: [{name}]")
    return forms


_FORM_KEYS = {"based_on", "description", "template", "sections", "cited_sections", "scores", "review"}
_SCALE_KEYS = {"key", "label", "meanings", "range"}


def parse_form(name: str, table: Any, known: dict[str, Form], where: str) -> Form:
    """A `Form` from one table of forms.toml; every mistake is one line naming the key."""
    if not isinstance(table, dict):
        raise InvalidInputError(f"{where} must be a table", hint=f"write it as [{name}]")
    unknown = sorted(set(table) - _FORM_KEYS)
    if unknown:
        raise InvalidInputError(f"{where} has unknown key {unknown[0]!r}", hint=f"keys are {', '.join(sorted(_FORM_KEYS))}")
    base_name = table.get("based_on")
    if base_name is None:
        base = Form(name, "review.md", f"{name} review", (), review=True)
    elif not isinstance(base_name, str) or base_name.lower() not in known:
        raise InvalidInputError(f"{where}.based_on names no known form: {base_name!r}", hint=f"known forms: {', '.join(known)}")
    else:
        base = known[base_name.lower()]
    changes: dict[str, Any] = {"name": name}
    for key in ("description", "template"):
        if key in table:
            changes[key] = _text(table[key], f"{where}.{key}")
    for key in ("sections", "cited_sections"):
        if key in table:
            changes[key] = _texts(table[key], f"{where}.{key}")
    if "review" in table:
        if not isinstance(table["review"], bool):
            raise InvalidInputError(f"{where}.review must be true or false", hint="review = true makes it a --form choice")
        changes["review"] = table["review"]
    if "scores" in table:
        items = table["scores"]
        if not isinstance(items, list):
            raise InvalidInputError(f"{where}.scores must be an array of tables", hint=f"write each as [[{name}.scores]]")
        changes["scores"] = tuple(_parse_scale(item, base, f"{where}.scores[{i}]") for i, item in enumerate(items, start=1))
    form = dataclasses.replace(base, **changes)
    if not form.template:
        raise InvalidInputError(f"{where} needs a template", hint='e.g. template = "review.md"')
    missing = [s for s in form.cited_sections if s not in form.sections]
    if missing:
        raise InvalidInputError(f"{where}.cited_sections names {missing[0]!r}, which is not in its sections", hint="list it in sections too")
    return form


def _parse_scale(item: Any, base: Form, where: str) -> Scale:
    if not isinstance(item, dict) or not isinstance(item.get("key"), str):
        raise InvalidInputError(f"{where} needs a key", hint='e.g. key = "overall"')
    unknown = sorted(set(item) - _SCALE_KEYS)
    if unknown:
        raise InvalidInputError(f"{where} has unknown key {unknown[0]!r}", hint=f"keys are {', '.join(sorted(_SCALE_KEYS))}")
    inherited = base.scale(item["key"])
    label = _text(item["label"], f"{where}.label") if "label" in item else (inherited.label if inherited else item["key"].capitalize())
    if "meanings" in item:
        raw = item["meanings"]
        if not isinstance(raw, dict) or not raw:
            raise InvalidInputError(f"{where}.meanings must be a table of value = meaning", hint='e.g. meanings = { 1 = "reject", 2 = "accept" }')
        meanings = {}
        for value, meaning in raw.items():
            if not str(value).lstrip("-").isdigit() or not isinstance(meaning, str):
                raise InvalidInputError(f"{where}.meanings.{value} must map a whole number to text", hint='e.g. 3 = "good"')
            meanings[int(value)] = meaning
    elif "range" in item:
        bounds = item["range"]
        if not (isinstance(bounds, list) and len(bounds) == 2 and all(isinstance(b, int) for b in bounds) and bounds[0] < bounds[1]):
            raise InvalidInputError(f"{where}.range must be [low, high] whole numbers", hint="e.g. range = [1, 5]")
        meanings = {value: "" for value in range(bounds[0], bounds[1] + 1)}
    elif inherited is not None:
        meanings = inherited.meanings
    else:
        raise InvalidInputError(f"{where} needs meanings or range (no scale {item['key']!r} to inherit)", hint="e.g. range = [1, 5]")
    return Scale(item["key"], label, dict(sorted(meanings.items())))


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(f"{where} must be non-empty text", hint="write it in quotes")
    return value


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InvalidInputError(f"{where} must be a list of texts", hint='e.g. ["Summary", "Strengths"]')
    return tuple(value)
