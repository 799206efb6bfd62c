"""Git, through GitPython: the state a run records, and commits of review sheets.

Only this module talks to git, so tests swap it or point it at a temporary repository.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime


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


def _git_error(exc) -> str:
    return " ".join((exc.stderr or exc.stdout or "").split()).removeprefix("stderr: ").strip("' ") or f"exit status {exc.status}"


def unmerged_paths(path: str | os.PathLike, paths: list[str | os.PathLike]) -> list[str]:
    """Those of `paths` git still holds as unmerged (a conflicted merge or pull not resolved yet)."""
    repo = _repo(path)
    if repo is None:
        return []
    root = Path(repo.working_tree_dir).resolve()
    relative = [Path(p).resolve().relative_to(root).as_posix() for p in paths]
    listed = repo.git.ls_files("--unmerged", "--", *relative) if relative else ""
    return sorted({line.split("\t", 1)[1] for line in listed.splitlines() if "\t" in line})


def commit_paths(
    path: str | os.PathLike,
    paths: list[str | os.PathLike],
    message: str,
    author_name: str | None = None,
    author_email: str | None = None,
) -> str:
    """Commit exactly `paths` in the repository holding `path`; returns the new commit's sha.

    Whatever else the user has staged stays staged and out of this commit (`git commit --only`).
    The author is `author_name <author_email>` when given (a student submitting on a shared
    machine); the committer is always git's own configured identity, never rewritten.
    """
    import git

    from paperkit.errors import PaperkitError

    repo = _repo(path)
    if repo is None:
        raise PaperkitError(
            f"{path} is not inside a git repository",
            hint="run `paperkit init --git` (or `git init`) in the workspace to version review sheets",
        )
    root = Path(repo.working_tree_dir).resolve()
    relative = [Path(p).resolve().relative_to(root).as_posix() for p in paths]
    options = ["--only", "--message", message]
    if author_name:
        options.append(f"--author={author_name} <{author_email or ''}>")
    try:
        repo.git.add("--", *relative)
        if not repo.git.status("--porcelain", "--", *relative).strip():
            raise PaperkitError(
                f"nothing to commit: {', '.join(relative)} already committed as they are",
                hint="edit the sheets first; `git log` shows what was submitted",
            )
        repo.git.commit(*options, "--", *relative)
    except git.GitCommandError as exc:
        raise PaperkitError(
            f"git could not commit: {_git_error(exc)[:200]}",
            hint="set your identity with `git config user.name` and `git config user.email`, or check `git status`",
        ) from exc
    return repo.head.commit.hexsha


def configured_identity(path: str | os.PathLike) -> tuple[str | None, str | None]:
    """git's user.name and user.email for the repository holding `path` (None where unset)."""
    repo = _repo(path)
    if repo is None:
        return None, None
    reader = repo.config_reader()
    return reader.get_value("user", "name", None), reader.get_value("user", "email", None)


def push(path: str | os.PathLike, remote: str | None = None) -> str:
    """Push the current branch to `remote` (default: its upstream's remote, else origin); returns "remote/branch"."""
    import git

    from paperkit.errors import PaperkitError

    repo = _repo(path)
    if repo is None:
        raise PaperkitError(f"{path} is not inside a git repository", hint="run `paperkit init --git`")
    if repo.head.is_detached:
        raise PaperkitError("cannot push from a detached HEAD", hint="check out your branch first: `git switch main`")
    branch = repo.active_branch
    tracking = branch.tracking_branch()
    name = remote or (tracking.remote_name if tracking is not None else "origin")
    if name not in [r.name for r in repo.remotes]:
        raise PaperkitError(f"the repository has no remote {name!r}", hint="add the shared one: `git remote add origin URL`")
    target = tracking.remote_head if tracking is not None and tracking.remote_name == name else branch.name
    try:
        repo.git.push(name, f"HEAD:refs/heads/{target}")
    except git.GitCommandError as exc:
        reason = _git_error(exc)
        hint = "your commit is kept locally; fix the cause and run `git push`"
        if "rejected" in reason or "fetch first" in reason or "non-fast-forward" in reason:
            hint = "the shared repository has commits you do not have: run `git pull --rebase`, then `git push` (your commit is kept locally)"
        raise PaperkitError(f"git could not push to {name}: {reason[:200]}", hint=hint) from exc
    return f"{name}/{target}"


@dataclass(frozen=True)
class FileCommit:
    """One commit that changed a file: who wrote it and when (the author, not the committer)."""

    sha: str
    author: str
    email: str
    when: "datetime.datetime"
    subject: str


def file_history(path: str | os.PathLike, file: str | os.PathLike, ref: str = "HEAD") -> list[FileCommit]:
    """The commits of `ref` that changed `file`, newest first; [] outside git or for a new file."""
    import datetime

    import git

    repo = _repo(path)
    if repo is None:
        return []
    relative = Path(file).resolve().relative_to(Path(repo.working_tree_dir).resolve()).as_posix()
    try:
        out = repo.git.log(ref, "--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%s", "--", relative)
    except git.GitCommandError:
        return []  # an unknown ref or a repository without commits
    commits = []
    for line in out.splitlines():
        sha, name, email, when, subject = line.split("\x1f", 4)
        commits.append(FileCommit(sha, name, email, datetime.datetime.fromisoformat(when), subject))
    return commits


def file_at(path: str | os.PathLike, file: str | os.PathLike, sha: str) -> str | None:
    """`file` as commit `sha` holds it (None where it does not)."""
    import git

    repo = _repo(path)
    if repo is None:
        return None
    relative = Path(file).resolve().relative_to(Path(repo.working_tree_dir).resolve()).as_posix()
    try:
        return repo.git.show(f"{sha}:{relative}")
    except git.GitCommandError:
        return None


def has_uncommitted_changes(path: str | os.PathLike, file: str | os.PathLike) -> bool:
    repo = _repo(path)
    if repo is None:
        return False
    relative = Path(file).resolve().relative_to(Path(repo.working_tree_dir).resolve()).as_posix()
    return bool(repo.git.status("--porcelain", "--", relative).strip())


def ref_exists(path: str | os.PathLike, ref: str) -> bool:
    """Whether `ref` (a branch, tag, sha or HEAD) names a commit in the repository holding `path`."""
    import git

    repo = _repo(path)
    if repo is None:
        return False
    try:
        repo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}")
    except git.GitCommandError:
        return False
    return True
