"""arXiv identifiers: parse what people paste, normalise it, reject what cannot exist.

Two schemes exist (https://info.arxiv.org/help/arxiv_identifier.html):

* new style, since April 2007: ``YYMM.NNNN`` until December 2014, ``YYMM.NNNNN`` from January
  2015, optionally followed by ``vN``;
* old style, August 1991 to March 2007: ``archive[.SC]/YYMMNNN`` (``hep-th/9901001``,
  ``math.GT/0309136v2``).

People paste them bare, with an ``arXiv:`` prefix, or as abs/pdf URLs; all normalise to an
`ArxivId` (base id + optional version).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from paperkit.errors import UsageError

# The archives that ever issued old-style identifiers; anything else before the slash is a typo.
OLD_ARCHIVES = frozenset(
    {
        "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", "bayes-an",
        "chao-dyn", "chem-ph", "cmp-lg", "comp-gas", "cond-mat", "cs", "dg-ga", "funct-an",
        "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math", "math-ph", "mtrl-th", "nlin",
        "nucl-ex", "nucl-th", "patt-sol", "physics", "plasm-ph", "q-alg", "q-bio", "quant-ph",
        "solv-int", "supr-con",
    }
)

_EXAMPLES = "expected e.g. 1603.08511, 2004.11362v3, hep-th/9901001 or https://arxiv.org/abs/1603.08511"

_URL = re.compile(
    r"^(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/(?P<rest>[^?#]+?)(?:\.pdf)?/?(?:[?#].*)?$",
    re.IGNORECASE,
)
_NEW = re.compile(r"^(?P<yy>\d{2})(?P<mm>\d{2})\.(?P<num>\d+)(?:v(?P<version>\d+))?$")
_OLD = re.compile(
    r"^(?P<archive>[A-Za-z-]+)(?:\.(?P<subject>[A-Za-z]{2}))?/(?P<yy>\d{2})(?P<mm>\d{2})(?P<num>\d{3})(?:v(?P<version>\d+))?$"
)


@dataclass(frozen=True)
class ArxivId:
    """A normalised arXiv identifier: `base` never carries a version; `version` is None for "latest"."""

    base: str
    version: int | None = None

    @property
    def versioned(self) -> str:
        return f"{self.base}v{self.version}" if self.version is not None else self.base

    @property
    def old_style(self) -> bool:
        return "/" in self.base

    @property
    def archive(self) -> str | None:
        """The archive of an old-style id with its subject class ("math.GT"), None for new style."""
        return self.base.split("/")[0] if self.old_style else None

    def without_version(self) -> "ArxivId":
        return ArxivId(self.base)

    @property
    def abs_url(self) -> str:
        return f"https://arxiv.org/abs/{self.versioned}"

    @property
    def pdf_url(self) -> str:
        return f"https://arxiv.org/pdf/{self.versioned}"

    def __str__(self) -> str:
        return self.versioned


def parse_arxiv_id(text: str) -> ArxivId:
    """Parse an id, an ``arXiv:`` id or an arxiv.org abs/pdf URL; raise `UsageError` with the reason."""
    raw = (text or "").strip()
    if not raw:
        raise UsageError("empty arXiv id", hint=_EXAMPLES)
    candidate = raw
    url = _URL.match(candidate)
    if url:
        candidate = url.group("rest")
    elif "://" in candidate or candidate.lower().startswith(("www.", "http")):
        raise _bad(raw, "not an arxiv.org abs or pdf URL")
    if candidate[:6].lower() == "arxiv:":
        candidate = candidate[6:].strip()
    if "/" in candidate:
        return _parse_old(raw, candidate)
    return _parse_new(raw, candidate)


def is_arxiv_id(text: str) -> bool:
    try:
        parse_arxiv_id(text)
    except UsageError:
        return False
    return True


def _bad(raw: str, reason: str) -> UsageError:
    return UsageError(f"{raw!r} is not an arXiv id: {reason}", hint=_EXAMPLES)


# arXiv papers seldom pass v20; a bound keeps a typo from becoming a number TOML cannot store.
MAX_VERSION = 999


def _version(raw: str, value: str | None) -> int | None:
    if value is None:
        return None
    if len(value) > len(str(MAX_VERSION)) or int(value) > MAX_VERSION:
        raise _bad(raw, f"version v{value} is out of range (v1 to v{MAX_VERSION})")
    version = int(value)
    if version == 0:
        raise _bad(raw, "versions start at v1, there is no v0")
    return version


def _check_month(raw: str, mm: str) -> None:
    if not 1 <= int(mm) <= 12:
        raise _bad(raw, f"month {mm} does not exist")


def _parse_new(raw: str, candidate: str) -> ArxivId:
    match = _NEW.match(candidate)
    if not match:
        raise _bad(raw, "does not look like YYMM.NNNNN[vN] or archive/YYMMNNN")
    yy, mm, num = match.group("yy", "mm", "num")
    _check_month(raw, mm)
    yymm = int(yy + mm)
    if yymm < 704:
        raise _bad(raw, f"new-style ids start in April 2007 (0704), {yy}{mm} is earlier; older papers look like hep-th/9901001")
    if yymm <= 1412 and len(num) != 4:
        raise _bad(raw, f"ids from {yy}{mm} (before 2015) have 4 digits after the dot, not {len(num)}")
    if yymm >= 1501 and len(num) != 5:
        raise _bad(raw, f"ids from {yy}{mm} (2015 on) have 5 digits after the dot, not {len(num)}")
    if int(num) == 0:
        raise _bad(raw, "paper numbers start at 1")
    return ArxivId(f"{yy}{mm}.{num}", _version(raw, match.group("version")))


def _parse_old(raw: str, candidate: str) -> ArxivId:
    match = _OLD.match(candidate)
    if not match:
        raise _bad(raw, "does not look like archive/YYMMNNN (e.g. hep-th/9901001) or YYMM.NNNNN")
    archive = match.group("archive").lower()
    if archive not in OLD_ARCHIVES:
        raise _bad(raw, f"{archive!r} is not an arXiv archive")
    yy, mm, num = match.group("yy", "mm", "num")
    _check_month(raw, mm)
    year = (1900 if int(yy) >= 91 else 2000) + int(yy)
    if (year, int(mm)) < (1991, 8) or (year, int(mm)) > (2007, 3):
        raise _bad(raw, f"old-style ids run from 9108 to 0703, {yy}{mm} is outside")
    if int(num) == 0:
        raise _bad(raw, "paper numbers start at 1")
    subject = match.group("subject")
    prefix = f"{archive}.{subject.upper()}" if subject else archive
    return ArxivId(f"{prefix}/{yy}{mm}{num}", _version(raw, match.group("version")))
