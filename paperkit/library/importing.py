"""Bring a reference manager's library into papers.toml: BibTeX, biblatex and CSL-JSON.

Reads what Zotero (Better BibTeX and its CSL-JSON export), JabRef, Google Scholar and arXiv
write. BibTeX is parsed by bibtexparser 2; LaTeX accents and braces become Unicode through
pylatexenc (only for values that hold LaTeX: it costs about 0.3 ms a value, plain text is
taken as it is). An entry with an arXiv id (eprint with archivePrefix/eprinttype arXiv, an
arxiv.org URL, a 10.48550/arXiv DOI, or "arXiv:ID" in journal or note) becomes an arXiv paper;
any other is a local paper keyed by its citation key.

Duplicates are merged, never doubled: a record is the same paper as an entry already in the
library, or earlier in the file, when it has the same arXiv id (any spelling), the same DOI,
or the same normalised title and year. Merging fills in only what the entry lacks and adds
tags; it never overwrites what the user wrote, so importing a file twice changes nothing.

The file is read and checked before papers.toml is touched (a syntax error writes nothing);
the merge runs inside `Library.edit`, which re-reads papers.toml under its lock, so a paper
another process added meanwhile is kept.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from paperkit.errors import InvalidInputError, NotFoundError, UsageError
from paperkit.ids import ArxivId, parse_arxiv_id
from paperkit.library.store import Library, LibraryEntry, check_status, is_local_key
from paperkit.workspace import Workspace

_LATEX_MARKS = re.compile(r"[\\~$]|--")
_ARXIV_IN_TEXT = re.compile(r"arxiv[:\s]\s*([\w./-]+)", re.IGNORECASE)
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/([\w./-]+?)(?:\.pdf)?/?$", re.IGNORECASE)
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[5-9]\d\d|2\d\d\d)\b")
_SPACES = re.compile(r"\s+")
_NOT_KEY = re.compile(r"[^\w.:+-]+")
_NON_WORD = re.compile(r"[\W_]+")
_COMBINING_MARKS = re.compile(r"[\u0300-\u036f]")
_UNESCAPED_SEMICOLON = re.compile(r"(?<!\\);")
_UNESCAPED_COLON = re.compile(r"(?<!\\):")
# Venues that only say "this is a preprint" (Google Scholar writes them for arXiv papers).
_PREPRINT_VENUE = re.compile(r"^(arxiv|corr)\b|^arxiv preprint", re.IGNORECASE)


@dataclass(frozen=True)
class Record:
    """One reference as read from the file, before it meets the library."""

    where: str  # "refs.bib:12" or "refs.json item 3", for messages
    citekey: str
    title: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    venue: str | None = None
    doi: str | None = None
    url: str | None = None
    pdf: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    arxiv: ArxivId | None = None


@dataclass
class ImportReport:
    """What an import did; each list holds (where, message) pairs for the command to print."""

    source: str
    added: list[tuple[str, str]] = field(default_factory=list)
    merged: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def summary(self, library_name: str) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.merged)} merged", f"{len(self.skipped)} skipped"]
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} already in {library_name} with nothing new")
        return f"imported {self.source}: " + ", ".join(parts)


# -- reading --------------------------------------------------------------------------------------


def read_records(path: Path) -> tuple[list[Record], list[tuple[str, str]]]:
    """The usable records of a .bib or CSL-JSON file, and the (where, reason) of those left out.

    A file that cannot be parsed raises `InvalidInputError` naming the line.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotFoundError(f"{path} does not exist", hint="give the path of a .bib or CSL-JSON file") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder", hint="give the path of a .bib or CSL-JSON file") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InvalidInputError(f"{path}:{line}: not UTF-8 text", hint="export the file as UTF-8 and import it again") from None
    if path.suffix.lower() == ".json" or text.lstrip()[:1] in ("[", "{"):
        return _read_csl_json(path, text)
    return _read_bibtex(path, text)


