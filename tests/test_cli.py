from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from paperkit.cli import COMMANDS, cli, main


def test_help_lists_every_command_without_importing_heavy_libraries():
    code = (
        "import sys, io, contextlib\n"
        "from paperkit.cli import main\n"
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = [m for m in ('torch', 'textual', 'pymupdf', 'fitz', 'arxiv', 'matplotlib') if m in sys.modules]\n"
        "print(heavy)\n"
        "print(buf.getvalue())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[0] == "[]"
    for name in COMMANDS:
        assert name in out


def test_every_command_has_help():
    runner = CliRunner()
    for name in COMMANDS:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Usage:" in result.output


def test_paperkit_error_is_one_line_and_nonzero(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PAPERKIT_WORKSPACE", str(tmp_path / "nowhere"))
    try:
        main(["papers", "list"])
    except SystemExit as exc:
        assert exc.code != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("paperkit: error:")


def test_init_creates_a_workspace(tmp_path):
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "w")])
    assert result.exit_code == 0
    assert (tmp_path / "w" / "papers.toml").is_file()


def test_exit_codes_from_commands_reach_the_shell(monkeypatch):
    import click
    import pytest

    import paperkit.cli as cli_module

    @click.command()
    def failing() -> None:
        raise click.exceptions.Exit(3)

    monkeypatch.setitem(cli_module.COMMANDS, "failing", ("tests.test_cli", "_unused", "x"))
    monkeypatch.setattr(cli_module.LazyGroup, "get_command", lambda self, ctx, name: failing)
    with pytest.raises(SystemExit) as exc:
        main(["failing"])
    assert exc.value.code == 3
