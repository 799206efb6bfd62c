"""Realistic inputs shared by the review-area tests: a library entry, reading notes, filled sheets."""

from __future__ import annotations

from paperkit.reading.notes import Mark, Notes, save_notes
from paperkit.workspace import Workspace

PAPER_ID = "1603.08511"

LIBRARY = """\
[papers."1603.08511"]
title = "Colorful Image Colorization"
authors = ["Richard Zhang", "Phillip Isola", "Alexei A. Efros"]
year = 2016
status = "pass-3"
code = "https://github.com/richzhang/colorization"
reproduction = "colorization"

[papers."1703.04044"]
title = "Colorization as a Proxy Task for Visual Understanding"
authors = ["Gustav Larsson", "Michael Maire", "Gregory Shakhnarovich"]
year = 2017
"""


def realistic_notes() -> Notes:
    return Notes(
        paper_id=PAPER_ID,
        title="Colorful Image Colorization",
        five_cs={
            "category": "A new method: colorization posed as classification over quantised ab bins.",
            "context": "Follows regression-based colorization and other self-supervised pretext tasks.",
            "correctness": "Assumes the colour prior of ImageNet carries over to other photos.",
            "contributions": "Class rebalancing of rare colours; the annealed-mean decoding; a colorization Turing test.",
            "clarity": "Clear and well illustrated.",
        },
        decision="continue",
        decision_reason="our group presents it",
        sections={
            "§ 2 Approach": "Predict a distribution over 313 ab bins per pixel.",
            "§ 2.3 Training details": "Adam, batch 40, 450k iterations.",
            "§ 3 Experiments": "AMT study and ImageNet linear probes.",
        },
        claims=[Mark("Fools people on 32 % of trials", "§ 3.1, Table 1"), Mark("Rebalancing gives more vivid colours", "Fig. 3")],
        not_understood=[Mark("why the temperature is 0.38", "Eq. 5")],
        see_also=["1703.04044 — Colorization as a Proxy Task for Visual Understanding"],
        critical={"baselines": "No comparison with a GAN colorizer.", "ablations": "Loss and rebalancing change together."},
        code="Caffe model and demo notebook in the authors' repository.",
        pass3="Classification with rebalancing is a general fix for regression to the mean.",
    )


def setup_paper(ws: Workspace, notes: Notes | None = None) -> None:
    ws.library_path.write_text(ws.library_path.read_text() + LIBRARY, encoding="utf-8")
    save_notes(ws.notes_dir(PAPER_ID), notes or realistic_notes())


def filled_review(reviewer: str, *, form: str = "neurips", scores: dict[str, str] | None = None,
                  strengths: tuple[str, ...] = ("Simple loss that works (§ 2.1)",),
                  weaknesses: tuple[str, ...] = ("No GAN baseline (Table 2)",)) -> str:
    """A complete review sheet as a reviewer hands it in."""
    values = {"Soundness (1–4)": "3", "Presentation (1–4)": "4", "Contribution (1–4)": "3",
              "Overall rating (1–10)": "7", "Confidence (1–5)": "4"}
    values.update(scores or {})
    lines = [
        "# Review: Colorful Image Colorization",
        "",
        f"- **Paper:** arXiv:{PAPER_ID} — Colorful Image Colorization",
        f"- **Form:** {form}",
        f"- **Reviewer:** {reviewer}",
        "",
        "## Summary",
        "",
        "The paper predicts colour distributions per pixel and rebalances rare colours.",
        "",
        "## Strengths",
        "",
        *(f"- {s}" for s in strengths),
        "",
        "## Weaknesses",
        "",
        *(f"- {w}" for w in weaknesses),
        "",
        "## Questions for the authors",
        "",
        "- How sensitive is the result to the temperature?",
        "",
        "## Limitations",
        "",
        "Stated briefly in § 5.",
        "",
        "## Scores",
        "",
        *(f"- **{label}:** {value}" for label, value in values.items()),
        "",
    ]
    return "\n".join(lines)