def _read_bibtex(path: Path, text: str) -> tuple[list[Record], list[tuple[str, str]]]:
    import bibtexparser
    from bibtexparser import model

    # bibtexparser logs each failed block itself; the failure is reported below as one line.
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    library = bibtexparser.parse_string(text)
    entries: list[Any] = []
    skipped: list[tuple[str, str]] = []
    for block in library.blocks:
        if isinstance(block, model.Entry):
            entries.append(block)
        elif isinstance(block, model.DuplicateBlockKeyBlock):
            entries.append(block.ignore_error_block)  # a key used twice: its content decides if it is a duplicate
        elif isinstance(block, model.DuplicateFieldKeyBlock):
            where = f"{path.name}:{block.start_line + 1}"
            skipped.append((where, f"{_head(block.raw)}: a field is given twice; keep one and import again"))
        elif isinstance(block, model.ParsingFailedBlock):
            reason = getattr(block.error, "abort_reason", None) or "cannot be parsed"
            raise InvalidInputError(
                f"{path}:{block.start_line + 1}: BibTeX syntax error in {_head(block.raw)}: {reason.strip()}",
                hint="fix that entry; nothing was imported",
            )
    records = []
    for entry in entries:
        where = f"{path.name}:{entry.start_line + 1}"
        values = {name.lower(): f.value for name, f in entry.fields_dict.items()}
        record = _bibtex_record(where, entry.key, values, path.parent)
        if isinstance(record, str):
            skipped.append((where, f"@{entry.entry_type}{{{entry.key}}}: {record}"))
        else:
            records.append(record)
    return records, skipped


def _head(raw: str) -> str:
    return raw.split(",", 1)[0].split("\n", 1)[0].strip()


def _bibtex_record(where: str, key: str, values: dict[str, Any], folder: Path) -> Record | str:
    values = {name: value for name, value in values.items() if isinstance(value, str)}
    title = latex_to_text(values.get("title", ""))
    if not title:
        return "no title"
    prefix = values.get("archiveprefix", values.get("eprinttype", "")).strip().lower()
    eprint = values.get("eprint", "")
    candidates = []
    if eprint and prefix in ("arxiv", ""):
        candidates.append(eprint)
    candidates += _arxiv_candidates(values.get("doi"), values.get("url"), values.get("journal"), values.get("note"), values.get("howpublished"))
    venue = next((values[n] for n in ("journal", "journaltitle", "booktitle") if values.get(n)), None)
    categories = values.get("primaryclass") or values.get("eprintclass")
    tags = [t for name in ("keywords", "groups", "mendeley-tags") for t in re.split(r"[,;]", values.get(name, ""))]
    return _record(
        where,
        citekey=key,
        title=title,
        authors=tuple(bibtex_names(values.get("author", ""))),
        year=_year(values.get("year") or values.get("date")),
        venue=latex_to_text(venue) if venue else None,
        doi=_doi(values.get("doi")),
        url=values.get("url", "").strip() or None,
        pdf=_pdf_from_file_field(values.get("file", ""), folder),
        tags=tuple(latex_to_text(t) for t in tags),
        categories=(categories.strip(),) if categories and categories.strip() else (),
        candidates=candidates,
    )


def _read_csl_json(path: Path, text: str) -> tuple[list[Record], list[tuple[str, str]]]:
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInputError(f"{path}:{exc.lineno}: JSON syntax error: {exc.msg}", hint="fix that line; nothing was imported") from None
    if isinstance(items, dict) and isinstance(items.get("items"), list):
        items = items["items"]
    if not isinstance(items, list):
        raise InvalidInputError(f"{path} is not a CSL-JSON list of references", hint="export CSL JSON from Zotero or another manager")
    records, skipped = [], []
    for number, item in enumerate(items, 1):
        where = f"{path.name} item {number}"
        if not isinstance(item, dict):
            skipped.append((where, "not a reference (a JSON object is expected)"))
            continue
        title = _SPACES.sub(" ", str(item.get("title") or "")).strip()
        key = str(item.get("citation-key") or item.get("id") or "")
        if not title:
            skipped.append((where, f"{key or 'a reference'}: no title"))
            continue
        issued = item.get("issued") or {}
        year = None
        if isinstance(issued, dict):
            parts = issued.get("date-parts") or [[]]
            if parts and parts[0] and str(parts[0][0]).isdigit():
                year = int(parts[0][0])
            else:
                year = _year(str(issued.get("raw") or issued.get("literal") or ""))
        keywords = item.get("keyword") or ""
        tags = re.split(r"[,;]", keywords) if isinstance(keywords, str) else [str(k) for k in keywords]
        records.append(
            _record(
                where,
                citekey=key,
                title=title,
                authors=tuple(_csl_name(person) for person in item.get("author") or () if _csl_name(person)),
                year=year,
                venue=str(item.get("container-title") or "") or None,
                doi=_doi(item.get("DOI")),
                url=str(item.get("URL") or "").strip() or None,
                tags=tuple(tags),
                candidates=_arxiv_candidates(item.get("DOI"), item.get("URL"), item.get("number"), item.get("container-title"), item.get("note")),
            )
        )
    return records, skipped


