"""The library file, papers.toml: the reading list (one table per paper) and other plans.

Layout::

    [papers."1603.08511"]          # the table key is the paper id (base arXiv id, or any name)
    title = "Colorful Image Colorization"
    authors = ["Richard Zhang", "Phillip Isola", "Alexei A. Efros"]
    year = 2016
    version = 5                    # the arXiv version you read; absent means "latest"
    categories = ["cs.CV"]         # the first one is the primary category
    tags = ["colorization"]
    status = "to-read"             # to-read, pass-1, pass-2, pass-3, reviewed
    code = "https://github.com/richzhang/colorization"
    reproduction = "colorization"  # a plugin under reproductions/
    added = 2024-05-01

The file belongs to the user: edits go through tomlkit, so comments, ordering and keys paperkit
does not know survive. `Library.edit` holds an inter-process lock for the whole
read-modify-write cycle and saves atomically, so two concurrent `paperkit papers add` both land.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import ParseError
from tomlkit.toml_document import TOMLDocument

from paperkit.errors import InvalidInputError, NotFoundError, UsageError
from paperkit.files import atomic_write_text, locked
from paperkit.ids import is_arxiv_id, parse_arxiv_id
from paperkit.workspace import Workspace

STATUSES = ("to-read", "pass-1", "pass-2", "pass-3", "reviewed")
PAPERS = "papers"
# Field order inside a paper's table when paperkit writes it.
_FIELD_ORDER = ("title", "authors", "year", "version", "categories", "tags", "status", "code", "reproduction", "added")


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

    @property
    def primary_category(self) -> str | None:
        return self.categories[0] if self.categories else None


_EDITABLE = {f.name for f in dataclasses.fields(LibraryEntry)} - {"id"}


def normalise_id(text: str) -> str:
    """The library key for a paper: the base arXiv id when it is one, else the text as given."""
    text = text.strip()
    return parse_arxiv_id(text).base if is_arxiv_id(text) else text


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise UsageError(f"unknown status {status!r}", hint=f"use one of {', '.join(STATUSES)}")
    return status


class Library:
    """papers.toml in memory. Read with `Library.load`, change inside `with Library.edit(ws) as lib`."""

    def __init__(self, path: Path, document: TOMLDocument):
        self.path = path
        self.document = document  # the tomlkit document; other sections (e.g. "seminar") may be edited in place

    # -- reading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, workspace: Workspace | Path) -> "Library":
        path = workspace.library_path if isinstance(workspace, Workspace) else Path(workspace)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise NotFoundError(f"{path} does not exist", hint="run `paperkit init` to create a workspace") from None
        except UnicodeDecodeError as exc:
            raise InvalidInputError(f"{path} is not UTF-8 text (byte {exc.start})", hint="save it as UTF-8") from None
        try:
            document = tomlkit.parse(text)
        except ParseError as exc:
            reason = str(exc).split(" at line ")[0]
            raise InvalidInputError(
                f"{path}:{exc.line}:{exc.col}: TOML syntax error: {reason}",
                hint="fix that line; paperkit has not changed the file",
            ) from None
        library = cls(path, document)
        library.entries()  # validate every paper now, so a bad value is reported before any edit
        return library

    @classmethod
    @contextlib.contextmanager
    def edit(cls, workspace: Workspace | Path) -> Iterator["Library"]:
        """Lock papers.toml, load it, let the caller change it, and save it atomically if it changed.

        An exception inside the block leaves the file as it was.
        """
        path = workspace.library_path if isinstance(workspace, Workspace) else Path(workspace)
        with locked(path):
            library = cls.load(path)
            before = library.document.as_string()
            yield library
            after = library.document.as_string()
            if after != before:
                atomic_write_text(path, after)

    def _papers(self) -> dict[str, Any]:
        papers = self.document.get(PAPERS)
        if papers is None:
            return {}
        if not isinstance(papers, dict):
            raise InvalidInputError(f"{self.path}: `{PAPERS}` must be a table of papers", hint='write [papers."<id>"] tables')
        return papers

    def entries(self) -> list[LibraryEntry]:
        """Every paper, in file order."""
        return [self._entry(key, table) for key, table in self._papers().items()]

    def ids(self) -> list[str]:
        return list(self._papers())

    def get(self, paper_id: str) -> LibraryEntry | None:
        key = self._key(paper_id)
        return None if key is None else self._entry(key, self._papers()[key])

    def require(self, paper_id: str) -> LibraryEntry:
        entry = self.get(paper_id)
        if entry is None:
            raise NotFoundError(
                f"{paper_id} is not in {self.path.name}", hint=f"add it with `paperkit papers add {paper_id}`"
            )
        return entry

    def __contains__(self, paper_id: str) -> bool:
        return self._key(paper_id) is not None

    def section(self, name: str) -> dict[str, Any]:
        """A top-level table (e.g. "seminar") as plain Python values; {} when absent."""
        value = self.document.get(name)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise InvalidInputError(f"{self.path}: `{name}` must be a table", hint=f"write it as [{name}]")
        return value.unwrap()

    # -- changing (inside `Library.edit`) ------------------------------------------------------

    def add(self, entry: LibraryEntry) -> LibraryEntry:
        key = normalise_id(entry.id)
        if not key:
            raise UsageError("a paper needs an id")
        if self._key(key) is not None:
            raise UsageError(f"{key} is already in {self.path.name}", hint="change it with `paperkit papers tag/status`")
        version = entry.version
        if version is None and is_arxiv_id(entry.id):
            version = parse_arxiv_id(entry.id).version
        entry = dataclasses.replace(entry, id=key, version=version)
        check_status(entry.status)
        papers = self.document.get(PAPERS)
        if papers is None:
            papers = tomlkit.table(is_super_table=True)
            self.document.add(PAPERS, papers)
        table = tomlkit.table()
        for name in _FIELD_ORDER:
            value = getattr(entry, name)
            # A paper added offline has no title or authors yet: leave the keys out, not empty.
            if value is not None and value != "" and value != ():
                table.add(name, _to_toml(name, value))
        papers.add(key, table)
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
        table = self._papers()[key]
        for name, value in fields.items():
            if value is None:
                table.pop(name, None)
            elif name in table:
                table[name] = _to_toml(name, value)
            else:
                table.add(name, _to_toml(name, value))
        return self.require(key)

    def remove(self, paper_id: str) -> LibraryEntry:
        entry = self.require(paper_id)
        del self._papers()[entry.id]
        return entry

    # -- internals -----------------------------------------------------------------------------

    def _key(self, paper_id: str) -> str | None:
        papers = self._papers()
        text = paper_id.strip()
        if text in papers:
            return text
        base = normalise_id(text)
        if base in papers:
            return base
        # Keys written by hand with a prefix or version ("arXiv:1603.08511v2") still match.
        for key in papers:
            if is_arxiv_id(key) and parse_arxiv_id(key).base == base:
                return key
        return None

    def _entry(self, key: str, table: Any) -> LibraryEntry:
        where = f"{self.path.name}: [papers.{_quote(key)}]"
        if not isinstance(table, dict):
            raise InvalidInputError(f"{where} must be a table", hint=f"write it as [papers.{_quote(key)}]")
        values = table.unwrap() if hasattr(table, "unwrap") else dict(table)
        version = values.get("version")
        if version is None and is_arxiv_id(key):
            version = parse_arxiv_id(key).version
        status = values.get("status", "to-read")
        if status not in STATUSES:
            raise InvalidInputError(f"{where} status {status!r} is not one of {', '.join(STATUSES)}", hint="fix it in the file")
        return LibraryEntry(
            id=normalise_id(key),
            version=_typed(where, "version", version, int),
            title=_typed(where, "title", values.get("title", ""), str),
            authors=_strings(where, "authors", values.get("authors", ())),
            year=_typed(where, "year", values.get("year"), int),
            categories=_strings(where, "categories", values.get("categories", ())),
            tags=_strings(where, "tags", values.get("tags", ())),
            status=status,
            code=_typed(where, "code", values.get("code"), str),
            reproduction=_typed(where, "reproduction", values.get("reproduction"), str),
            added=_date(where, values.get("added")),
        )


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


def _to_toml(name: str, value: Any) -> Any:
    if name in ("authors", "categories", "tags"):
        if isinstance(value, str):
            value = (value,)
        array = tomlkit.array()
        array.extend(list(value))
        if name == "authors" and len(value) > 3:
            array.multiline(True)
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

