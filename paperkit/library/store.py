"""The library file, papers.toml: the reading list (one table per paper) and other plans.

Layout::

    [papers."1603.08511"]          # the key: the base arXiv id, or a name for a paper not on arXiv
    title = "Colorful Image Colorization"
    authors = ["Richard Zhang", "Phillip Isola", "Alexei A. Efros"]
    year = 2016
    version = 5                    # the arXiv version you read; absent means "latest"
    venue = "ECCV"                 # journal or proceedings, when known (e.g. from an import)
    doi = "10.1007/978-3-319-46487-9_40"
    url = "https://richzhang.github.io/colorization/"
    categories = ["cs.CV"]         # the first one is the primary category
    tags = ["colorization"]
    status = "to-read"             # to-read, pass-1, pass-2, pass-3, reviewed
    code = "https://github.com/richzhang/colorization"
    reproduction = "colorization"  # a plugin under reproductions/
    pdf = "papers/zhang2016.pdf"   # a local PDF (imports take it from Zotero/JabRef `file` fields)
    citekey = "zhang2016colorful"  # the citation key BibTeX export uses (kept from an import)
    added = 2024-05-01

The file belongs to the user. Reading uses `tomllib` (about ten times faster than tomlkit) and
builds no tomlkit document; `Library.edit` holds an inter-process lock for the whole
read-modify-write cycle, re-reads the file under it, and rewrites only the tables that changed
(tomlkit on those tables, `_tomledit`), so comments, ordering and keys paperkit does not know
survive, and two concurrent writers both land. Every cut is checked with tomllib before it is
saved; a layout the splice cannot handle falls back to tomlkit on the whole document.

Keys are arXiv ids (any spelling: `1603.08511`, `arXiv:1603.08511v2`) or local names of letters,
digits and `-_.:+` (never a path such as `..`); two keys naming one paper are an error.
"""

from __future__ import annotations

import codecs
import contextlib
import copy
import dataclasses
import datetime as dt
import functools
import os
import re
import stat
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paperkit.errors import InvalidInputError, NotFoundError, PaperkitError, UsageError
from paperkit.files import atomic_write_text, locked
from paperkit.ids import is_arxiv_id, parse_arxiv_id
from paperkit.workspace import Workspace

STATUSES = ("to-read", "pass-1", "pass-2", "pass-3", "reviewed")
PAPERS = "papers"
# Field order inside a paper's table when paperkit writes it.
_FIELD_ORDER = (
    "title", "authors", "year", "version", "venue", "doi", "url", "categories", "tags", "status",
    "code", "reproduction", "pdf", "citekey", "added",
)
# A key that is not an arXiv id: a citation-key-like name, usable as a folder name as it is.
_LOCAL_KEY = re.compile(r"[^\W_][\w.:+-]{0,99}")
_LOCAL_KEY_RULE = "letters, digits and - _ . : + (at most 100, starting with a letter or digit)"
_CONFLICT = re.compile(r"(?m)^(?:<{7}|>{7}|\|{7})(?: |$)")
_TOML_ERROR_AT = re.compile(r"^(?P<reason>.*?) \(at line (?P<line>\d+), column (?P<col>\d+)\)$")


@dataclass(frozen=True)
class LibraryEntry:
    """One paper of the reading list (the `id` is the table key, not a field in the file)."""

    id: str
    version: int | None = None
    title: str = ""
    authors: tuple[str, ...] = ()
    year: int | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    status: str = "to-read"
    code: str | None = None  # URL of the authors' (or a well-known) implementation
    reproduction: str | None = None  # name of the reproduction plugin
    added: dt.date | None = None
    venue: str | None = None  # journal or proceedings
    doi: str | None = None
    url: str | None = None
    pdf: str | None = None  # path of a local PDF
    citekey: str | None = None  # the citation key to export under (an import keeps the user's)

    @property
    def primary_category(self) -> str | None:
        return self.categories[0] if self.categories else None


_EDITABLE = {f.name for f in dataclasses.fields(LibraryEntry)} - {"id"}


