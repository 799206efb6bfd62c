"""The drafts file each note by meaning, as the table in docs/reader.md says (the test reads the table)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from paperkit.reading.notes import Mark, Notes, save_notes
from paperkit.review import documents
from tui_support import PAPER_ID, make_paper

TABLE_HEADING = "## Where each note goes in the drafts"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "reader.md"

# One distinctive word per note, so where it lands can be found in the drafts.
NOTES = Notes(
    PAPER_ID,
    five_cs={"category": "zcategory", "context": "zcontext", "correctness": "zcorrectness",
             "contributions": "zcontribution one\nzcontribution two", "clarity": "zclarity"},
    pass1="zpassonenote",
    sections={"§ 2 Part 2": "zkeypoint"},
    claims=[Mark("zclaim", "§ 3.1")],
    not_understood=[Mark("znotunderstood", "§ 2")],
    see_also=["zseealso"],
    critical={"baselines": "zcritical"},
    code="zcodenote",
    pass3="zpassthreenote",
)
MARKERS = {
    "five Cs: category": "zcategory",
    "five Cs: context": "zcontext",
    "five Cs: correctness": "zcorrectness",
    "five Cs: contributions": "zcontribution",
    "five Cs: clarity": "zclarity",
    "pass 1: other notes": "zpassonenote",
    "pass 2: key points": "zkeypoint",
    "pass 2: claims, with where": "zclaim (§ 3.1)",
    "pass 2: not understood, with where": "znotunderstood (§ 2)",
    "pass 2: see also (cited papers)": "zseealso",
    "pass 3: critical questions": "zcritical",
    "pass 3: code notes": "zcodenote",
    "pass 3: other notes": "zpassthreenote",
}


def filing_table() -> dict[str, dict[str, str | None]]:
    """note -> {draft column -> section heading, or None for "stays in the notes"}."""
    text = DOCS.read_text(encoding="utf-8").split(TABLE_HEADING, 1)[1]
    rows = [line for line in text.splitlines() if line.startswith("|")]
    columns = [c.strip() for c in rows[0].strip("|").split("|")][1:]
    table = {}
    for row in rows[2:]:
        cells = [c.strip() for c in row.strip("|").split("|")]
        # "Key points by section (a method section's: ...)": the section for the notes used here
        table[cells[0]] = {column: (None if cell == "—" else cell.split(" (")[0]) for column, cell in zip(columns, cells[1:])}
    return table


def sections_of(markdown: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", markdown, flags=re.MULTILINE)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


@pytest.fixture
def drafts(workspace) -> dict[str, dict[str, str]]:
    save_notes(workspace.notes_dir(PAPER_ID), NOTES)
    paper = make_paper()
    written = {
        "summary": documents.write_summary(workspace, PAPER_ID, paper=paper),
        "review": documents.write_review(workspace, PAPER_ID, form="neurips", paper=paper),
        "seminar review": documents.write_review(workspace, PAPER_ID, form="seminar", paper=paper),
    }
    return {kind: sections_of(Path(path).read_text(encoding="utf-8")) for kind, path in written.items()}


def test_the_table_names_every_note_and_every_draft():
    table = filing_table()
    assert set(table) == set(MARKERS)
    assert all(len(columns) == 3 for columns in table.values())


def test_every_note_lands_in_the_section_the_table_says_and_nowhere_else(drafts):
    for note, columns in filing_table().items():
        marker = MARKERS[note]
        for column, expected in columns.items():
            kind = column.split(" (")[0]
            found = [heading for heading, body in drafts[kind].items() if marker in body]
            assert found == ([expected] if expected else []), (note, column, found)


def test_contributions_become_one_bullet_per_line(drafts):
    body = drafts["summary"]["Key contributions"]
    assert "- zcontribution one\n" in body and "- zcontribution two\n" in body


def test_method_and_experiment_key_points_go_to_how_it_works_and_results_once(workspace):
    notes = Notes(PAPER_ID, sections={"§ 2 Method": "zmethod", "§ 4 Experiments": "zexperiment", "§ 5 Discussion": "zother"})
    save_notes(workspace.notes_dir(PAPER_ID), notes)
    summary = sections_of(Path(documents.write_summary(workspace, PAPER_ID, paper=make_paper())).read_text(encoding="utf-8"))
    for marker, heading in (("zmethod", "How it works"), ("zexperiment", "Results"), ("zother", "Key points by section")):
        assert [h for h, body in summary.items() if marker in body] == [heading]
