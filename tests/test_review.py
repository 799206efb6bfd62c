from __future__ import annotations

import re
import statistics

import pytest

from _review_samples import PAPER_ID, filled_review
from paperkit.errors import InvalidInputError, UsageError
from paperkit.review.sheets import check_sheet, citations, load_sheet, merge_sheets, parse_sheet, render_meta_review


def problems(text: str) -> list[str]:
    return [str(p) for p in check_sheet(parse_sheet(text, "sheet.md"))]


def test_a_complete_sheet_has_no_problems():
    assert problems(filled_review("ann")) == []
    assert problems(filled_review("ann", form="iclr", scores={"Overall rating (1–10)": "8"})) == []


def test_every_incomplete_field_is_one_line_naming_it():
    text = filled_review("ann")
    text = text.replace("- **Paper:** arXiv:1603.08511 — Colorful Image Colorization\n", "")
    text = text.replace("## Limitations\n\nStated briefly in § 5.\n", "")  # section missing
    text = text.replace("- How sensitive is the result to the temperature?", "<!-- TODO: your questions -->")  # blank only
    text = text.replace("- No GAN baseline (Table 2)", "- No GAN baseline (Table 2)\n- The colour prior may not transfer")
    text = text.replace("- **Soundness (1–4):** 3", "- **Soundness (1–4):** <!-- TODO: score -->")
    text = text.replace("- **Presentation (1–4):** 4", "- **Presentation (1–4):** good")
    text = text.replace("- **Contribution (1–4):** 3", "- **Contribution (1–4):** 5")
    text = text.replace("- **Confidence (1–5):** 4\n", "")
    assert problems(text) == [
        "Paper: missing: the header needs '- **Paper:** arXiv:ID'",
        "Weaknesses: item 2 cites no § / Fig. / Table: The colour prior may not transfer",
        "Questions for the authors: empty (only the template's blanks are left)",
        "Limitations: section missing",
        "Soundness: no score given (1–4)",
        "Presentation: 'good' is not a whole number (1–4)",
        "Contribution: 5 is outside 1–4",
        "Confidence: missing: add '- **Confidence (1–5):** N' under ## Scores",
    ]


def test_a_score_between_the_steps_of_a_gapped_scale_is_named():
    text = filled_review("ann", form="iclr", scores={"Overall rating (1–10)": "4"})
    assert problems(text) == ["Overall rating: 4 is not on the iclr scale 1, 3, 5, 6, 8, 10"]


def test_fractional_score_is_not_a_whole_number():
    assert problems(filled_review("ann", scores={"Confidence (1–5)": "3.5"})) == ["Confidence: '3.5' is not a whole number (1–5)"]


def test_scores_section_missing():
    text = filled_review("ann").split("## Scores")[0]
    assert problems(text) == ["Scores: section missing"]


def test_empty_subsection_of_a_required_section():
    text = (
        "# Talk\n\n- **Paper:** arXiv:1603.08511\n- **Form:** talk\n\n## Outline\n\n| Part | Minutes |\n|---|---|\n| Intro | 5 |\n\n"
        "### Intro (5 min)\n\n<!-- TODO: slides -->\n"
    )
    assert problems(text) == ["Outline / Intro (5 min): empty (only the template's blanks are left)"]


def test_malformed_sheets_are_one_line_errors(tmp_path):
    with pytest.raises(InvalidInputError, match="notes.md is not a paperkit sheet: it has no '- \\*\\*Form:\\*\\*"):
        parse_sheet("# My notes\n\n## Summary\n\nText\n", "notes.md")
    with pytest.raises(InvalidInputError, match="Form: unknown form preset 'acl'"):
        parse_sheet("# Review\n\n- **Form:** acl\n", "r.md")
    with pytest.raises(InvalidInputError, match="does not exist"):
        load_sheet(tmp_path / "missing.md")
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InvalidInputError, match="not UTF-8"):
        load_sheet(binary)


def test_citations_are_normalised():
    assert citations("Unclear (Figure 3, Tab. 2) and Sec. 4.1, see § 4.1 again") == ["Fig. 3", "Table 2", "§ 4.1"]
    assert citations("no place given") == []


def three_sheets():
    return [
        parse_sheet(filled_review("ann", scores={"Overall rating (1–10)": "8", "Soundness (1–4)": "3"},
                                  weaknesses=("No GAN baseline (Table 2)",)), "review-ann.md"),
        parse_sheet(filled_review("bo", scores={"Overall rating (1–10)": "3", "Soundness (1–4)": "3"},
                                  strengths=("Strong comparison (Table 2)",), weaknesses=("Loss not motivated (§ 2.1)",)), "review-bo.md"),
        parse_sheet(filled_review("cy", scores={"Overall rating (1–10)": "6", "Soundness (1–4)": "2"},
                                  weaknesses=("Baselines are weak (Table 2)", "Temperature unexplained (Eq. 5)")), "review-cy.md"),
    ]


