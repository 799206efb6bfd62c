"""Finding and rendering the document templates (Jinja2).

Templates are searched, by file name, in this order:

1. the workspace's `templates/` folder (a course or a reader overrides one file by copying it there),
2. `templates/` beside the package (a source checkout or an editable install),
3. `<sys.prefix>/share/paperkit/templates` (where a wheel install puts them).

Rendering is strict: a variable a template names but paperkit does not provide is an error that
names the variable, the template file and its line, never a silently empty field.

Blanks the user still has to fill are HTML comments, `<!-- TODO: what to write -->`: they are
visible while editing the Markdown, vanish from HTML and PDF exports, and `paperkit review check`
treats a section holding nothing else as empty.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import paperkit
from paperkit.errors import InvalidInputError, NotFoundError
from paperkit.workspace import Workspace

TODO_PATTERN = re.compile(r"<!--\s*TODO:?(.*?)-->", re.DOTALL)
_COMMENT_PATTERN = re.compile(r"<!--.*?-->", re.DOTALL)


def todo(prompt: str) -> str:
    """A marked blank: what the user should write in its place."""
    return f"<!-- TODO: {' '.join(prompt.split())} -->"


def without_comments(text: str) -> str:
    """`text` with every HTML comment (blanks included) removed."""
    return _COMMENT_PATTERN.sub("", text)


def template_dirs(workspace: Workspace | None = None) -> list[Path]:
    """The folders searched for templates, first match wins."""
    candidates = []
    if workspace is not None:
        candidates.append(workspace.templates_dir)
    candidates.append(Path(paperkit.__file__).resolve().parent.parent / "templates")
    candidates.append(Path(sys.prefix) / "share" / "paperkit" / "templates")
    return [folder for folder in candidates if folder.is_dir()]


def find_template(name: str, workspace: Workspace | None = None) -> Path:
    for folder in template_dirs(workspace):
        if (folder / name).is_file():
            return folder / name
    raise NotFoundError(
        f"no template named {name!r}",
        hint=f"searched {', '.join(str(f) for f in template_dirs(workspace)) or 'no template folder'}; "
        "reinstall paperkit or add the file to the workspace's templates/",
    )


def read_template_file(name: str, workspace: Workspace | None = None) -> str:
    """A non-Jinja template file (e.g. the print stylesheet) with the same override order."""
    return find_template(name, workspace).read_text(encoding="utf-8")


def _environment(workspace: Workspace | None):
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in template_dirs(workspace)]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # the output is Markdown, escaped later by the HTML renderer
    )
    env.globals["todo"] = todo
    env.filters["one_line"] = lambda text: " ".join(str(text).split())
    return env


def render(name: str, context: dict[str, Any], workspace: Workspace | None = None) -> str:
    """Render template `name` with `context`; every template error is one line for people."""
    import jinja2

    path = find_template(name, workspace)
    env = _environment(workspace)
    try:
        template = env.get_template(name)
        text = template.render(**context)
    except jinja2.UndefinedError as exc:
        where = _template_line(exc, template_filename=str(path))
        variable = _undefined_name(exc.message or str(exc))
        raise InvalidInputError(
            f"template {path.name}{where}: unknown variable {variable}",
            hint=_fix_hint(path, workspace, f"use one of: {', '.join(sorted(context))}"),
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        failing = Path(exc.filename) if exc.filename else path
        raise InvalidInputError(
            f"template {failing}, line {exc.lineno}: {exc.message}",
            hint=_fix_hint(failing, workspace, "fix the Jinja2 syntax there"),
        ) from exc
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _fix_hint(path: Path, workspace: Workspace | None, how: str) -> str:
    """Whose mistake it is: a workspace override the user can fix or delete, or a bug in a packaged
    template (a user must never be told to edit files inside the installation)."""
    if workspace is not None and path.resolve().is_relative_to(workspace.templates_dir.resolve()):
        return f"your override {path} is wrong: {how}, or delete it to use the packaged template"
    return "this is a bug in paperkit's packaged template; please report it with the command you ran"


def _undefined_name(message: str) -> str:
    """"'foo' is undefined" -> 'foo'; "'x object' has no attribute 'bar'" -> '.bar'."""
    match = re.search(r"has no attribute '([^']+)'", message)
    if match:
        return f"'.{match.group(1)}'"
    match = re.match(r"'([^']+)' is undefined", message)
    return f"'{match.group(1)}'" if match else message


def _template_line(exc: BaseException, template_filename: str) -> str:
    """", line N" of the innermost template frame of a rendering error (Jinja maps lines back)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".md", ".css", ".html")) or filename == template_filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return f", line {line}" if line else ""
