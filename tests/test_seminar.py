from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from _review_samples import PAPER_ID, filled_review, setup_paper
from paperkit.cli import main
from paperkit.errors import InvalidInputError, NotFoundError
from paperkit.review.seminar import expected_sheets, load_seminar, parse_seminar, session_submissions

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


def _commit(repo, root, files, who, when):
    """Commit `files` as author `who` at `when` (ISO 8601 with offset), as a student's machine would."""
    env = {"GIT_AUTHOR_NAME": who[0], "GIT_AUTHOR_EMAIL": who[1], "GIT_AUTHOR_DATE": when,
           "GIT_COMMITTER_NAME": "Course Bot", "GIT_COMMITTER_EMAIL": "bot@example.org", "GIT_COMMITTER_DATE": when}
    repo.git.add("--", *[str(f.relative_to(root)) for f in files])
    with repo.git.custom_environment(**env):
        repo.git.commit("-m", "submit " + ", ".join(f.name for f in files))


def test_status_reads_the_git_history_who_when_on_time_and_every_problem(seminar_ws, run):
    import git

    repo = git.Repo.init(seminar_ws.root)
    _commit(repo, seminar_ws.root, [seminar_ws.library_path], ("Mentor", "m@uni.example"), "2026-04-01T10:00:00+02:00")
    folder = seminar_ws.reviews_dir(PAPER_ID)
    folder.mkdir(parents=True)
    review = folder / "seminar-review-d.md"
    review.write_text(filled_review("D").replace("- **Confidence (1–5):** 4", "- **Confidence (1–5):** 9"), encoding="utf-8")
    _commit(repo, seminar_ws.root, [review], ("יעל שדה", "yael@uni.example"), "2026-04-29T09:00:00+02:00")
    main(["talk", PAPER_ID])  # slides due on 2026-04-28: committed a day late
    talk = folder / "talk.md"
    _commit(repo, seminar_ws.root, [talk], ("Dana Levi", "dana@uni.example"), "2026-04-29T08:00:00+02:00")
    main(["summary", PAPER_ID])  # written but never committed: not submitted

    plan = load_seminar(seminar_ws)
    session = plan.sessions[0]
    states = {s.file: s for s in session_submissions(seminar_ws, plan, session, dt.date(2026, 4, 30))}
    assert states["summary.md"].state == "missing" and states["summary.md"].when is None
    assert states["reproduction-report-b.md"].state == "missing"
    review_state = states["seminar-review-d.md"]
    assert (review_state.author, review_state.email, review_state.on_time) == ("יעל שדה", "yael@uni.example", True)
    # a neurips sheet saved under the seminar name is checked by its own form, as committed
    assert review_state.state == "incomplete" and review_state.problems == ("Confidence: 9 is outside 1–5",)
    talk_state = states["talk.md"]
    assert talk_state.due == dt.date(2026, 4, 28) and talk_state.on_time is False and talk_state.author == "Dana Levi"
    # before the deadlines nothing is missing yet; on the due day it says so
    early = {s.file: s.state for s in session_submissions(seminar_ws, plan, session, dt.date(2026, 4, 28))}
    assert early["summary.md"] == "not due yet" and early["talk.md"] == "due today"  # its commit came a day later
    assert {s.file: s.state for s in session_submissions(seminar_ws, plan, session, dt.date(2026, 4, 29))}["summary.md"] == "due today"

    review.write_text(filled_review("D"), encoding="utf-8")  # fixed but not committed: still the committed state
    states = {s.file: s for s in session_submissions(seminar_ws, plan, session, dt.date(2026, 4, 30))}
    assert states["seminar-review-d.md"].state == "incomplete" and states["seminar-review-d.md"].uncommitted

    code, out, err = run("seminar", "status", "--today", "2026-04-30")
    assert code == 1
    assert "2026-04-29  1603.08511  Colorful Image Colorization" in out
    assert "  presenter  A      summary.md                         missing (due 2026-04-29); uncommitted changes (not counted)" in out
    assert "talk.md" in out and "by Dana Levi <dana@uni.example>, late (due 2026-04-28)" in out
    assert "incomplete, 1 problem: 2026-04-29 09:00 by יעל שדה <yael@uni.example>, on time; uncommitted changes (not counted)" in out
    assert "      Confidence: 9 is outside 1–5" in out
    assert err.count("\n") == 1 and "hand-in(s) due and missing: 2026-04-29 A summary.md" in err
    code, out, _ = run("seminar", "status", "--today", "2026-04-30", "--anonymous")
    assert "Dana Levi" not in out and "יעל" not in out
    code, out, _ = run("seminar", "status", "--today", "2026-04-01")
    assert code == 0 and "not due yet" in out
    code, out, err = run("seminar", "status", "--today", "2026-04-30", "--group", "D")
    assert code == 0 and "seminar-review-d.md" in out and "summary.md" not in out  # D's own hand-ins are in
    code, _, err = run("seminar", "status", "--ref", "origin/main")
    assert code == 1 and "git knows no commit 'origin/main'" in err and "git fetch" in err


