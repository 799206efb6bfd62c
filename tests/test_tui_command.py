"""`paperkit read`: errors are one line before the app starts; the demo works outside a workspace."""

from __future__ import annotations

import pytest

from paperkit.cli import main
from paperkit.reading.paper import Figure
from paperkit.tui.app import ReaderApp
from tui_support import make_pdf


@pytest.fixture
def no_app(monkeypatch):
    """Replace the full-screen app by a recorder: these tests check what happens before it starts."""
    started = []
    monkeypatch.setattr(ReaderApp, "run", lambda self, *a, **k: started.append(self))
    return started


def run_read(capsys, *args) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["read", *args])
    return exit_info.value.code, capsys.readouterr().err


def test_outside_a_workspace_says_to_run_init(tmp_path, monkeypatch, capsys, no_app):
    monkeypatch.chdir(tmp_path)
    code, err = run_read(capsys, "1603.08511")
    assert code != 0 and "paperkit init" in err and len(err.strip().splitlines()) == 1
    assert not no_app


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["not-an-id"], "not-an-id"),
        (["1603.08511", "--offline"], "--pdf"),
        (["broken.pdf"], "broken.pdf"),
        ([], "--demo"),
    ],
)
def test_bad_sources_are_one_line_errors_before_the_app(workspace, capsys, no_app, args, expected):
    (workspace.root / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    code, err = run_read(capsys, *args)
    assert code != 0 and expected in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not no_app


@pytest.mark.slow  # generates and parses the demo PDF (several seconds on a loaded machine)
def test_demo_outside_a_workspace_uses_a_demo_workspace(tmp_path, monkeypatch, capsys, no_app):
    monkeypatch.chdir(tmp_path)
    main(["read", "--demo"])
    (app,) = no_app
    session = app.session
    err = capsys.readouterr().err
    assert "demo-workspace" in err and session.paper_id == "demo"
    assert session.workspace.library_path.exists() and session.paper.sections
    assert len(session.pass2_sections) >= 3


def test_the_password_reaches_figure_rendering(workspace, capsys, no_app):
    make_pdf(workspace.root / "locked.pdf", pages=2, password="s3cret")
    main(["read", "locked.pdf", "--password", "s3cret", "--images", "off"])
    (app,) = no_app
    assert app.image_widget is None
    png = app.render_figure(app.session.paper, Figure("figure", "9", "a box", 2), workspace.root / "figs")
    assert png.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("notes.md", b"\xff\xfe# Notes\n", "notes.md is not UTF-8 text"),
        ("state.json", b'{"current_pass": ', "state.json is not valid reading state"),
        ("state.json", b"[1, 2]", "not a JSON object"),
        ("state.json", b'{"current_pass": "two"}', "current_pass must be a whole number"),
        ("state.json", b'{"seconds": [1]}', "seconds must map a pass to a number"),
    ],
)
def test_damaged_notes_or_state_are_one_line_and_left_alone(workspace, capsys, no_app, name, content, expected):
    make_pdf(workspace.root / "paper.pdf", pages=2)
    damaged = workspace.notes_dir("paper") / name
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(content)
    code, err = run_read(capsys, "paper.pdf")
    assert code != 0 and expected in err and len(err.strip().splitlines()) == 1
    assert damaged.read_bytes() == content and not no_app
