"""Change a few `[papers."<id>"]` tables of papers.toml without parsing the rest with tomlkit.

tomlkit keeps comments and formatting but needs about 0.3 ms per entry to parse a whole file,
so a 10,000-paper library took seconds for every edit. Here only the tables that change go
through tomlkit: their text is cut out of the file at their header lines, edited and spliced
back; everything else stays byte for byte.

Header lines are found with a regular expression, which cannot see that a line sits inside a
multi-line string or array. So every cut is checked with tomllib before it is used: the old
text of each changed table (and of the last table, after which new papers go) must parse to
exactly the table tomllib read from the whole file. A cut in the wrong place cannot pass, and text outside the cuts is not touched. When a
check fails, or the layout is beyond it (a paper written as an inline table), `splice` returns
None and the caller edits the whole document with tomlkit instead.

Never imports anything of paperkit: it is pure text and TOML.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from typing import Any

import tomlkit
import tomlkit.exceptions

# One key of a dotted header: bare, "basic" (escapes allowed) or 'literal'.
_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_HEADER = re.compile(
    rf"""(?m)^[ \t]*\[\[?[ \t]*(?P<path>{_PART}(?:[ \t]*\.[ \t]*{_PART})*)[ \t]*\]\]?[ \t]*(?:#[^\n]*)?$"""
)
_PART_RE = re.compile(_PART)
_SIMPLE_PATH = re.compile(r'([A-Za-z0-9_-]+)\."([^"\\\n]*)"')  # papers."1603.08511": most headers
_COMMENT_LINE = re.compile(r"[ \t]*#[^\n]*\n")

Fields = Mapping[str, Any]


def _decode(part: str) -> str:
    if part[0] == "'":
        return part[1:-1]
    if part[0] == '"':
        return part[1:-1] if "\\" not in part else tomllib.loads(f"k = {part}")["k"]
    return part


def header_path(path_text: str) -> tuple[str, ...]:
    simple = _SIMPLE_PATH.fullmatch(path_text)
    if simple:
        return simple.group(1, 2)
    return tuple(_decode(m.group(0)) for m in _PART_RE.finditer(path_text))


def paper_spans(text: str, section: str) -> tuple[dict[str, tuple[int, int]], int | None] | None:
    """Where each `[section."<key>"]` table (with its sub-tables) starts and ends in `text`.

    Also returns the offset just after the last paper table, where new papers go. None when a
    paper's header appears twice (sub-tables split apart), which only the full document handles.
    """
    headers = [(m.start(), header_path(m.group("path"))) for m in _HEADER.finditer(text)]
    spans: dict[str, tuple[int, int]] = {}
    last_end: int | None = None
    i = 0
    while i < len(headers):
        start, path = headers[i]
        if len(path) < 2 or path[0] != section:
            i += 1
            continue
        key = path[1]
        j = i + 1
        while j < len(headers) and headers[j][1][:2] == (section, key):
            j += 1  # [papers."x".notes] belongs to paper x
        end = headers[j][0] if j < len(headers) else len(text)
        end = _before_leading_comments(text, start, end)
        if key in spans:
            return None
        spans[key] = (start, end)
        last_end = end
        i = j
    return spans, last_end


def _before_leading_comments(text: str, start: int, end: int) -> int:
    """A comment block right above the next header belongs to that header, not to this table."""
    body = text[start:end]
    lines = body.splitlines(keepends=True)
    keep = len(lines)
    while keep > 1 and _COMMENT_LINE.fullmatch(lines[keep - 1]):
        keep -= 1
    return start + sum(len(line) for line in lines[:keep])


def apply_fields(table: Any, old: Fields, new: Fields, to_toml: Callable[[str, Any], Any]) -> None:
    """Make a tomlkit table hold `new` where it held `old`: set, add or drop only what differs."""
    for name in new:
        if name not in old:
            table.add(name, to_toml(name, new[name]))
        elif new[name] != old[name]:
            table[name] = to_toml(name, new[name])
    for name in old:
        if name not in new:
            table.pop(name, None)


def new_table(fields: Fields, to_toml: Callable[[str, Any], Any]) -> Any:
    table = tomlkit.table()
    for name, value in fields.items():
        table.add(name, to_toml(name, value))
    return table


def value_text(value: Any, multiline: bool = False) -> str:
    """One TOML value as text, arrays inline (or one item a line), as tomlkit lays them out.

    Scalars go through tomli-w, which escapes strings by the TOML spec; tomlkit would do the same
    at about 2 ms a table, which made a 10,000-entry import take 20 s.
    """
    import tomli_w

    if isinstance(value, (list, tuple)):
        items = [value_text(item) for item in value]
        if multiline and items:
            return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
        return "[" + ", ".join(items) + "]"
    return tomli_w.dumps({"v": value})[4:-1]


def render_new(section: str, papers: Mapping[str, Fields], multiline: Callable[[str, Any], bool]) -> str:
    """`[section."<key>"]` tables for new papers; `multiline(name, value)` says which arrays get a line per item."""
    blocks = []
    for key, fields in papers.items():
        lines = [f"[{section}.{value_text(key)}]"]
        lines += [f"{name} = {value_text(value, multiline(name, value))}" for name, value in fields.items()]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _holds(text: str, section: str, tables: Mapping[str, Fields]) -> bool:
    """Whether `text` on its own is exactly these tables of `section`, no more, no less."""
    try:
        return tomllib.loads(text) == {section: dict(tables)}
    except tomllib.TOMLDecodeError:
        return False


def splice(
    text: str,
    top_level: Mapping[str, Any],
    section: str,
    old: Mapping[str, Fields],
    new: Mapping[str, Fields],
    changed: list[str],
    to_toml: Callable[[str, Any], Any],
    multiline: Callable[[str, Any], bool],
) -> str | None:
    """`text` with the tables of `changed` keys edited from `old` to `new`; None if it cannot.

    `top_level` is the whole file as tomllib read it; `old` is its `section`.
    """
    found = paper_spans(text, section)
    if found is None:
        return None
    spans, last_end = found
    replacements: list[tuple[int, int, str]] = []
    added: dict[str, Fields] = {}
    for key in changed:
        before, after = old.get(key), new.get(key)
        if before is None:
            if after is not None:
                added[key] = after
            continue
        if key not in spans:
            return None  # written inline or with dotted keys: only the whole document knows where
        start, end = spans[key]
        if not _holds(text[start:end], section, {key: before}):
            return None  # the cut went through a multi-line string or array
        if after is None:
            replacements.append((start, end, ""))
            continue
        piece = tomlkit.parse(text[start:end])
        apply_fields(piece[section][key], before, after, to_toml)
        replacements.append((start, end, piece.as_string()))
    if added:
        if set(old) - set(spans) or (not old and section in top_level):
            return None  # some paper (or the section) is not a [section."<key>"] table: new ones may not follow it
        if last_end is not None:
            last = next(reversed(spans))
            if not _holds(text[spans[last][0] : last_end], section, {last: old[last]}):
                return None
        at = last_end if last_end is not None else len(text)
        block = render_new(section, added, multiline)
        prefix = "" if at == 0 or text[:at].endswith("\n\n") else ("\n" if text[:at].endswith("\n") else "\n\n")
        suffix = "\n" if at < len(text) else ""
        replacements.append((at, at, prefix + block + suffix))
    out = []
    cursor = 0
    for start, end, piece in sorted(replacements, key=lambda r: (r[0], r[1])):
        out.append(text[cursor:start])
        out.append(piece)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)
