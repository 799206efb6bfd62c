"""The `paperkit` command.

Sub-commands live in `paperkit/commands/<area>.py` and are imported only when invoked, so
`paperkit --help` and every command that does not train start without torch (or Textual,
PyMuPDF, arxiv). `main` turns a `PaperkitError` into one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys

import click

from paperkit import __version__
from paperkit.errors import PaperkitError

# name -> (module, attribute, one-line help shown by `paperkit --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "init": ("paperkit.commands.workspace", "init", "Make a folder a paperkit workspace (creates papers.toml)."),
    "fetch": ("paperkit.commands.fetch", "fetch", "Download arXiv metadata and PDFs into the cache for offline reading."),
    "outline": ("paperkit.commands.outline", "outline", "Print a paper's structure: sections, figures, tables, references."),
    "papers": ("paperkit.commands.papers", "papers", "The reading list in papers.toml: add, import, list, show, remove, tag, bibtex."),
    "read": ("paperkit.commands.read", "read", "Read a paper in three passes in the terminal app."),
    "summary": ("paperkit.commands.review", "summary", "Write a paper summary from your notes."),
    "talk": ("paperkit.commands.review", "talk", "Write a talk outline with a time budget per part."),
    "report": ("paperkit.commands.review", "report", "Write a reproduction report from a run."),
    "review": ("paperkit.commands.review", "review", "Review sheets: new, check, export, merge, submit."),
    "seminar": ("paperkit.commands.review", "seminar", "The seminar plan in papers.toml: plan, status, bundle."),
    "reproductions": ("paperkit.commands.reproduce", "reproductions", "List the reproduction plugins and their claims."),
    "new-reproduction": ("paperkit.commands.reproduce", "new_reproduction", "Scaffold a new reproduction plugin."),
    "reproduce": ("paperkit.commands.reproduce", "reproduce", "Run a reproduction (or its overfit check with --overfit)."),
    "ablate": ("paperkit.commands.reproduce", "ablate", "Vary one config key at a time and tabulate the results."),
    "runs": ("paperkit.commands.reproduce", "runs", "Recorded runs: list, show, compare."),
}


class LazyGroup(click.Group):
    """A group whose sub-commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module_name, attribute, _ = COMMANDS[name]
        module = importlib.import_module(module_name)
        return getattr(module, attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_text) for name, (_, _, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="paperkit")
def cli() -> None:
    """Read, review and reproduce machine-learning papers.

    A workspace is the nearest folder upwards holding papers.toml (`paperkit init` makes one).
    """


def _without_pymupdf_extras() -> None:
    """PyMuPDF 2 installs `pymupdf.layout` and `pymupdf4llm` with itself, and `import pymupdf` imports
    them: ONNX models loaded at start, about 0.4 s of every command that opens a PDF, for layout
    analysis paperkit never asks for (its parse sets the quad-correction switch they flip itself).
    In paperkit's own process they are marked absent before PyMuPDF is first imported, which
    PyMuPDF's import takes as not installed."""
    if "pymupdf" not in sys.modules:
        for name in ("pymupdf.layout", "pymupdf4llm"):
            sys.modules.setdefault(name, None)


def _own_bytecode() -> None:
    """Compile paperkit's modules into Python's bytecode cache (`__pycache__`) when its copy of the
    parser's is missing or stale and this Python writes none itself (PYTHONDONTWRITEBYTECODE, set in
    many container images, or `python -B`). Without that cache every command compiles the parser's
    source again: about 0.3 s of CPU, more than PyMuPDF's whole text pass of a ten-page paper. `pip
    install` compiles an installed package, but not an editable one (`pip install -e`). Compiled once,
    here or by the Makefile; a later command only compares one file's header with its source. An
    install folder this process may not write into is left as it is."""
    if not sys.dont_write_bytecode:
        return
    import importlib.util

    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reading", "parse.py")
    try:
        cached = importlib.util.cache_from_source(source)
        stat = os.stat(source)
        with open(cached, "rb") as handle:
            head = handle.read(16)
        # (a timestamp-checked pyc: magic number, flags 0, the source's mtime and size)
        fresh = (head[:4] == importlib.util.MAGIC_NUMBER and head[4:8] == bytes(4)
                 and int.from_bytes(head[8:12], "little") == int(stat.st_mtime) & 0xFFFFFFFF
                 and int.from_bytes(head[12:16], "little") == stat.st_size & 0xFFFFFFFF)
    except (OSError, NotImplementedError, ValueError):
        fresh = False
    package = os.path.dirname(os.path.abspath(__file__))
    # (a folder this process may not write into is left alone: trying on every command would cost
    # the compilation each time and keep nothing)
    if fresh or not os.access(package, os.W_OK):
        return
    import compileall

    try:
        compileall.compile_dir(package, quiet=2)
    except OSError:
        pass


# Commands whose process may end without Python's own teardown (`_end_now`): they leave no file
# open and no thread running, and write what they keep through `paperkit.files` (closed at once).
QUICK_EXIT_COMMANDS = frozenset({"outline"})


def _end_now(args: list[str]) -> None:
    """End the process at once, after its atexit handlers, when its command has run well and was
    one of `QUICK_EXIT_COMMANDS`. Python's own end frees every object one by one (a parsed paper's,
    PyMuPDF's, the modules'): 20 to 30 ms of `paperkit outline` on a paper of ten to twenty pages,
    after its output is written and for no one, as the system takes the whole memory back anyway.
    Returns (and Python ends as usual) for any other command, with a thread still running, under a
    profiler or a tracer (which write their results at the end), or when the output cannot be
    flushed (a closed pipe: Python reports it as usual)."""
    import threading

    if not args or args[0] not in QUICK_EXIT_COMMANDS or threading.active_count() != 1:
        return
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return
    import atexit

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001 - (a closed pipe) left to Python's own end
        return
    atexit._run_exitfuncs()  # the store of compiled patterns, tempfile's folders, PyMuPDF's
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001
        return
    os._exit(0)


def main(argv: list[str] | None = None) -> None:
    if argv is None:  # the process's own command (not a call from another program or a test)
        _without_pymupdf_extras()
        _own_bytecode()
    try:
        # Without standalone mode click returns the code of a `ctx.exit(n)` instead of exiting.
        code = cli.main(args=argv, prog_name="paperkit", standalone_mode=False)
        if argv is None:
            # The process's own command has run and the process ends: the objects it leaves need no
            # collection, and Python's last one walked them all (a parsed paper's, PyMuPDF's), about
            # 3 % of the instructions of `paperkit outline` on a paper of ten pages. (Not when called
            # with arguments, as inside another program or the tests: its objects are not frozen.)
            gc.freeze()
            if code is None or code == 0:
                _end_now(sys.argv[1:])
    except PaperkitError as exc:
        click.echo(f"paperkit: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("paperkit: interrupted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("paperkit: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    if isinstance(code, int) and code != 0:
        sys.exit(code)