def normalise_id(text: str) -> str:
    """The library key for a paper: the base arXiv id when it is one, else the text as given."""
    text = text.strip()
    return parse_arxiv_id(text).base if is_arxiv_id(text) else text


def is_local_key(text: str) -> bool:
    """A name paperkit accepts as the key of a paper that is not on arXiv (never a path)."""
    return bool(_LOCAL_KEY.fullmatch(text))


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise UsageError(f"unknown status {status!r}", hint=f"use one of {', '.join(STATUSES)}")
    return status


def _path_of(workspace: Workspace | Path | str) -> Path:
    return workspace.library_path if isinstance(workspace, Workspace) else Path(workspace)


@dataclass(frozen=True)
class _Snapshot:
    """papers.toml as read: its text, whether it began with a byte-order mark, and its parsed data."""

    raw: bytes
    text: str
    bom: bool
    data: dict[str, Any]
    by_base: dict[str, str]  # normalised id -> key as written in the file
    entries: dict[str, LibraryEntry]  # key -> its checked entry


# The last file read in this process: `papers add` reads it before the network lookups and again
# under the lock; when the bytes are the same, the second read costs a comparison, not a parse.
_last_read: tuple[Path, _Snapshot] | None = None


class Library:
    """papers.toml in memory. Read with `Library.load`, change inside `with Library.edit(ws) as lib`.

    Papers change through `add`, `update` and `remove`; other sections (e.g. "seminar") through
    `document`, the tomlkit document of the whole file, built only when asked for.
    """

    def __init__(self, path: Path, snapshot: _Snapshot):
        self.path = path
        self._snapshot = snapshot
        self._papers_data: dict[str, dict[str, Any]] = snapshot.data.get(PAPERS, {})
        self._by_base = dict(snapshot.by_base)
        self._changed: dict[str, None] = {}  # keys touched, in order (a dict: an import touches thousands)
        self._entries = dict(snapshot.entries)
        self._document: Any = None

    # -- reading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, workspace: Workspace | Path | str) -> "Library":
        path = _path_of(workspace)
        return cls(path, _read(path))

    @classmethod
    @contextlib.contextmanager
    def edit(cls, workspace: Workspace | Path | str) -> Iterator["Library"]:
        """Lock papers.toml, re-read it, let the caller change it, and save it atomically if it changed.

        An exception inside the block leaves the file as it was.
        """
        path = _path_of(workspace)
        _check_writable(path)
        with contextlib.ExitStack() as stack:
            try:
                stack.enter_context(locked(path))
            except PermissionError:
                raise PaperkitError(
                    f"cannot lock {path}: the folder is read-only; paperkit has not changed anything",
                    hint="paperkit needs write access to the workspace folder (for papers.toml and its .lock file)",
                ) from None
            library = cls(path, _read(path))
            yield library
            library._save()

    @property
    def document(self) -> Any:
        """The whole file as a tomlkit document (slow on a large library; built on first use)."""
        if self._document is None:
            import tomlkit

            self._document = tomlkit.parse(self._snapshot.text)
        return self._document

    def entries(self) -> list[LibraryEntry]:
        """Every paper, in file order."""
        return [self._entry(key) for key in self._papers_data]

    def ids(self) -> list[str]:
        return [self._entry(key).id for key in self._papers_data]

    def get(self, paper_id: str) -> LibraryEntry | None:
        key = self._key(paper_id)
        return None if key is None else self._entry(key)

    def require(self, paper_id: str) -> LibraryEntry:
        entry = self.get(paper_id)
        if entry is None:
            raise NotFoundError(
                f"{paper_id} is not in {self.path.name}", hint=f"add it with `paperkit papers add {paper_id}`"
            )
        return entry

    def __contains__(self, paper_id: str) -> bool:
        return self._key(paper_id) is not None

    def __len__(self) -> int:
        return len(self._papers_data)

    def section(self, name: str) -> dict[str, Any]:
        """A top-level table (e.g. "seminar") as plain Python values; {} when absent."""
        if self._document is not None:
            value = self._document.get(name)
            value = value.unwrap() if hasattr(value, "unwrap") else value
        else:
            value = self._snapshot.data.get(name)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise InvalidInputError(f"{self.path}: `{name}` must be a table", hint=f"write it as [{name}]")
        return copy.deepcopy(value)  # the caller's to change; the snapshot stays as read

    # -- changing (inside `Library.edit`) ------------------------------------------------------

    def add(self, entry: LibraryEntry) -> LibraryEntry:
        key = normalise_id(entry.id)
        if not key:
            raise UsageError("a paper needs an id")
        if not is_arxiv_id(key) and not is_local_key(key):
            raise UsageError(f"{key!r} is neither an arXiv id nor a paper name", hint=f"a name is {_LOCAL_KEY_RULE}")
        if self._key(key) is not None:
            raise UsageError(f"{key} is already in {self.path.name}", hint="change it with `paperkit papers tag/status`")
        version = entry.version
        if version is None and is_arxiv_id(entry.id):
            version = parse_arxiv_id(entry.id).version
        entry = dataclasses.replace(entry, id=key, version=version)
        check_status(entry.status)
        fields: dict[str, Any] = {}
        for name in _FIELD_ORDER:
            value = getattr(entry, name)
            # A paper added offline has no title or authors yet: leave the keys out, not empty.
            if value is not None and value != "" and value != ():
                fields[name] = _plain(name, value)
        self._set(key, fields)
        self._by_base[key] = key
        return self.require(key)

    def update(self, paper_id: str, **fields: Any) -> LibraryEntry:
        """Change fields of one paper in place (None removes a field); other keys and comments stay."""
        key = self._key(paper_id)
        if key is None:
            self.require(paper_id)  # raises NotFoundError
        unknown = sorted(set(fields) - _EDITABLE)
        if unknown:
            raise UsageError(f"unknown library field {unknown[0]!r}", hint=f"fields are {', '.join(sorted(_EDITABLE))}")
        if fields.get("status") is not None:
            check_status(fields["status"])
        table = dict(self._papers_data[key])  # a copy: the snapshot stays as read
        for name, value in fields.items():
            if value is None:
                table.pop(name, None)
            else:
                table[name] = _plain(name, value)
        self._set(key, table)
        return self.require(key)

    def remove(self, paper_id: str) -> LibraryEntry:
        entry = self.require(paper_id)
        key = self._key(paper_id)
        self._set(key, None)
        self._by_base.pop(entry.id, None)
        return entry

    # -- internals -----------------------------------------------------------------------------

    def _set(self, key: str, fields: dict[str, Any] | None) -> None:
        if self._papers_data is self._snapshot.data.get(PAPERS):
            self._papers_data = dict(self._papers_data)
        if fields is None:
            self._papers_data.pop(key, None)
        else:
            self._papers_data[key] = fields
        self._entries.pop(key, None)
        self._changed[key] = None

    def _save(self) -> None:
        from paperkit.library import _tomledit

        old = self._snapshot.data.get(PAPERS, {})
        changed = [key for key in self._changed if old.get(key) != self._papers_data.get(key)]
        if self._document is None and not changed:
            return
        text = None
        if self._document is None:
            text = _tomledit.splice(
                self._snapshot.text, self._snapshot.data, PAPERS, old, self._papers_data, changed, _to_toml, _multiline
            )
        if text is None:  # a layout the splice leaves alone: tomlkit on the whole file

            text = self._whole_document(old, changed)
        if text == self._snapshot.text:
            return
        atomic_write_text(self.path, ("\ufeff" if self._snapshot.bom else "") + text)

    def _whole_document(self, old: dict[str, Any], changed: list[str]) -> str:
        import tomlkit
        import tomlkit.items

        from paperkit.library import _tomledit

        document = self.document
        papers = document.get(PAPERS)
        for key in changed:
            before, after = old.get(key), self._papers_data.get(key)
            if papers is None:
                papers = tomlkit.table(is_super_table=True)
                document.add(PAPERS, papers)
            if before is None and isinstance(papers, tomlkit.items.InlineTable):  # papers = { ... } in one line
                papers[key] = tomlkit.inline_table()
                papers[key].update({name: _to_toml(name, value) for name, value in after.items()})
            elif before is None:
                papers.add(key, _tomledit.new_table(after, _to_toml))
            elif after is None:
                del papers[key]
            else:
                _tomledit.apply_fields(papers[key], before, after, _to_toml)
        return document.as_string()

    def _key(self, paper_id: str) -> str | None:
        text = paper_id.strip()
        if text in self._papers_data:
            return text
        key = self._by_base.get(normalise_id(text))
        return key if key in self._papers_data else None

    def _entry(self, key: str) -> LibraryEntry:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _make_entry(self.path.name, key, self._papers_data[key])
        return entry