def _csl_name(person: Any) -> str:
    if not isinstance(person, dict):
        return ""
    if person.get("literal"):
        return str(person["literal"]).strip()
    parts = [person.get("given"), person.get("non-dropping-particle"), person.get("family"), person.get("suffix")]
    return " ".join(str(p).strip() for p in parts if p)


def _record(where: str, *, candidates: list[Any], venue: str | None, tags: tuple[str, ...], **values: Any) -> Record:
    arxiv = None
    for text in candidates:
        arxiv = _arxiv(text)
        if arxiv is not None:
            break
    if venue and _PREPRINT_VENUE.search(venue):
        venue = None
    tags = tuple(dict.fromkeys(t for t in (_SPACES.sub(" ", t).strip() for t in tags) if t))
    return Record(where, arxiv=arxiv, venue=venue, tags=tags, **values)


def _arxiv_candidates(*texts: Any) -> list[str]:
    out = []
    for text in texts:
        if not isinstance(text, str) or not text.strip():
            continue
        text = text.strip()
        for pattern in (_ARXIV_DOI, _ARXIV_URL, _ARXIV_IN_TEXT):
            out += [found.group(1) for found in pattern.finditer(text)]  # "arXiv preprint arXiv:1603.08511"
    return out


def _arxiv(text: str) -> ArxivId | None:
    try:
        return parse_arxiv_id(text.strip().rstrip(".,;"))
    except UsageError:
        return None


def _doi(text: Any) -> str | None:
    """The DOI without a resolver prefix; None for arXiv's own DOIs (the arXiv id says it all)."""
    if not isinstance(text, str):
        return None
    doi = _DOI_PREFIX.sub("", text.strip())
    return doi if doi and not _ARXIV_DOI.match(doi) else None


def _year(text: Any) -> int | None:
    found = _YEAR.search(text) if isinstance(text, str) else None
    return int(found.group(1)) if found else None


def _pdf_from_file_field(value: str, folder: Path) -> str | None:
    """The first PDF of a Zotero/JabRef/Mendeley `file` field, relative paths taken from the .bib's folder.

    Forms: ``/abs/a.pdf;/abs/b.html`` (Better BibTeX), ``Description:path:mime`` items joined by
    ``;`` (Zotero, JabRef, with ``\\:`` for a colon inside a path, as Mendeley writes ``C\\:/x.pdf``).
    """
    for item in _UNESCAPED_SEMICOLON.split(value):
        item = item.strip()
        if not item:
            continue
        parts = _UNESCAPED_COLON.split(item)
        path = parts[1] if len(parts) == 3 else item
        kind = parts[2].lower() if len(parts) == 3 else ""
        path = path.replace("\\:", ":").replace("\\;", ";").strip()
        if path.lower().endswith(".pdf") or "pdf" in kind:
            return path if Path(path).is_absolute() or re.match(r"^[A-Za-z]:[/\\]", path) else str(folder / path)
    return None


# -- LaTeX to Unicode ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _converter() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="verbatim")