def test_plan_command_and_status_outside_git(seminar_ws, run):
    code, out, _ = run("seminar", "plan")
    assert out.startswith("DL seminar (2 sessions, talks of 25 min)")
    assert "2026-04-29  1603.08511  Colorful Image Colorization" in out
    assert "  presenter  A (Dana Levi, Eli Cohen)" in out
    assert out.index("2026-04-29") < out.index("2026-05-06")
    code, _, err = run("seminar", "status")
    assert code == 1 and "not a git repository" in err and "paperkit init --git" in err


def test_talk_uses_the_seminar_length(seminar_ws):
    main(["talk", PAPER_ID])
    assert "- **Length:** 25 minutes" in (seminar_ws.reviews_dir(PAPER_ID) / "talk.md").read_text(encoding="utf-8")


def test_plan_built_from_the_cli_and_every_problem_reported_at_once(workspace, run):
    setup_paper(workspace)
    for name, members in (("A", ["Dana Levi"]), ("B", ["Noa Katz"]), ("C", ["Maya Dor"]), ("D", ["יעל"])):
        code, out, err = run("seminar", "plan", "group", name, *members)
        assert code == 0, err
    code, out, err = run("seminar", "plan", "add", "--date", "2026-04-29", "--paper", "1603.08511",
                         "--presenter", "A", "--coders", "B,C", "--reviewer", "D", "--topic", "colour")
    assert code == 0, err
    plan = load_seminar(workspace)
    assert plan.groups["D"] == ("יעל",)
    assert plan.sessions[0].roles() == [("presenter", "A"), ("coder", "B"), ("coder", "C"), ("reviewer", "D")]
    assert "date = 2026-04-29" in workspace.library_path.read_text(encoding="utf-8")  # a TOML date, not text

    before = workspace.library_path.read_text(encoding="utf-8")
    code, _, err = run("seminar", "plan", "add", "--date", "2026-05-06", "--paper", "2101.99999",
                       "--presenter", "B", "--coders", "B,E", "--reviewer", "C")
    assert code == 1 and err.count("\n") == 1
    assert "3 problems in the seminar plan" in err
    assert "seminar.sessions[2].paper '2101.99999' is not in the library" in err
    assert "seminar.sessions[2].coders names group 'E', which is not in [seminar.groups]" in err
    assert "seminar.sessions[2]: group 'B' holds 2 roles (presenter, coder)" in err
    assert workspace.library_path.read_text(encoding="utf-8") == before  # nothing saved

    code, _, err = run("seminar", "plan", "set", "2026-04-29", "--reviewer", "A")
    assert code == 1 and "group 'A' holds 2 roles (presenter, reviewer)" in err
    code, out, err = run("seminar", "plan", "set", "2026-04-29", "--date", "2026-04-30", "--paper", "1703.04044")
    assert code == 0, err
    session = load_seminar(workspace).sessions[0]
    assert (session.date, session.paper, session.topic) == (dt.date(2026, 4, 30), "1703.04044", "colour")
    code, _, err = run("seminar", "plan", "set", "2026-01-01", "--topic", "x")
    assert code == 1 and "no session on 2026-01-01" in err
    code, _, err = run("seminar", "plan", "add", "--date", "someday", "--paper", "1603.08511", "--presenter", "A", "--reviewer", "D")
    assert code == 1 and "--date must be a date like 2026-04-29" in err
    code, out, _ = run("seminar", "plan")
    assert code == 0 and "2026-04-30  1703.04044" in out


def test_a_hand_edited_plan_is_checked_against_the_library_too(seminar_ws):
    text = seminar_ws.library_path.read_text(encoding="utf-8").replace('paper = "1703.04044"', 'paper = "1706.99999"')
    seminar_ws.library_path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"seminar\.sessions\[1\]\.paper '1706\.99999' is not in the library"):
        load_seminar(seminar_ws)
