"""Document forms: which sections a sheet must fill and which scores it carries, on which scale.

A course switches review forms by name (`--form neurips`, `--form iclr`, `--form seminar`), so the
forms are data: one `Form` per name in `FORMS`, read by the templates (to print the scales), by
`paperkit review check` (to validate a filled sheet) and by `paperkit review merge` (to average the
scores). Summaries, talk outlines and reproduction reports are forms too, without scores, so the
same check tells whether they are complete.
"""

from __future__ import annotations

from dataclasses import dataclass

from paperkit.errors import UsageError


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
            "short paper summary",
            ("The paper in one paragraph", "Key contributions", "What I learned", "What surprised me"),
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
    )
}

REVIEW_FORMS: tuple[str, ...] = tuple(name for name, form in FORMS.items() if form.review)


def get_form(name: str, *, review_only: bool = False) -> Form:
    """The form called `name`; an unknown name is a one-line error listing the known ones."""
    choices = REVIEW_FORMS if review_only else tuple(FORMS)
    form = FORMS.get(name.strip().lower())
    if form is None or form.name not in choices:
        raise UsageError(f"unknown form preset {name!r}", hint=f"choose one of: {', '.join(choices)}")
    return form
