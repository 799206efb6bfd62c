"""Talks: presenter and date from the seminar plan, and the outline as a slide deck."""

from __future__ import annotations

from _review_samples import PAPER_ID, setup_paper
from test_seminar import PLAN


def test_talk_names_presenter_and_date_and_exports_one_slide_per_part(workspace, run):
    import pymupdf

    setup_paper(workspace)
    workspace.library_path.write_text(workspace.library_path.read_text() + PLAN, encoding="utf-8")
    code, _, err = run("talk", PAPER_ID, "--part", "Background=5", "--part", "Method=10", "--part", "Results=10")
    assert code == 0, err
    talk = workspace.reviews_dir(PAPER_ID) / "talk.md"
    text = talk.read_text(encoding="utf-8")
    assert "- **Presenter:** group A (Dana Levi, Eli Cohen)\n- **Session:** 2026-04-29\n" in text
    # a long part with a formula still fits its one slide
    long = "\n".join(f"- Point {i}: the loss $L_{{{i}}} = -\\sum_q Z_q \\log \\hat Z_q$ (§ 3.{i})" for i in range(25))
    talk.write_text(text.replace("### Method (10 min)\n", f"### Method (10 min)\n\n{long}\n"), encoding="utf-8")
    code, out, err = run("talk", PAPER_ID, "--slides")
    assert code == 0 and out == f"wrote exports/{PAPER_ID}-talk-slides.pdf\n", err
    assert talk.read_text(encoding="utf-8").count("Point 24") == 1  # talk.md untouched
    with pymupdf.open(workspace.root / "exports" / f"{PAPER_ID}-talk-slides.pdf") as deck:
        assert deck.page_count == 4 and (deck[0].rect.width, deck[0].rect.height) == (960, 540)
        assert [title for _, title, _ in deck.get_toc()] == ["Colorful Image Colorization", "Background", "Method", "Results"]
        first = deck[0].get_text()
        assert "Presenter: group A (Dana Levi, Eli Cohen)" in first and "Session: 2026-04-29" in first
        method = deck[2].get_text()
        assert "Point 0" in method and "Point 24" in method and "10 min · minutes 5–15 of 25" in method
        assert len(deck[2].get_images()) == 25
        assert "minutes 15–25 of 25" in deck[3].get_text() and "TODO" not in deck[3].get_text()
        assert deck.metadata["title"] == "Talk: Colorful Image Colorization"


def test_talk_options_and_errors(workspace, run):
    setup_paper(workspace)
    code, _, _ = run("talk", PAPER_ID, "--presenter", "Noa Katz", "--date", "2026-05-06")
    text = (workspace.reviews_dir(PAPER_ID) / "talk.md").read_text(encoding="utf-8")
    assert code == 0 and "- **Presenter:** Noa Katz\n- **Session:** 2026-05-06\n" in text
    code, _, err = run("talk", "1703.04044", "--slides")
    assert code == 1 and "no talk outline for 1703.04044 yet" in err