def _read(path: Path) -> _Snapshot:
    """papers.toml parsed and checked, or one line that says what is wrong with it."""
    global _last_read
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotFoundError(f"{path} does not exist", hint="run `paperkit init` to create a workspace") from None
    except IsADirectoryError:
        raise InvalidInputError(f"{path} is a folder, not the library file", hint="move it away, then run `paperkit init`") from None
    except PermissionError:
        raise InvalidInputError(f"{path} cannot be read (permission denied)", hint=f"chmod u+r {path.name}") from None
    if _last_read is not None and _last_read[0] == path and _last_read[1].raw == raw:
        return _last_read[1]
    bom = raw.startswith(codecs.BOM_UTF8)  # Windows editors add one; TOML forbids it, so strip and keep it
    try:
        text = raw[len(codecs.BOM_UTF8) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(f"{path} is not UTF-8 text (byte {exc.start})", hint="save it as UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        conflict = _CONFLICT.search(text)
        if conflict:
            line = text.count("\n", 0, conflict.start()) + 1
            raise InvalidInputError(
                f"{path}:{line}: unresolved git merge conflict ({conflict.group(0).strip()[:7]})",
                hint="keep the right lines, delete the conflict markers, then `git add` the file",
            ) from None
        found = _TOML_ERROR_AT.match(str(exc))
        where = f"{found['line']}:{found['col']}" if found else "1:1"
        reason = found["reason"] if found else str(exc)
        raise InvalidInputError(
            f"{path}:{where}: TOML syntax error: {reason}", hint="fix that line; paperkit has not changed the file"
        ) from None
    papers = data.get(PAPERS, {})
    if not isinstance(papers, dict):
        raise InvalidInputError(f"{path}: `{PAPERS}` must be a table of papers", hint='write [papers."<id>"] tables')
    by_base = _index(path.name, papers)
    # Every paper checked now, so a bad value is reported before any edit.
    entries = {key: _make_entry(path.name, key, table) for key, table in papers.items()}
    snapshot = _Snapshot(raw, text, bom, data, by_base, entries)
    _last_read = (path, snapshot)
    return snapshot


def _index(name: str, papers: dict[str, Any]) -> dict[str, str]:
    """Normalised id -> key; refuses keys that are no id or name, and two keys for one paper."""
    by_base: dict[str, str] = {}
    for key in papers:
        aid = _arxiv_key(key)
        if aid is not None:
            base = aid.base
        else:
            if not is_local_key(key):
                raise InvalidInputError(
                    f"{name}: [papers.{_quote(key)}] is neither an arXiv id nor a paper name",
                    hint=f"rename it: an arXiv id like 1603.08511, or a name of {_LOCAL_KEY_RULE}",
                ) from None
            base = key
        other = by_base.get(base)
        if other is not None:
            raise InvalidInputError(
                f"{name}: [papers.{_quote(other)}] and [papers.{_quote(key)}] are the same paper ({base})",
                hint="merge them into one table",
            )
        by_base[base] = key
    return by_base


@functools.lru_cache(maxsize=65536)
def _arxiv_key(key: str) -> Any:
    """The `ArxivId` a key spells, or None for a local name (cached: every load asks twice per key)."""
    try:
        return parse_arxiv_id(key)
    except UsageError:
        return None


def _make_entry(name: str, key: str, table: Any) -> LibraryEntry:
    where = f"{name}: [papers.{_quote(key)}]"
    if not isinstance(table, dict):
        raise InvalidInputError(f"{where} must be a table", hint=f"write it as [papers.{_quote(key)}]")
    version = table.get("version")
    aid = _arxiv_key(key)
    if version is None and aid is not None:
        version = aid.version
    status = table.get("status", "to-read")
    if status not in STATUSES:
        raise InvalidInputError(f"{where} status {status!r} is not one of {', '.join(STATUSES)}", hint="fix it in the file")
    return LibraryEntry(
        id=aid.base if aid is not None else key,
        version=_typed(where, "version", version, int),
        title=_typed(where, "title", table.get("title", ""), str),
        authors=_strings(where, "authors", table.get("authors", ())),
        year=_typed(where, "year", table.get("year"), int),
        categories=_strings(where, "categories", table.get("categories", ())),
        tags=_strings(where, "tags", table.get("tags", ())),
        status=status,
        code=_typed(where, "code", table.get("code"), str),
        reproduction=_typed(where, "reproduction", table.get("reproduction"), str),
        added=_date(where, table.get("added")),
        venue=_typed(where, "venue", table.get("venue"), str),
        doi=_typed(where, "doi", table.get("doi"), str),
        url=_typed(where, "url", table.get("url"), str),
        pdf=_typed(where, "pdf", table.get("pdf"), str),
        citekey=_typed(where, "citekey", table.get("citekey"), str),
    )


def _check_writable(path: Path) -> None:
    """A read-only or missing papers.toml is one line, before any work (os.replace would ignore the mode)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise NotFoundError(f"{path} does not exist", hint="run `paperkit init` to create a workspace") from None
    if stat.S_ISDIR(mode):
        raise InvalidInputError(f"{path} is a folder, not the library file", hint="move it away, then run `paperkit init`")
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise PaperkitError(f"{path} is read-only; paperkit has not changed it", hint=f"chmod u+w {path.name} to allow changes")


def _plain(name: str, value: Any) -> Any:
    """A field as tomllib would read it back (lists, dates), so edits compare with what was read."""
    if name in ("authors", "categories", "tags"):
        return [value] if isinstance(value, str) else list(value)
    if name == "added" and isinstance(value, dt.datetime):
        return value.date()
    return value


def _quote(key: str) -> str:
    return f'"{key}"'


def _typed(where: str, name: str, value: Any, kind: type) -> Any:
    if value is None:
        return None
    if (kind is int and isinstance(value, bool)) or not isinstance(value, kind):
        raise InvalidInputError(f"{where} {name} = {value!r} should be {'an integer' if kind is int else 'a string'}", hint="fix it in the file")
    return value


def _strings(where: str, name: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise InvalidInputError(f"{where} {name} should be a list of strings", hint="fix it in the file")
    return tuple(value)


def _date(where: str, value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value)
    raise InvalidInputError(f"{where} added = {value!r} should be a date like 2024-05-01", hint="fix it in the file")


def _multiline(name: str, value: Any) -> bool:
    """Long author lists get one name a line; other arrays stay on one line."""
    return name == "authors" and len(value) > 3


def _to_toml(name: str, value: Any) -> Any:
    import tomlkit

    if name in ("authors", "categories", "tags"):
        if isinstance(value, str):
            value = (value,)
        array = tomlkit.array()
        array.extend(list(value))
        array.multiline(_multiline(name, value))
        return array
    if name == "added" and isinstance(value, dt.datetime):
        return value.date()
    return value


def entry_from_metadata(metadata: Any, **fields: Any) -> LibraryEntry:
    """A library entry with the bibliographic facts of arXiv `Metadata` (abstract excluded on purpose)."""
    categories = list(metadata.categories)
    if metadata.primary_category:
        # The primary category leads, so `LibraryEntry.primary_category` stays right.
        categories = [metadata.primary_category] + [c for c in categories if c != metadata.primary_category]
    return LibraryEntry(
        id=metadata.arxiv_id,
        version=fields.pop("version", metadata.version),
        title=metadata.title,
        authors=tuple(metadata.authors),
        year=metadata.year,
        categories=tuple(categories),
        **fields,
    )

