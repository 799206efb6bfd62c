"""`paperkit init`: the workspace, its .gitignore, and the offer to make it a git repository."""

from __future__ import annotations

from click.testing import CliRunner

from paperkit.cli import cli


def test_init_with_git_makes_a_repository_that_ignores_locks_and_exports(tmp_path):
    import git

    result = CliRunner().invoke(cli, ["init", str(tmp_path / "w"), "--git"])
    assert result.exit_code == 0, result.output
    root = tmp_path / "w"
    assert "git repository created" in result.output
    repo = git.Repo(root)
    (root / "papers.toml.lock").write_text("", encoding="utf-8")
    (root / "exports").mkdir()
    (root / "exports" / "x.pdf").write_bytes(b"%PDF-")
    assert set(repo.untracked_files) == {".gitignore", "papers.toml"}


def test_init_asks_when_interactive_and_hints_otherwise(tmp_path, monkeypatch):
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "quiet")])
    assert result.exit_code == 0 and "paperkit init --git" in result.output
    assert not (tmp_path / "quiet" / ".git").exists() and (tmp_path / "quiet" / ".gitignore").is_file()

    monkeypatch.setattr("paperkit.commands.workspace._interactive", lambda: True)
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "asked")], input="y\n")
    assert "Make it a git repository" in result.output and (tmp_path / "asked" / ".git").is_dir()


def test_an_existing_gitignore_is_kept(tmp_path):
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / ".gitignore").write_text("mine\n", encoding="utf-8")
    CliRunner().invoke(cli, ["init", str(tmp_path / "w"), "--no-git"])
    assert (tmp_path / "w" / ".gitignore").read_text(encoding="utf-8") == "mine\n"
