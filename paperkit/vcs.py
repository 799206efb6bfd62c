"""Git, through GitPython: the state a run records, and commits of review sheets.

Only this module talks to git, so tests swap it or point it at a temporary repository.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class GitState:
    in_repo: bool
    root: str | None = None
    commit: str | None = None
    branch: str | None = None  # None when detached or outside git
    dirty: bool = False
    untracked: tuple[str, ...] = ()
    diff: str = field(default="", repr=False)  # `git diff HEAD` when dirty (tracked files)

    def to_json(self) -> dict:
        return {
            "in_repo": self.in_repo,
            "root": self.root,
            "commit": self.commit,
            "branch": self.branch,
            "dirty": self.dirty,
            "untracked": list(self.untracked),
        }


def _repo(path: str | os.PathLike):
    import git

    try:
        return git.Repo(Path(path), search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None


def git_state(path: str | os.PathLike) -> GitState:
    """The git state of the repository holding `path`; `in_repo=False` outside git."""
    import git

    repo = _repo(path)
    if repo is None:
        return GitState(in_repo=False)
    try:
        commit = repo.head.commit.hexsha
    except ValueError:  # a repository with no commit yet
        commit = None
    try:
        branch = None if repo.head.is_detached else repo.active_branch.name
    except TypeError:
        branch = None
    try:
        dirty = repo.is_dirty(untracked_files=False)
        diff = repo.git.diff("HEAD") if dirty and commit else ""
        untracked = tuple(repo.untracked_files)
    except git.GitCommandError:
        dirty, diff, untracked = False, "", ()
    return GitState(True, str(repo.working_tree_dir), commit, branch, dirty, untracked, diff)


def repository_root(path: str | os.PathLike) -> Path | None:
    """The working tree of the repository holding `path`, or None outside git."""
    repo = _repo(path)
    return None if repo is None else Path(repo.working_tree_dir)


def init_repository(path: str | os.PathLike) -> Path:
    """Make `path` a git repository (`git init`); returns its root."""
    import git

    from paperkit.errors import PaperkitError

    try:
        return Path(git.Repo.init(Path(path)).working_tree_dir)
    except git.GitCommandError as exc:
        raise PaperkitError(f"git init failed in {path}: {exc.stderr.strip()[:200]}", hint="is git installed?") from exc


def commit_paths(
    path: str | os.PathLike,
    paths: list[str | os.PathLike],
    message: str,
    author_name: str | None = None,
    author_email: str | None = None,
) -> str:
    """Commit exactly `paths` in the repository holding `path`; returns the new commit's sha.

    Whatever else the user has staged stays staged and out of this commit (`git commit --only`).
    """
    import git

    from paperkit.errors import PaperkitError

    repo = _repo(path)
    if repo is None:
        raise PaperkitError(
            f"{path} is not inside a git repository",
            hint="run `git init` in the workspace to version review sheets",
        )
    root = Path(repo.working_tree_dir).resolve()
    relative = [Path(p).resolve().relative_to(root).as_posix() for p in paths]
    env = {}
    options = ["--only", "--message", message]
    if author_name:
        email = author_email or f"{author_name.lower().replace(' ', '.')}@users.noreply.paperkit"
        options.append(f"--author={author_name} <{email}>")
        # The reviewer commits their own sheet, so they are the committer too (no identity needed in git's config).
        env = {"GIT_COMMITTER_NAME": author_name, "GIT_COMMITTER_EMAIL": email}
    try:
        repo.git.add("--", *relative)
        if not repo.git.status("--porcelain", "--", *relative).strip():
            raise PaperkitError(
                f"nothing to commit: {', '.join(relative)} already committed as they are",
                hint="edit the sheets first; `git log` shows what was submitted",
            )
        with repo.git.custom_environment(**env):
            repo.git.commit(*options, "--", *relative)
    except git.GitCommandError as exc:
        reason = " ".join((exc.stderr or exc.stdout or "").split()).removeprefix("stderr: ").strip("' ") or f"exit status {exc.status}"
        raise PaperkitError(f"git could not commit: {reason[:200]}", hint="set git user.name and user.email, or check `git status`") from exc
    return repo.head.commit.hexsha
