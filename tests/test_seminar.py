from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from _review_samples import PAPER_ID, filled_review, setup_paper
from paperkit.cli import main
from paperkit.errors import InvalidInputError, NotFoundError
from paperkit.review.seminar import expected_sheets, load_seminar, parse_seminar, session_status

PLAN = """
[seminar]
title = "DL seminar"
talk_minutes = 25

[seminar.groups]
A = ["Dana Levi", "Eli Cohen"]
B = ["Noa Katz"]
C = ["Maya Dor"]
D = ["Yael Sade"]

[[seminar.sessions]]
date = 2026-05-06
paper = "1703.04044"
presenter = "B"
coders = ["C", "D"]
reviewer = "A"

[[seminar.sessions]]
date = "2026-04-29"
paper = "1603.08511"
presenter = "A"
coders = ["B", "C"]
reviewer = "D"
"""


def seminar_data(**changes):
    data = tomllib.loads(PLAN)["seminar"]
    session = data["sessions"][1]
    for key, value in changes.items():
        if value is None:
            session.pop(key)
        else:
            session[key] = value
    return data


def test_plan_parses_and_sorts_sessions_by_date():
    plan = parse_seminar(seminar_data())
    assert plan.title == "DL seminar" and plan.talk_minutes == 25
    assert [s.date for s in plan.sessions] == [dt.date(2026, 4, 29), dt.date(2026, 5, 6)]
    first = plan.sessions[0]
    assert first.roles() == [("presenter", "A"), ("coder", "B"), ("coder", "C"), ("reviewer", "D")]
    assert [(s.paper, role) for s, role in plan.sessions_of("C")] == [("1603.08511", "coder"), ("1703.04044", "coder")]
    assert [name for _, _, name in expected_sheets(first)] == [
        "summary.md", "talk.md", "reproduction-report-b.md", "reproduction-report-c.md", "seminar-review-d.md",
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": "next week"}, r"seminar\.sessions\[2\]\.date must be a date like 2026-04-29, got 'next week'"),
        ({"paper": None}, r"seminar\.sessions\[2\]\.paper is missing"),
        ({"paper": 42}, r"seminar\.sessions\[2\]\.paper must be a paper id"),
        ({"reviewer": "E"}, r"seminar\.sessions\[2\]\.reviewer names group 'E', which is not in \[seminar\.groups\]"),
        ({"coders": ["B", 3]}, r"seminar\.sessions\[2\]\.coders must name a group, got 3"),
        ({"coders": {"B": 1}}, r"seminar\.sessions\[2\]\.coders must be a list of group names"),
    ],
)
def test_bad_sessions_name_the_key(changes, message):
    with pytest.raises(InvalidInputError, match=message):
        parse_seminar(seminar_data(**changes))


def test_bad_top_level_shapes_name_the_key():
    with pytest.raises(InvalidInputError, match=r"seminar must be a table"):
        parse_seminar(["not", "a", "table"])
    with pytest.raises(InvalidInputError, match=r"seminar\.groups\.A must be a list of names"):
        parse_seminar({"groups": {"A": "Dana"}})
    with pytest.raises(InvalidInputError, match=r"seminar\.sessions must be an array of tables"):
        parse_seminar({"sessions": {"date": 1}})
    with pytest.raises(InvalidInputError, match=r"seminar\.talk_minutes must be a positive whole number"):
        parse_seminar({"talk_minutes": "thirty"})


def test_missing_section_is_not_found(workspace):
    with pytest.raises(NotFoundError, match=r"no \[seminar\] section"):
        load_seminar(workspace)


@pytest.fixture
def seminar_ws(workspace):
    setup_paper(workspace)
    workspace.library_path.write_text(workspace.library_path.read_text() + PLAN, encoding="utf-8")
    return workspace


def test_status_tells_missing_incomplete_and_complete(seminar_ws):
    folder = seminar_ws.reviews_dir(PAPER_ID)
    folder.mkdir(parents=True)
    (folder / "seminar-review-d.md").write_text(
        filled_review("D").replace("- **Confidence (1–5):** 4", "- **Confidence (1–5):** 9"), encoding="utf-8")
    main(["summary", PAPER_ID])
    session = load_seminar(seminar_ws).sessions[0]
    states = {s.file: s for s in session_status(seminar_ws, session)}
    assert states["talk.md"].state == "missing"
    assert states["summary.md"].state == "incomplete"
    assert states["summary.md"].problems[0] == "The paper in one paragraph: empty (only the template's blanks are left)"
    # a neurips sheet saved under the seminar name is checked by its own form
    assert states["seminar-review-d.md"].state == "incomplete"
    assert states["seminar-review-d.md"].problems == ("Confidence: 9 is outside 1–5",)
    (folder / "seminar-review-d.md").write_text(filled_review("D"), encoding="utf-8")
    states = {s.file: s for s in session_status(seminar_ws, session)}
    assert states["seminar-review-d.md"].state == "complete"
    (folder / "talk.md").write_text("just text\n", encoding="utf-8")
    states = {s.file: s for s in session_status(seminar_ws, session)}
    assert states["talk.md"].state == "unreadable" and "not a paperkit sheet" in states["talk.md"].problems[0]


def test_plan_and_status_commands(seminar_ws, capsys):
    main(["seminar", "plan"])
    out = capsys.readouterr().out
    assert out.startswith("DL seminar (2 sessions, talks of 25 min)")
    assert "2026-04-29  1603.08511  Colorful Image Colorization" in out
    assert "  presenter  A (Dana Levi, Eli Cohen)" in out
    assert out.index("2026-04-29") < out.index("2026-05-06")
    main(["seminar", "status"])
    out = capsys.readouterr().out
    assert "  presenter  A      summary.md" in out and "missing" in out
    assert "  reviewer   A      seminar-review-a.md" in out


def test_talk_uses_the_seminar_length(seminar_ws):
    main(["talk", PAPER_ID])
    assert "- **Length:** 25 minutes" in (seminar_ws.reviews_dir(PAPER_ID) / "talk.md").read_text(encoding="utf-8")
