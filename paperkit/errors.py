"""Errors meant for people.

Every failure a user can cause or fix (a bad id, a corrupt PDF, a TOML syntax error, a missing
dataset, an unknown config key) is raised as a `PaperkitError`: one line saying what is wrong and,
in `hint`, what to do. The CLI prints it as a single line and exits non-zero; nothing else
(no traceback) reaches the terminal.
"""

from __future__ import annotations


class PaperkitError(Exception):
    """A failure with a one-line explanation for the user."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class UsageError(PaperkitError):
    """The command line or a config value is wrong (exit 2, like a shell usage error)."""

    exit_code = 2


class NotFoundError(PaperkitError):
    """A paper, file, run, plugin or dataset that was asked for does not exist."""


class NetworkError(PaperkitError):
    """The network failed or is unreachable, and nothing usable was cached."""


class InvalidInputError(PaperkitError):
    """A file exists but its content is unusable (corrupt PDF, TOML syntax error, bad sheet)."""


class NonFiniteLoss(PaperkitError):
    """The loss or an evaluation metric became NaN or infinite: the run diverged and stopped."""


class Interrupted(PaperkitError):
    """Ctrl-C during training; a checkpoint was saved."""

    exit_code = 130