# The accents and letters BibTeX exports are full of, for a fast path: pylatexenc takes about
# 0.35 ms a value, so a library whose every fifth entry has an accent spent seconds in it.
_COMBINING = {
    '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307",
    "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328", "r": "\u030a",
}
_LETTERS = {"o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "ss": "ß", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ"}
_SYMBOL_ACCENT = re.compile(r"""\\(["'`^~=.])\s*(?:\{\s*(\\[ij]|[A-Za-z])\s*\}|(\\[ij]|[A-Za-z]))""")
_LETTER_ACCENT = re.compile(r"\\([cvuHkr])(?:\s*\{\s*(\\[ij]|[A-Za-z])\s*\}|\s+([A-Za-z]))")
_LETTER = re.compile(r"\\(ae|AE|oe|OE|aa|AA|ss|o|O|l|L|i|j)(?![A-Za-z])(?:\{\}|\s+)?")
_ESCAPED = re.compile(r"\\([&%$#_])")


def _accented(match: re.Match) -> str:
    letter = match.group(2) or match.group(3)
    base = {"\\i": "i", "\\j": "j"}.get(letter, letter)
    return unicodedata.normalize("NFC", base + _COMBINING[match.group(1)])


def _fast_latex(value: str) -> str | None:
    """`value` with common accents, letters and escapes resolved; None if other LaTeX remains."""
    if "$" in value or "\\{" in value or "\\}" in value:
        return None
    text = _SYMBOL_ACCENT.sub(_accented, value)
    text = _LETTER_ACCENT.sub(_accented, text)
    text = _LETTER.sub(lambda m: _LETTERS[m.group(1)], text)
    text = _ESCAPED.sub(r"\1", text)
    if "\\" in text:
        return None
    return text.replace("{", "").replace("}", "").replace("---", "\u2014").replace("--", "\u2013").replace("~", " ")


def latex_to_text(value: str) -> str:
    """A BibTeX value as plain Unicode: accents resolved, braces dropped, $math$ kept, spaces collapsed.

    Common accents take a fast path; anything else (other macros, math) goes through pylatexenc.
    """
    if _LATEX_MARKS.search(value):
        fast = _fast_latex(value)
        value = fast if fast is not None else _converter().latex_to_text(value)
    else:
        value = value.replace("{", "").replace("}", "")
    return _SPACES.sub(" ", value.replace("\xa0", " ")).strip()


def bibtex_names(value: str) -> list[str]:
    """"Zhang, Richard and Isola, Phillip" -> ["Richard Zhang", "Phillip Isola"] (von and Jr. kept)."""
    from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts, split_multiple_persons_names

    names = []
    for name in split_multiple_persons_names(value):
        try:
            merged = parse_single_name_into_parts(name, strict=False).merge_first_name_first
        except InvalidNameError:
            merged = name
        text = latex_to_text(merged)
        if text and text.lower() != "others":
            names.append(text)
    return names


# -- merging into the library ----------------------------------------------------------------------


def normalised_title(title: str) -> str:
    """Case, accents, punctuation and spacing ignored: "Dropout: a Simple Way" == "dropout a simple way"."""
    text = _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", title).casefold())
    return " ".join(part for part in _NON_WORD.split(text) if part)


def normalised_doi(doi: str | None) -> str | None:
    return doi.strip().lower() if doi else None