def test_merge_three_sheets_mean_spread_and_disagreement():
    meta = merge_sheets(three_sheets())
    assert meta.paper_id == PAPER_ID and meta.reviewers == ["ann", "bo", "cy"]
    overall = next(s for s in meta.scores if s.scale.key == "overall")
    assert overall.values == {"ann": 8, "bo": 3, "cy": 6}
    assert overall.mean == pytest.approx((8 + 3 + 6) / 3)
    assert overall.spread == 5
    assert overall.stdev == pytest.approx(statistics.pstdev([8, 3, 6]))
    assert overall.disagreement  # 5 points apart on a 1–10 scale
    soundness = next(s for s in meta.scores if s.scale.key == "soundness")
    assert soundness.spread == 1 and not soundness.disagreement
    # Table 2: a weakness for ann and cy, a strength for bo -> a conflict; § 2.1: strength for ann and cy, weakness for bo
    assert set(meta.conflicts) == {"Table 2", "§ 2.1"}
    assert meta.agreements == {}


def test_meta_review_text_highlights_disagreements_and_agreements():
    sheets = three_sheets()
    text = render_meta_review(merge_sheets(sheets), "2026-05-01")
    assert "| Overall rating (1–10) | 8 | 3 | 6 | 5.67 | 5 **disagreement** | 2.05 |" in text
    assert "- **Overall rating:** from 3 (bo) to 8 (ann); discuss before deciding." in text
    assert "- **Table 2:** a weakness for ann" in text and "a strength for bo" in text
    agreeing = [parse_sheet(filled_review(name, weaknesses=("No GAN baseline (Table 2)",)), f"review-{name}.md") for name in ("a", "b")]
    text = render_meta_review(merge_sheets(agreeing), "2026-05-01")
    assert "- **Table 2** — a weakness for a, b" in text
    assert "None: the reviewers' scores are within a third of each scale." in text
    assert "- **§ 2.1** — a strength for a, b" in text


def test_merge_refuses_what_cannot_be_merged():
    ann = parse_sheet(filled_review("ann"), "review-ann.md")
    with pytest.raises(UsageError, match="at least two sheets, found 1"):
        merge_sheets([ann])
    iclr = parse_sheet(filled_review("bo", form="iclr", scores={"Overall rating (1–10)": "8"}), "review-bo.md")
    with pytest.raises(UsageError, match="different forms \\(iclr, neurips\\)"):
        merge_sheets([ann, iclr])
    other = parse_sheet(filled_review("cy").replace(PAPER_ID, "2002.05709"), "review-cy.md")
    with pytest.raises(UsageError, match="different papers"):
        merge_sheets([ann, other])


def test_merge_skips_scores_a_reviewer_left_blank():
    blank = filled_review("bo").replace("- **Confidence (1–5):** 4", "- **Confidence (1–5):** <!-- TODO -->")
    meta = merge_sheets([parse_sheet(filled_review("ann"), "a.md"), parse_sheet(blank, "b.md")])
    confidence = next(s for s in meta.scores if s.scale.key == "confidence")
    assert confidence.values == {"ann": 4}


def test_meta_reviews_are_checked_as_meta_reviews_old_header_included():
    meta = merge_sheets([parse_sheet(filled_review(n), f"review-{n}.md") for n in ("ann", "bo")])
    text = render_meta_review(meta, "2026-05-01")
    assert "- **Form:** meta-review (neurips, 2 reviewers merged)" in text
    older = text.replace("meta-review (neurips, 2 reviewers merged)", "neurips (2 reviewers merged)")
    for version in (text, older):
        sheet = parse_sheet(version, "meta-review.md")
        assert sheet.form.name == "meta-review"
        assert [str(p) for p in check_sheet(sheet)] == ["Recommendation: empty (only the template's blanks are left)"]


def test_workspace_form_mistakes_name_the_key():
    from paperkit.review.forms import FORMS, parse_form

    for table, complaint in [
        ({"based_on": "neurips", "colour": "red"}, "unknown key 'colour'"),
        ({"sections": ["Summary"], "cited_sections": ["Weaknesses"]}, "cited_sections names 'Weaknesses'"),
        ({"scores": [{"key": "novelty"}]}, "needs meanings or range (no scale 'novelty' to inherit)"),
        ({"scores": [{"key": "overall", "range": [5, 1]}]}, "range must be [low, high]"),
        ({"scores": [{"key": "overall", "meanings": {"one": "bad"}}]}, "meanings.one must map a whole number"),
    ]:
        with pytest.raises(InvalidInputError, match=re.escape(complaint)):
            parse_form("course", table, dict(FORMS), "forms.toml: [course]")
    form = parse_form("course", {"based_on": "iclr", "scores": [{"key": "overall"}, {"key": "novelty", "range": [1, 3]}]}, dict(FORMS), "x")
    assert [s.key for s in form.scores] == ["overall", "novelty"] and form.scores[0].allowed == (1, 3, 5, 6, 8, 10)
    assert form.review and form.template == "review.md" and form.scale("novelty").heading == "Novelty (1–3)"
