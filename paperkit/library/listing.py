"""Which papers `paperkit papers list` shows, and the plain-text table it shows them in.

Pure functions over `LibraryEntry`: no terminal, no click. A table for a terminal shortens
titles to its width; a table for a pipe (width None) cuts nothing, tags included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from paperkit.errors import UsageError
from paperkit.library.store import LibraryEntry, check_status

_YEARS = re.compile(r"^\s*(?P<low>\d{4})?\s*(?P<dash>-)?\s*(?P<high>\d{4})?\s*$")
_HEADER = ("id", "year", "status", "title", "tags")


@dataclass(frozen=True)
class Filter:
    words: tuple[str, ...] = ()  # casefolded; every word must occur somewhere in the entry
    tags: tuple[str, ...] = ()
    status: str | None = None
    low: int | None = None
    high: int | None = None

    @classmethod
    def build(
        cls, *, words: Iterable[str] = (), tags: Iterable[str] = (), status: str | None = None, years: str | None = None
    ) -> "Filter":
        low = high = None
        if years is not None:
            found = _YEARS.match(years)
            if not found or not (found["low"] or found["high"]) or (found["low"] and found["high"] and not found["dash"]):
                raise UsageError(f"--year {years!r} is not a year or a range", hint="write 2016, 2015-2018, 2015- or -2018")
            low = int(found["low"]) if found["low"] else None
            high = int(found["high"]) if found["high"] else None
            if not found["dash"]:
                high = low
            if low is not None and high is not None and low > high:
                raise UsageError(f"--year {years!r} runs backwards", hint=f"write {high}-{low}")
        if status is not None:
            check_status(status)
        words = tuple(w.casefold() for text in words for w in text.split())
        return cls(words, tuple(tags), status, low, high)

    def matches(self, entry: LibraryEntry) -> bool:
        if self.status is not None and entry.status != self.status:
            return False
        if self.tags and not all(t in entry.tags for t in self.tags):
            return False
        if self.low is not None or self.high is not None:
            if entry.year is None:
                return False
            if (self.low is not None and entry.year < self.low) or (self.high is not None and entry.year > self.high):
                return False
        if self.words:
            haystack = " ".join(
                (entry.id, entry.title, " ".join(entry.authors), entry.venue or "", " ".join(entry.tags), entry.citekey or "")
            ).casefold()
            return all(word in haystack for word in self.words)
        return True


def render_rows(entries: list[LibraryEntry], width: int | None = None) -> list[str]:
    """A header and one line per paper; with `width`, titles are shortened (with …) so lines fit."""
    rows = [(e.id, str(e.year or ""), e.status, e.title or "(title unknown)", ", ".join(e.tags)) for e in entries]
    id_w = max(len(_HEADER[0]), *(len(r[0]) for r in rows))
    status_w = max(len(_HEADER[2]), *(len(r[2]) for r in rows))
    title_w = max(len(r[3]) for r in rows)
    if width is not None:
        fixed = id_w + 2 + 4 + 2 + status_w + 2
        tags_w = max(len(r[4]) for r in rows)
        title_w = max(20, min(title_w, width - fixed - (tags_w + 2 if tags_w else 0)))
    else:
        title_w = min(title_w, 80)  # piped: titles are never cut, a long one just pushes its tags right

    def line(row: tuple[str, ...]) -> str:
        paper_id, year, status, title, tags = row
        if width is not None and len(title) > title_w:
            title = title[: title_w - 1] + "…"
        text = f"{paper_id:<{id_w}}  {year:>4}  {status:<{status_w}}  {title:<{title_w}}  {tags}"
        return text.rstrip()

    return [line(_HEADER), *(line(row) for row in rows)]
