"""Session and group bundles: one PDF and one self-contained HTML page, optionally anonymised."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from _review_samples import PAPER_ID, filled_review, setup_paper
from test_seminar import PLAN

NS = {"h": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def class_ws(workspace, run):
    """Session 2026-04-29 of the test plan: A presents, B and C code, D reviews; two of them handed in."""
    setup_paper(workspace)
    workspace.library_path.write_text(workspace.library_path.read_text() + PLAN, encoding="utf-8")
    run("summary", PAPER_ID)
    folder = workspace.reviews_dir(PAPER_ID)
    review = filled_review("Yael Sade", form="seminar").split("## Summary")[0] + (
        "## Summary\n\nPredicts $p_{\\theta}(z \\mid x)$ over 313 bins; see https://arxiv.org/abs/1603.08511.\n"
    )
    (folder / "seminar-review-d.md").write_text(review, encoding="utf-8")
    (folder / "review-ann-lee.md").write_text(filled_review("Ann Lee"), encoding="utf-8")
    return workspace


def test_session_bundle_is_one_pdf_and_one_page_with_every_sheet(class_ws, run):
    import pymupdf

    code, out, err = run("seminar", "bundle", "--session", "2026-04-29")
    assert code == 0, err
    exports = class_ws.root / "exports"
    assert sorted(p.name for p in exports.iterdir()) == ["session-2026-04-29.html", "session-2026-04-29.pdf"]
    assert "warning: session-2026-04-29: Summary: Colorful Image Colorization is incomplete" in err
    with pymupdf.open(exports / "session-2026-04-29.pdf") as doc:
        cover = doc[0].get_text()
        assert "DL seminar: session of 2026-04-29" in cover and "Colorful Image Colorization" in cover
        assert "Dana Levi, Eli Cohen" in cover and "talk.md" in cover and "missing" in cover
        top = [title for level, title, _ in doc.get_toc() if level == 1]
        assert top == ["Cover", "Summary: Colorful Image Colorization", "Review: Colorful Image Colorization",
                       "Review: Colorful Image Colorization"]
        assert doc.metadata["title"] == "DL seminar: session of 2026-04-29"
    page = (exports / "session-2026-04-29.html").read_text(encoding="utf-8")
    root = ET.fromstring(page.split("\n", 1)[1])
    sections = root.findall(".//h:section", NS)
    assert [s.get("id") for s in sections] == ["sheet-1", "sheet-2", "sheet-3"]
    assert [a.get("href") for a in root.findall(".//h:nav//h:a", NS)] == ["#sheet-1", "#sheet-2", "#sheet-3"]
    assert root.find(".//{http://www.w3.org/1998/Math/MathML}math") is not None
    assert "Yael Sade" in page and "Ann Lee" in page


def test_anonymous_bundles_name_reviewers_by_number_and_drop_members(class_ws, run):
    import pymupdf

    code, _, err = run("seminar", "bundle", "--session", PAPER_ID, "--group", "D", "--anonymous")
    assert code == 0, err
    exports = class_ws.root / "exports"
    page = (exports / "session-2026-04-29.html").read_text(encoding="utf-8")
    for name in ("Yael Sade", "Ann Lee", "Dana Levi"):
        assert name not in page
    assert "<strong>Reviewer:</strong> Reviewer 1" in page and "<strong>Reviewer:</strong> Reviewer 2" in page
    with pymupdf.open(exports / "session-2026-04-29.pdf") as doc:
        text = "".join(p.get_text() for p in doc)
        assert "Yael Sade" not in text and "Reviewer 1" in text
    group_page = (exports / "group-D.html").read_text(encoding="utf-8")
    assert "Yael Sade" not in group_page and "Members" not in group_page and "seminar-review-d.md" in group_page


def test_group_bundle_and_unknown_names(class_ws, run):
    import pymupdf

    code, _, err = run("seminar", "bundle", "--group", "A", "--format", "pdf")
    assert code == 0, err
    with pymupdf.open(class_ws.root / "exports" / "group-A.pdf") as doc:
        assert "Dana Levi" in doc[0].get_text() and "talk.md (missing)" in doc[0].get_text()
        assert [t for lvl, t, _ in doc.get_toc() if lvl == 1] == ["Cover", "Summary: Colorful Image Colorization"]
    code, _, err = run("seminar", "bundle", "--session", "2020-01-01")
    assert code == 1 and "no session '2020-01-01'" in err
    code, _, err = run("seminar", "bundle", "--group", "Z")
    assert code == 1 and "no group 'Z'" in err