class _Index:
    """Find the entry a record duplicates: by arXiv id, then DOI, then title and year."""

    def __init__(self, library: Library):
        self.library = library
        self.doi: dict[str, str] = {}
        self.title: dict[tuple[str, int | None], str] = {}
        self.names: set[str] = set()
        self.first_seen: dict[str, str] = {}  # entry id -> where the record that added it was
        for entry in library.entries():
            self.remember(entry)

    def remember(self, entry: LibraryEntry, where: str | None = None) -> None:
        if entry.doi:
            self.doi.setdefault(normalised_doi(entry.doi), entry.id)
        if entry.title:
            self.title.setdefault((normalised_title(entry.title), entry.year), entry.id)
        self.names.add(entry.id.casefold())
        if where is not None:
            self.first_seen[entry.id] = where

    def match(self, record: Record) -> tuple[LibraryEntry, str] | None:
        if record.arxiv is not None:
            entry = self.library.get(record.arxiv.base)
            if entry is not None:
                return entry, "same arXiv id"
        doi = normalised_doi(record.doi)
        if doi and doi in self.doi:
            return self.library.require(self.doi[doi]), "same DOI"
        key = self.title.get((normalised_title(record.title), record.year))
        if key is not None:
            return self.library.require(key), "same title and year"
        return None

    def free_name(self, citekey: str, record: Record) -> str:
        """A local key from the citation key: made safe, and told apart (b, c, ...) from keys in use."""
        base = "" if "://" in citekey else _NOT_KEY.sub("-", citekey).strip("-._:+")[:90]  # not a Zotero item URI
        if not base or not is_local_key(base):
            from paperkit.library.bibtex import cite_key

            base = cite_key(LibraryEntry(id="ref", title=record.title, authors=record.authors, year=record.year))
            base = _NOT_KEY.sub("-", base).strip("-._:+") or "ref"
        name, suffix = base, ord("b")
        while name.casefold() in self.names or self.library.get(name) is not None:
            name = f"{base}{chr(suffix)}" if suffix <= ord("z") else f"{base}-{suffix - ord('z') + 1}"
            suffix += 1
        return name


def _new_entry(record: Record, key: str, tags: tuple[str, ...], status: str, today: dt.date) -> LibraryEntry:
    return LibraryEntry(
        id=key,
        version=record.arxiv.version if record.arxiv else None,
        title=record.title,
        authors=record.authors,
        year=record.year,
        categories=record.categories,
        tags=tuple(dict.fromkeys(record.tags + tags)),
        status=status,
        added=today,
        venue=record.venue,
        doi=record.doi,
        url=record.url,
        pdf=record.pdf,
        citekey=record.citekey if record.citekey and record.citekey != key else None,  # the user's key, for BibTeX
    )


def _fill_in(entry: LibraryEntry, record: Record, tags: tuple[str, ...]) -> dict[str, Any]:
    """The fields an existing entry lacks and the record has, plus new tags; never an overwrite."""
    changes: dict[str, Any] = {}
    for name in ("title", "authors", "year", "venue", "doi", "url", "pdf", "categories"):
        if not getattr(entry, name) and getattr(record, name):
            changes[name] = getattr(record, name)
    if entry.version is None and record.arxiv is not None and record.arxiv.version is not None:
        changes["version"] = record.arxiv.version
    if not entry.citekey and record.citekey and record.citekey != entry.id and record.arxiv is not None:
        changes["citekey"] = record.citekey
    merged_tags = tuple(dict.fromkeys(entry.tags + record.tags + tags))
    if merged_tags != entry.tags:
        changes["tags"] = list(merged_tags)
    return changes


def import_file(
    workspace: Workspace | Path, path: str | Path, *, tags: tuple[str, ...] = (), status: str = "to-read"
) -> ImportReport:
    """Import the references of `path` into the workspace's papers.toml; see the module docstring."""
    check_status(status)
    path = Path(path)
    records, skipped = read_records(path)  # parsed before the lock: a bad file writes nothing
    if not records and not skipped:
        raise InvalidInputError(f"{path} holds no references", hint="export BibTeX, biblatex or CSL JSON and import that file")
    report = ImportReport(path.name, skipped=skipped)
    today = dt.date.today()
    with Library.edit(workspace) as lib:
        index = _Index(lib)
        for record in records:
            found = index.match(record)
            if found is None:
                key = record.arxiv.base if record.arxiv is not None else index.free_name(record.citekey, record)
                entry = lib.add(_new_entry(record, key, tags, status, today))
                index.remember(entry, record.where)
                report.added.append((record.where, entry.id))
                continue
            entry, reason = found
            changes = _fill_in(entry, record, tags)
            if changes:
                entry = lib.update(entry.id, **changes)
                index.remember(entry)
            earlier = index.first_seen.get(entry.id)
            if changes or earlier is not None:
                because = f"{reason} as {earlier}" if earlier else reason
                report.merged.append((record.where, f"{record.citekey or 'record'} merged into {entry.id} ({because})"))
            else:
                report.unchanged.append((record.where, entry.id))
    return report
