"""Bibliography entries split into their fields, and in-text citations linked to them.

Works on text only (the parser hands over the lines of the references section and the paragraphs), so
it knows nothing of PDFs. Three citation styles are recognised, as printed:

- numbered: entries open with "[3]" or "3."; citations read "[3, 6]", "[2–5]";
- alpha: entries open with "[ZIS16]"; citations read "[ZIS16, Kin14]";
- author-year (natbib, APA, ACL, AAAI, Elsevier's Harvard): entries open with the authors; citations read
  "(Zhang et al., 2016; Kim, 2014)", "Zhang et al. (2016)", "Zhang and Kim [2016]", "(Luck, Chelazzi &
  Desimone, 1997)".

An entry's fields follow the usual order "Authors. Title. Venue, year." (or APA's "Authors (year).
Title. Venue.", or Vancouver's "Surname AB, Surname C. Title. Journal. 2008;32(3):72–86." as PLOS and
medical journals print it, or the APS's "A. Kitaev, J. Preskill, Phys. Rev. Lett. 96, 110404 (2006)."
without the title); a DOI, an arXiv id and a URL are taken wherever they are printed.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import replace

from paperkit.reading.paper import Citation, Reference
from paperkit.reading.patterns import cached, compile_later

NUMBER_LABEL = compile_later(r"^\s*\[(\d{1,3})\]\s*|^\s*(\d{1,3})\.\s+(?=\S)")
# A label as a scan's text layer reads it: "[lo]" is [10], "[I31" is [13] (the closing bracket read as 1).
SCANNED_LABEL = compile_later(r"^\s*(?:\[(?=[\dlIoO]*\d)([\dlIoO]{1,3})\]|\[([\dlIoO]{1,2})[1lI](?=\s))\s*|^\s*\[(l[lo]|[lI][lIoO])\]\s*")
_OCR_DIGITS = str.maketrans("lIoO", "1100")
# (accented initials, "[Číž08]", and no year where the entry has none, "[WYS+]")
# (a key whose "+" the text layer lost, "[S 93]", as ALPHA_LABEL reads it)
_ALPHA_KEY = r"[A-ZÀ-ÖØ-ÞĀ-ſ](?:[^\W\d_]|[+\-]){0,8}\s?\d{2}[a-z]?|(?!PDF\]|URL\]|DOI\]|HTML\])[A-Z]{2,6}\+?"
ALPHA_LABEL = compile_later(r"^\s*\[([A-ZÀ-ÖØ-ÞĀ-ſ](?:[^\W\d_]|[+\-]){0,8}\s?\d{2}[a-z]?|"
                         r"(?!PDF\]|URL\]|DOI\]|HTML\])[A-Z]{2,6}\+?)\]\s*")
# A key typed by hand, as a word processor's author writes one: "[H]", "[J105]", "[M311]" (the shapes
# ALPHA_LABEL knows are LaTeX's; an entry's label only, never what tells the list's style)
TYPED_LABEL = compile_later(r"^\s*\[([A-Z][A-Za-z]{0,5}\d{0,4}[a-z]?\+?)\]\s+")
# IJCAI's entries open with the citation itself: "[Rendle and Schmidt-Thieme, 2010] Steffen Rendle ...".
YEAR_LABEL = compile_later(r"^\s*\[([^\[\]]{2,80}?,?\s(?:19|20)\d{2}[a-z]?)\]\s*")
DOI = compile_later(r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/[^\s,;]+)", re.IGNORECASE)
BARE_DOI = compile_later(r"\b(10\.\d{4,9}/[^\s,;]+)")
# (DBLP's "CoRR, abs/1611.06440" too, and "ArXiv, abs/2503.03321", "arXiv e-prints, abs/1605.02688")
ARXIV = compile_later(r"(?:arxiv(?:\.org/abs/|:|\s+preprint\s+arxiv:|\s+)\s*|(?:CoRR|arxiv(?:\s+e-prints)?),?\s+abs/)((?:\d{4}\.\d{4,5})|(?:[a-z\-]+(?:\.[A-Z]{2})?/\d{7}))(v\d+)?",
                   re.IGNORECASE)
URL = compile_later(r"(?:URL\s+)?(https?://\S+)")
YEAR = compile_later(r"\b((?:19|20)\d{2})([a-z]?)\b")
_YEAR_LETTER = compile_later(r"\b(\d+)([a-z])\b")  # "2019b"
# "Okafor et al., 2019", "Okafor and Moreau, 2019a", "Okafor, 2019" inside parentheses, separated by ";".
# Three or more names list the first ones with commas: "Luck, Chelazzi, Hillyard & Desimone, 1997",
# "Fader, Zettlemoyer, and Etzioni 2014".
# (a particle inside a name, "van Gogh", is no "and": "CopyNet and Miao and Blunsom’s (2016)" cites Miao)
_NAME = r"[A-Z][\w'’\-]+(?:\s+(?:(?!and\s)[a-z]{1,3}\s+)?[A-Z][\w'’\-]+)*?"
# (and "Eyben, Scherer et al., 2015": et al. after more than one name)
_NAMES = rf"(?:{_NAME})(?:(?:,\s+{_NAME})*\s+et\s+al\.?|(?:,\s+{_NAME})*,?\s+(?:and|&)\s+{_NAME})?"
PAREN_CITE = compile_later(r"\(([^()]*?(?:19|20)\d{2}[a-z]?[^()]*?)\)")
CITE_PART = compile_later(rf"(?P<names>{_NAMES}),?\s+(?P<years>(?:(?:19|20)\d{{2}}[a-z]?(?:,\s*)?)+)")
# (a possessive too: "Webb et al.’s (2006)", "Duncan’s (1996)"; and a comma before the year, "Quirk et al., (2004)")
TEXT_CITE = compile_later(rf"(?P<names>{_NAMES})(?:[’']s)?,?\s+[(\[](?P<years>(?:19|20)\d{{2}}[a-z]?(?:,\s*(?:19|20)\d{{2}}[a-z]?)*)[)\]]")
# Any bracket whose parts are all keys of this paper's entries, typed keys too ("[ABL04, J105]");
# not an index or argument in math, "E[H]", "f(x)[H]"
BRACKETED = compile_later(r"(?<![\w\])])\[([^\[\]]{1,80})\]")
NUMBER_CITE = compile_later(r"\[(\d{1,3}(?:\s*[,–\-]\s*\d{1,3})*)\]")
ALPHA_CITE = compile_later(rf"\[((?:{_ALPHA_KEY})(?:\s*[,;]\s*(?:{_ALPHA_KEY}))*)\s?\]")  # (and "[HS93 ]")
# "[Liu et al., 2015; Zhang et al., 2014]": author-year citations in brackets (IJCAI)
# (not one around a parenthesized one, "[(Okafor, 2019)]", which PAREN_CITE takes)
BRACKET_CITE = compile_later(r"\[([^\[\]()]*?(?:19|20)\d{2}[a-z]?[^\[\]()]*?)\]")


def entry_style(entries: list[str]) -> str:
    """"numbered", "alpha" or "authoryear": how most entries open."""
    numbered = sum(1 for e in entries if NUMBER_LABEL.match(e))
    alpha = sum(1 for e in entries if ALPHA_LABEL.match(e))
    if numbered >= max(2, len(entries) // 2):
        return "numbered"
    if alpha >= max(2, len(entries) // 2):
        return "alpha"
    return "authoryear"


def _segments(text: str) -> list[str]:
    """Split an entry at full stops that end a part (not after an initial like "A." or "J.-P.")."""
    parts, start = [], 0
    for match in cached(r"[.?!]\s+(?=\S)").finditer(text):
        before = text[start:match.start()].split()
        last = before[-1] if before else ""
        # (nor after "et." of a misprinted "et. al.")
        if cached(r"(?:[A-Z]|[A-Z]\.-?[A-Z]|Jr|Sr|St|vs|pp|Vol|no|No|eds?|Proc|Conf|Int|Intl|et)").fullmatch(last.strip("({")):
            continue
        parts.append(text[start:match.end()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if any(ch.isalnum() for ch in p)]  # (not the stray "." of "et al. .")


QUOTED_TITLE = compile_later(r"^(?P<authors>[^“”\"]{2,400}?),?\s*[“\"](?P<title>[^“”\"]{3,400}?)[”\"]\s*,?\s*(?P<rest>.*)$")
_UPPER = "A-ZÀ-ÖØ-ÞŁŚŹŻŠŽČĆŃ"
_PARTICLE_WORDS = ("van", "von", "der", "den", "de", "le", "la", "da", "di", "du", "dos", "del", "ter", "el", "al")
_PARTICLE_TOKENS = ("van", "von", "der", "den", "de", "De", "Van", "Von", "Le", "La", "le", "la", "des", "da", "Da", "di",
                    "Di", "du", "Du", "dos", "Dos", "del", "Del", "Della", "El", "Ter", "ter", "St.")
_PARTICLES = rf"(?:(?:{'|'.join(map(re.escape, _PARTICLE_TOKENS))})\s+)*"
# (with combining accents; a lowercase prefix, "de"Gruyter, "mc"Donald, needs a capital after it,
# which the capital class right after it already asks: a lookahead for it, which would compile that
# class of letters beyond Latin-1 once more, a third of a millisecond each time, changes no match)
_SURNAME = rf"{_PARTICLES}(?:[a-z]’|[a-z]{{1,3}})?[{_UPPER}][\w\u0300-\u036f'’\-]+"
_SURNAME_FIRST = compile_later(
    rf"(?P<surname>{_SURNAME}),\s+"
    # given names: initials ("J.", "M.-W.", "C. d. M.") or words, perhaps with an initial after them
    # ("Linda B.", "Willard Van Orman", "A Steven")
    # or capitals without full stops
    # ("Prashanth, LA and ...", NIH's "Beck, DM.; Kastner, S."), and given names ending in initials
    # ("Quoc VV", "David G.T.")
    rf"(?P<given>[{_UPPER}]\.(?:\s?-?[A-Za-z{_UPPER}]\.)*|[{_UPPER}]{{1,3}}\.?(?=\s+(?:and|&)\s|[,;]\s|\.\s)|"
    rf"(?:[{_UPPER}]\s)?[{_UPPER}][a-zß-öø-ÿ][\w'’\-]*"
    rf"(?:\s[{_UPPER}][a-zß-öø-ÿ][\w'’\-]*)*"
    rf"(?:\s(?:[{_UPPER}]\.?-?){{1,3}})?)")
# (AAAI parts the names with semicolons: "Bahdanau, D.; Cho, K.; and Bengio, Y.")
# A later author's surname of two words, before initials: "..., and Venkatesh Babu, R." (Not the first
# author's: "Yacine Jernite, Samuel R. Bowman" is forenames first.)
_TWO_WORD_SURNAME_FIRST = compile_later(rf"(?P<surname>{_SURNAME}\s[{_UPPER}][\w'’\-]+),\s+(?P<given>[{_UPPER}]\.(?:\s?-?[{_UPPER}]\.)*)")
_NEXT_AUTHOR = compile_later(rf",?\s+(?:and|&)\s+|;\s+(?:and\s+)?|,\s+(?={_SURNAME}(?:\s[{_UPPER}][\w'’\-]+)?,\s)")
# Vancouver (PLOS, NIH, medical journals): "Klapuri AP, Davy M, Van Essen DC, et al. Title. Journal.
# 2008; 32(3):72–86." The initials follow the surname without full stops.
_VANCOUVER_NAME = rf"{_SURNAME}\s[{_UPPER}]{{1,3}}"
# (compiled on first use, through the store of compiled patterns: they are the costliest to compile)
_SURNAME_RE = compile_later(_SURNAME)
_VANCOUVER_NAME_RE = compile_later(_VANCOUVER_NAME)
_SURNAME_INITIAL = compile_later(rf"{_SURNAME}\s[{_UPPER}]")  # a surname and one initial, all a name holds
VANCOUVER = compile_later(rf"^(?P<authors>{_VANCOUVER_NAME}(?:,\s{_VANCOUVER_NAME})*(?:,?\s+et\s+al)?)(?:,\s+editors?)?\.\s+"
                       rf"(?P<rest>\S.*)$")
# Initials first, names parted by commas, then a comma (revtex's APS styles): "A. Kitaev, J. Preskill, ";
# also IEEE's books, the title set in italics without quotes: "A. Klapuri and M. Davy, Signal Processing ...".
# (an initial after the first may be read in lower case: "L.-F. m. c. Arsenault", revtex's \\c{c})
# (and a surname of two words: Elsevier's "S. Asgari Taghanaki, K. Abhishek, ...")
_APS_AUTHOR = rf"[{_UPPER}]\.(?:\s?-?[A-Za-z{_UPPER}]\.)*\s{_SURNAME}(?:\s[{_UPPER}][\w'’\-]+)?"
APS = compile_later(rf"^(?P<authors>{_APS_AUTHOR}(?:(?:,\s+(?:and\s+)?|\s+and\s+){_APS_AUTHOR})*(?:,?\s+et\s+al\.)?),\s+"
                 rf"(?!and\s|et\s+al|editors?\b|eds?\.|[{_UPPER}]\.[\s-]|{_APS_AUTHOR}[,.\s]|[{_UPPER}][a-z]+\s{_SURNAME}[,.]\s)"
                 rf"(?P<rest>[^\s,;].*)$")
# A piece of Springer's author list before its colon: a surname (of up to three words, perhaps with
# Vancouver's initials) or initials; not an IEEE book's "5th ed. London, U.K.: Chapman & Hall".
_HEAD_PIECE = compile_later(rf"\s*(?:{_SURNAME}(?:\s[{_UPPER}][\w'’\-]+){{0,2}}(?:\s[{_UPPER}]{{1,3}})?|(?:[{_UPPER}]\.?\s?-?)+|et\s+al\.)\s*")
# More authors after the names the pattern took (one it could not read: "Kai Li, and Li Fei-Fei."): no APS entry.
_MORE_AUTHORS = compile_later(r",\s+and\s+[A-Z]|\band\s+[A-Z]\.")
# A journal's name, then its volume and page or article number: "Phys. Rev. B 90, 155136 (2014)",
# "AIP Conference Proceedings 1297 (2010)", "arXiv:1412.6980 (2014)".
APS_JOURNAL = compile_later(r"^(?P<venue>(?:[A-Za-z][\w.&-]*\s)+?)\d+(?:[,:]\s*\S+)?(?:\s+EP)?\s*\(|^(?P<preprint>arXiv:)")
# A given name and one initial, the name running on after it, is no Vancouver author: "Diederik P. Kingma
# and Jimmy Ba.", "Fan R. K. Chung.", "Douglas H. Fisher."
# (nor ACL's "Erik F. Tjong Kim Sang and Fien De Meulder. 2003.": a surname of three words, names, the year;
# but Vancouver's "Gerhard D. Pitch Extraction and Fundamental Frequency: ..." is one author and a title)
_NAME_RUNS_ON = compile_later(rf"{_SURNAME}(?:\s?[,.]|\s+(?:and|&)\s)|[{_UPPER}]\.|"
                           rf"{_SURNAME}(?:\s[{_UPPER}][\w'’\-]+){{1,2}}\s+(?:and|&)\s[^.]{{2,60}}\.\s+(?:19|20)\d{{2}}[a-z]?\.")


_MONTHS = compile_later(r"\b(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?|\bAccessed\b")


# Cheap checks that an entry may open as the surname-first patterns need, before they are compiled
# (each takes a millisecond or two, and most bibliographies have no entry of their style): its
# first words are particles ("van", "de") and a surname, which is one word of letters.
# (_UPPER's letters, read off its ranges and letters: compiling the class to test letters with
# would cost every process a third of a millisecond for letters beyond Latin-1)
_UPPER_CHARS = frozenset(ch for part in cached(r"(.)-(.)|(.)").findall(_UPPER)
                         for ch in (map(chr, range(ord(part[0]), ord(part[1]) + 1)) if part[0] else part[2]))


def _surname_word(word: str) -> bool:
    """Whether `word` could be a surname as _SURNAME reads one (letters, digits, ' ’ - and accents)."""
    return bool(word) and all(ch.isalnum() or ch in "_'’-" or "\u0300" <= ch <= "\u036f" for ch in word)


def _opening_words(text: str) -> list[tuple[str, str]]:
    """(surname, next word) for each place a surname may stand at the start of `text`: the first
    word, and after each particle the particles open with, the next."""
    words = text.split(None, len(_PARTICLE_TOKENS))
    pairs = []
    for k, word in enumerate(words):
        pairs.append((word, words[k + 1] if k + 1 < len(words) else ""))
        if word not in _PARTICLE_TOKENS:
            break
    return pairs


def _may_open_vancouver(text: str) -> bool:
    """Whether VANCOUVER can match: a surname, then one to three capitals (the initials)."""
    return any(_surname_word(surname) and 0 < len(core := initials.rstrip(",.")) <= 3 and set(core) <= _UPPER_CHARS
               for surname, initials in _opening_words(text))


def _may_open_surname_first(text: str) -> bool:
    """Whether _SURNAME_FIRST can match at the start: a surname with a comma right after it."""
    return any(word.endswith(",") and _surname_word(word[:-1]) for word, _ in _opening_words(text))


def _surname_first(text: str) -> tuple[list[str], str]:
    """Authors written surname first ("Devlin, J., Chang, M.-W., and Toutanova, K. Title ...",
    "Smith, Linda B. and Xu, Fei. Title ...") → (["J. Devlin", ...], the text after them); ([], text)
    when the entry does not open so."""
    if not _may_open_surname_first(text):
        return [], text
    names: list[str] = []
    pos = 0
    while found := _SURNAME_FIRST.match(text, pos) or (names and _TWO_WORD_SURNAME_FIRST.match(text, pos)):
        given = cached(r"\b([A-Z]{2,3})\.$").sub(r"\1", found["given"])  # ("Quoc VV.", "DM.": the full stop is no initial's)
        names.append(f"{given} {found['surname']}")
        pos = found.end()
        more = _NEXT_AUTHOR.match(text, pos)
        if not more:
            break
        pos = more.end()
    else:
        return [], text  # a separator promised another author who is not there
    etal = cached(r",?\s+et\s+al\.?").match(text[pos:])
    pos += etal.end() if etal else 0
    after = text[pos:]
    if cached(r",\s*(?:19|20)\d{2}[a-z]?\.\s").match(after):
        return names, after[1:].strip()  # Elsevier's Harvard: "Aloui, Awatef, Neji, Mahmoud, 2010. Title."
    if not cached(r"\.?\s").match(after):
        return [], text
    return names, after.lstrip(".").strip()


def _initials_first(name: str) -> str:
    """"Van Essen DC" → "D. C. Van Essen", as the other styles print a name."""
    surname, initials = name.rsplit(" ", 1)
    return " ".join(f"{letter}." for letter in initials) + " " + surname


def _split_authors(text: str) -> list[str]:
    text = cached(r"\s+et\.?\s+al\.?$").sub("", text.strip().rstrip("."))
    text = cached(r",?\s+\(?(?:editors?|eds?)\.?\)?$", re.IGNORECASE).sub("", text)  # "Doucet, De Freitas, and Gordon, editors"
    pieces = [p.strip() for p in cached(r",\s*(?:and|&)\s+|\s+(?:and|&)\s+|,\s*").split(text) if p.strip()]
    names: list[str] = []
    # JSS and Vancouver, "Codd EF, Date CJ": initials after each surname (not "Rumelhart, David E, ...")
    vancouver = bool(pieces) and _may_open_vancouver(pieces[0]) and _VANCOUVER_NAME_RE.fullmatch(pieces[0]) is not None
    for piece in pieces:
        # "Okafor, A." as two pieces: the initials belong to the name before them, a surname of two
        # words too ("Van Gool, L."), not one that has its initials already.
        if names and cached(r"(?:[A-Z]\.?[\s-]*)+").fullmatch(piece) and len(names[-1].split()) <= 3 and \
                not cached(r"\b[A-Z]\.").search(names[-1]) and \
                (" " not in names[-1] or names[-1].istitle() or _SURNAME_RE.fullmatch(names[-1])):
            names[-1] = cached(r"\b([A-Z])\b(?!\.)").sub(r"\1.", piece) + " " + names[-1]
        elif vancouver and _VANCOUVER_NAME_RE.fullmatch(piece):
            names.append(_initials_first(piece))
        else:
            names.append(piece.rstrip("."))
    return [n for n in names if any(ch.isalpha() for ch in n)]


def parse_reference(text: str) -> Reference:
    """One bibliography entry's text → its fields (what cannot be read is None)."""
    label = None
    body = text
    found = NUMBER_LABEL.match(body) or ALPHA_LABEL.match(body) or YEAR_LABEL.match(body)
    if found:
        label = next(g for g in found.groups() if g)
        body = body[found.end():]
    elif scanned := SCANNED_LABEL.match(body):
        label = str(int(next(g for g in scanned.groups() if g).translate(_OCR_DIGITS)))
        body = body[scanned.end():]
    elif typed := TYPED_LABEL.match(body):
        label, body = typed[1], body[typed.end():]
    # A URL or DOI broken at a line end ("https://github.com/okafor/" / "retraining-code") is one token.
    # "http: //redis.io/", "http:/ /c4dm...", "http:// www..." as a text layer may space it; "http:www.music-ir.org"
    body = cached(r"\b(https?):\s*/\s*/\s*|\b(https?):(?=www\.)").sub(lambda m: f"{m[1] or m[2]}://", body)
    if "10. " in body:
        body = cached(r"\b(10\.)\s+(?=\d{4,9}/)").sub(r"\1", body)  # a DOI broken after "10.": "doi: 10. 1076/jnmr.31"
    # Not where the next word is natbib's "URL" or a URL after a DOI's closing full stop ("doi: 10.1023/A:10. URL
    # https://"). A URL may be broken twice.
    # A sentence's word after the full stop that closes a URL ("125/. Accessed") is not a piece of it.
    for _ in range(3 if "http" in body or "doi:" in body.lower() else 0):  # (most entries print no URL: no work)
        body = cached(r"((?:https?://|(?i:doi):\s*10\.)\S*(?:[/_\-%]|\.(?![ ]+[A-Z][a-z]+\b)))\s+(?!URL\s|https?:)"
                      r"(?=(?!\d+[,;]|[A-Za-z]+:\s)[\w/.\-~%#?=&:]+[,;]?(?:\s|$))").sub(r"\1", body)  # (not a label, "arXiv: ")
        # A space the text layer put inside a word of the URL: "cassandra.apache.o rg.", "Netflix/S imianArmy/wiki".
        body = cached(r"(https?://\S*[A-Za-z0-9])\s+(?=[A-Za-z][\w.\-~%#?=&:+]*(?:/[\w/.\-~%#?=&:+]*|\.)(?:\s|$))").sub(r"\1", body)
    doi = DOI.search(body) or BARE_DOI.search(body)
    arxiv = ARXIV.search(body)
    urls = [u.rstrip(".,;)") for u in URL.findall(body)]
    url = next((u for u in urls if "doi.org" not in u and "arxiv.org" not in u), None)
    rest = body
    for pattern in (DOI, URL):
        rest = pattern.sub(" ", rest)
    # (nor the "<" the URL was printed in, nor when it was last visited: "<http://...> (last accessed 2014)")
    if "<" in rest or "ccessed" in rest or "isited" in rest:
        rest = cached(r"<(?=\s)|\((?:last\s+)?(?:accessed|visited)[^()]*\)", re.IGNORECASE).sub(" ", rest)
    rest = cached(r"\s+").sub(" ", rest).strip()
    year = None
    authors: list[str] = []
    title = venue = None
    apa = cached(r"^(?P<authors>.+?)\s*\((?P<year>(?:18|19|20)\d{2})[a-z]?\)\.?\s*(?P<rest>.*)$").match(rest)  # (1885 too)
    colon = rest.find(": ")  # Springer's splncs: "Toneva, M., Bengio, Y.: Title. In: Venue (2019)"
    head = rest[:colon] if colon > 0 else ""
    if head and len(head) < 300 and cached(r"(?:\b[A-Z]\.|et al\.)$").search(head) and \
            all(_HEAD_PIECE.fullmatch(piece) for piece in cached(r",|\band\b|&").split(head) if piece.strip()):
        authors = _split_authors(head)
        segments = _segments(rest[colon + 2:])
        title = segments[0].rstrip(".") if segments else None
        tail = segments[1:]
    # (not a quoted word inside a title after the authors' full stop: 'T. Fawcett. In “vivo” spam filtering')
    elif (quoted := QUOTED_TITLE.match(rest)) and not cached(r"[A-Za-z]{2}\.\s+\S").search(cached(r"et\.?\s+al\.").sub("", quoted["authors"])):
        # IEEE: 'A. Okafor and L. Moreau, “Title,” in Venue, 2019.'
        authors = quoted["authors"]
        if printed := cached(r"\s*\(((?:19|20)\d{2})[a-z]?\)\.?$").search(authors):  # JSS: 'Heer J (2011). “Title.”'
            authors, year = authors[:printed.start()], int(printed.group(1))
        authors = _split_authors(authors)
        title = quoted["title"].strip().rstrip(",.")
        tail = [quoted["rest"]] if quoted["rest"].strip() else []
    elif _may_open_vancouver(rest) and (vancouver := VANCOUVER.match(rest)) and not (_SURNAME_INITIAL.fullmatch(vancouver["authors"]) and
                                                       _NAME_RUNS_ON.match(vancouver["rest"])):
        names = cached(r",?\s+et\s+al$").sub("", vancouver["authors"])
        authors = [_initials_first(name) for name in cached(r",\s+").split(names)]
        segments = _segments(vancouver["rest"])
        if segments and (royal := cached(r"((?:19|20)\d{2})[a-z]?\s+(\S.*)").match(segments[0])):
            year, segments[0] = int(royal.group(1)), royal.group(2)  # the Royal Society's "Zann RA. 1996 Title."
        title = segments[0].rstrip(".") if segments else None
        tail = segments[1:]
    # (a title's serial comma is no more authors: "Scene Analysis: Principles, Algorithms, and Applications")
    # (APS opens with an initial, "A."; the check spares compiling it, the costliest pattern here, where none does)
    elif rest[1:2] == "." and (aps := APS.match(rest)) and \
            (not _MORE_AUTHORS.search(first := aps["rest"].split(". ")[0]) or ": " in first):
        # Physics (revtex's APS styles): "A. Kitaev, J. Preskill, Phys. Rev. Lett. 96, 110404 (2006)." A
        # journal's article is cited without its title; a book or a paper in proceedings with it.
        authors = _split_authors(aps["authors"])
        journal = APS_JOURNAL.match(aps["rest"])
        if journal:
            venue = (journal["venue"] or "").strip() or None
            tail = []
        else:
            # (up to the full stop where the title holds a serial comma, "Principles, Algorithms, and Applications")
            # (at a parenthesis only where the publisher and year open: "Title (Springer, 2013)", not "(MCC) over")
            cut = (cached(r"\.\s") if cached(r",\s+and\s").search(first) else
                   cached(r",\s|\s\((?=[^()]*(?:19|20)\d{2}[^()]*\))|\.\s")).search(aps["rest"])
            title = aps["rest"][:cut.start()] if cut else aps["rest"].rstrip(".")
            tail = [aps["rest"][cut.end():]] if cut else []
    # (not where a year came before the one in parentheses, ACM's "Kulis. 2007. Title. Journal 29, 11 (2007), 1944–1957.")
    # (nor SIGCHI's "Pang, B., and Lee, L. Title. Venue 2, 1-2 (2008), 1–135.": there the title comes before it)
    elif apa and len(apa["authors"]) < 300 and not YEAR.search(apa["authors"]) and len(_segments(apa["authors"])) == 1:
        authors = _split_authors(apa["authors"])
        year = int(apa["year"])
        segments = _segments(apa["rest"])
        title = segments[0].rstrip(".") if segments else None
        tail = segments[1:]
    else:
        segments = _segments(rest)
        names, after = _surname_first(rest)
        if names:
            # natbib's plainnat/icml: "Okafor, A. and Moreau, L. Title. Venue, 2019."
            authors = names
            segments = _segments(after)
            if len(segments) >= 2 and (acm := cached(r"((?:19|20)\d{2})[a-z]?\.?").fullmatch(segments[0])):
                year, segments = int(acm.group(1)), segments[1:]  # ACM: "Surname, I. 2002. Title."
            title = segments[0].rstrip(".") if segments else None
            tail = segments[1:]
        elif len(segments) >= 3 and (acl := cached(r"((?:18|19|20)\d{2})[a-z]?\.?").fullmatch(segments[1])):
            # ACL and natbib's "acl" style: "Authors. 2019a. Title. Venue." (a year alone is one, 1897 too)
            authors = _split_authors(segments[0])
            year = int(acl.group(1))
            title = segments[2].rstrip(".")
            tail = segments[3:]
        elif len(segments) >= 2:
            # (or after a comma, Elsevier's Harvard with names first: "Christian Bird, 2004.")
            if ayear := cached(r"(?<=\b[A-Z]\.|[a-z]{2}),?\s+((?:19|20)\d{2})[a-z]?\.?$").search(segments[0]):
                # A year after the last author, which the segments do not part: AAAI's after an initial,
                # "Tjong Kim Sang, E. F., and Buchholz, S. 2000.", or with no full stop, "P. Resnik 2014."
                year, segments[0] = int(ayear.group(1)), segments[0][:ayear.start()]
            authors = _split_authors(segments[0])
            title = segments[1].rstrip(".")
            tail = segments[2:]
            if not cached(r"[^\W\d_]{3,}").search(_MONTHS.sub("", title)) and url and not cached(r"\b[A-Z]\.\s").search(segments[0]):
                # What follows the first part is only a date: a product or site named by its URL, "[6] InterMezzo.
                # http://www.inter-mezzo.org, 2003.", "Adobe Audition. http://adobe.com/audition, Apr. 2013."
                authors, title = [], segments[0].rstrip(".")
        else:
            title, tail = (segments[0].rstrip(".") if segments else None), []
    if tail:
        venue = _venue(" ".join(tail))
    # (an ISSN, "ISSN 1941-0042", is no year)
    years = [int(m.group(1)) for m in YEAR.finditer(cached(r"ISSN\s*\d{4}-\s?\d{3}[\dX]").sub(" ", ARXIV.sub(" ", rest)))]
    if year is None and years:
        year = years[-1]
    if title:
        # (not the year or volume after it: Springer's "Title (2009)" and "Title, 2003." without a venue,
        # "Title, volume 305", "Title, 4th edn")
        title = cached(r"\s*\((?:19|20)\d{2}[a-z]?\)$|,\s*(?:19|20)\d{2}[a-z]?$|,\s*(?:volume|vol\.)\s*\d+$|,\s*\d+(?:st|nd|rd|th)\s+edn?\.?$").sub("", title)
        title = title.strip(" “”\"',;")
    return Reference(text=text, label=label, authors=tuple(authors), title=title or None, year=year, venue=venue,
                     doi=_closed(doi.group(1).rstrip(".")) if doi else None,
                     arxiv=arxiv.group(1) if arxiv else None, url=url)


def _closed(doi: str) -> str:
    """A DOI without the parenthesis that closed it in the entry: "(doi:10.1111/brv.12160)"."""
    return doi[:-1] if doi.endswith(")") and doi.count(")") > doi.count("(") else doi


def parse_bibliography(entries: list[str]) -> list[Reference]:
    """Every entry's fields; an entry opening with a rule ("——, “Title,” ...": the same authors as the
    entry before, as IEEE and APA print them) takes the authors of the entry before it."""
    out: list[Reference] = []
    for text in entries:
        ref = parse_reference(text)
        body = NUMBER_LABEL.sub("", text, count=1) if NUMBER_LABEL.match(text) else ALPHA_LABEL.sub("", text, count=1)
        if out and cached(r"\s*[—–\-_]{2,}").match(body):
            ref = replace(ref, authors=out[-1].authors)
        out.append(ref)
    return out


def _venue(text: str) -> str | None:
    text = ARXIV.sub(lambda m: "CoRR," if m.group(0).startswith("CoRR") else " ", text)  # (DBLP's venue stays)
    text = cached(r"^\s*[Ii]n\s*:?\s+|^\s*\d+(?:st|nd|rd|th)\s+edn?\.\s*").sub("", text)  # (IEEE's "2nd ed. San Francisco")
    # Up to the year, volume or pages that follow the venue's name.
    # (APA's "Neural Networks, 1, 339–356", ACM's "Computer Graphics Forum 32, 2 (2013)": volume, then number or
    # pages; Elsevier's "Artif. Intell. Rev. 54 (1) (2021) 137–178")
    text = cached(r",?\s*(?:\(?(?:19|20)\d{2}[a-z]?\)?(?:[.,;]|$)|\((?:19|20)\d{2}\)\s|pp?\.\s|vol\.|volume\s|\d+\s?\(\d+\)|\d+:\d+|\bpages?\s|"
                  r"(?:(?<=[A-Za-z.]\s)|(?<=[A-Za-z.],\s))\d{1,4},\s*(?!(?:19|20)\d{2}\b)\d+(?:[–-]\s?\d+)?(?:[,.]|\s*\(|$))").split(text)[0]
    text = cached(r"^(?:preprint|arxiv preprint)\s*", re.IGNORECASE).sub("", text.strip(" .,;"))
    text = cached(r"\s*\([^()]*$").sub("", text)  # what the year was cut from: "(ICCV) (Oct 2017)"
    return text.strip(" .,;(") or None


@functools.lru_cache(maxsize=4096)  # (asked again for every author of every entry a citation may name)
def _surname(author: str) -> str:
    words = author.replace(",", " ").split()
    words = [w for w in words if not cached(r"(?:[A-Z]\.-?)+|Jr\.?|Sr\.?").fullmatch(w)]
    return _fold(words[-1]) if words else ""


@functools.lru_cache(maxsize=4096)
def _fold(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word.lower()) if ch.isalnum())


def link_citations(paragraphs: list[tuple[int, int, int, str]], entries: list[Reference]) -> list[Citation]:
    """Find the citations in `paragraphs` ((section index, paragraph index, page, text)) and link each
    to the bibliography entries it names (0-based indices into `entries`)."""
    if not entries:
        return []
    style = entry_style([e.text for e in entries])
    by_label = {e.label: i for i, e in enumerate(entries) if e.label}
    by_author_year: dict[tuple[str, str], list[int]] = {}
    letters: dict[tuple[str, int], int] = {}
    for i, e in enumerate(entries):
        if e.authors and e.year:
            key = (_surname(e.authors[0]), e.year)
            # "2019b" as the entry prints it: the first year with a letter that is this year (one
            # pattern for all years, not one compiled per year; a year with a letter stands alone
            # in its word, so none of these overlaps another)
            printed = next((m for m in _YEAR_LETTER.finditer(e.text) if m[1] == str(e.year)), None)
            suffix = printed[2] if printed else chr(ord("a") + letters.get(key, 0))  # else by list order
            letters[key] = letters.get(key, 0) + 1
            by_author_year.setdefault((key[0], str(e.year)), []).append(i)
            by_author_year.setdefault((key[0], f"{e.year}{suffix}"), []).append(i)
    out: list[Citation] = []
    # (the labels as cited, "S 93" as "S93": made once for the paper, not once a paragraph)
    keys = {cached(r"\s").sub("", label): i for label, i in by_label.items()} if style == "alpha" else {}
    for section, paragraph, page, text in paragraphs:
        found: list[tuple[int, str, list[int]]] = []
        if style == "numbered":
            for m in NUMBER_CITE.finditer(text):
                refs = _numbered_refs(m.group(1), entries, by_label)
                if refs:
                    found.append((m.start(), m.group(0), refs))
        elif style == "alpha":
            for m in ALPHA_CITE.finditer(text):
                refs = [keys[k] for k in (cached(r"\s").sub("", k) for k in cached(r"\s*[,;]\s*").split(m.group(1))) if k in keys]
                if refs:
                    found.append((m.start(), m.group(0), refs))
            taken = {start for start, _, _ in found}
            for m in BRACKETED.finditer(text):
                parts = [cached(r"\s").sub("", k) for k in cached(r"\s*[,;]\s*").split(m.group(1).strip())]
                if m.start() not in taken and all(k in keys for k in parts):
                    found.append((m.start(), m.group(0), [keys[k] for k in parts]))
        else:
            for m in itertools.chain(PAREN_CITE.finditer(text), BRACKET_CITE.finditer(text)):
                refs = []
                for part in m.group(1).split(";"):
                    # (an entry labelled with the citation itself: "Rendle, 2010" is not "Rendle and
                    # Schmidt-Thieme, 2010", though both have the first author and the year)
                    if (labelled := by_label.get(part.strip())) is not None:
                        refs.append(labelled)
                    elif cite := CITE_PART.search(part):
                        refs.extend(_author_year(cite["names"], cite["years"], by_author_year, entries))
                if refs:
                    found.append((m.start(), m.group(0), refs))
            surnames = {key[0] for key in by_author_year}
            for m in TEXT_CITE.finditer(text):
                refs = _author_year(m["names"], m["years"], by_author_year, entries)
                start, cited = m.start(), m.group(0)
                # A word the sentence put before the names ("Also, Koretz and Tabrikian (2011)") is no part.
                while refs and (lead := cached(r"([^,]+),\s+").match(cited)) and _fold(lead[1].split()[-1]) not in surnames and \
                        not cached(r"\bet\s+al\.?$").search(lead[1]):  # (not the names of "Quirk et al., (2004)")
                    start, cited = start + lead.end(), cited[lead.end():]
                while refs and (lead := cached(r"([A-Z]\w*)\s+(?=[A-Z])").match(cited)) and _fold(lead[1]) not in surnames and \
                        lead[1].lower() not in _PARTICLE_WORDS:
                    start, cited = start + lead.end(), cited[lead.end():]  # "In Fayek, Lech, and Cavedon (2016a)"
                if refs:
                    found.append((start, cited, refs))
        for _, cited, refs in sorted(found):
            out.append(Citation(text=cited, refs=tuple(dict.fromkeys(refs)), section=section, paragraph=paragraph,
                                page=page))
    return out


def link_raised_citations(calls: list[tuple[str, int, int, int]], entries: list[Reference]) -> list[Citation]:
    """Citations printed as raised numbers ("networks¹²", "²,³", "⁴⁻⁶"), given as (marks, page, section
    index, paragraph index), linked to a numbered bibliography; other styles have none."""
    if not entries or entry_style([e.text for e in entries]) != "numbered":
        return []
    out = []
    by_label = {e.label: i for i, e in enumerate(entries) if e.label}
    for marks, page, section, paragraph in calls:
        refs = _numbered_refs(marks, entries, by_label)
        if refs:
            out.append(Citation(text=marks, refs=tuple(dict.fromkeys(refs)), section=section, paragraph=paragraph,
                                page=page))
    return out


def _numbered_refs(numbers: str, entries: list[Reference], by_label: dict[str, int] | None = None) -> list[int]:
    """"3, 6" or "2–5" → the indices of the entries labelled so (or in those places when unlabelled).
    `by_label`: the entries' labels to indices, made once by a caller asking for many citations."""
    if by_label is None:
        by_label = {e.label: i for i, e in enumerate(entries) if e.label}
    refs = []
    for part in cached(r"\s*,\s*").split(numbers.strip()):
        bounds = [b for b in cached(r"\s*[–\-]\s*").split(part) if b]
        if not bounds or not all(b.isdigit() for b in bounds):
            continue
        lo, hi = int(bounds[0]), int(bounds[-1])
        for n in range(lo, min(hi, lo + 50) + 1):
            index = by_label.get(str(n), n - 1 if not by_label and n <= len(entries) else None)
            if index is not None:
                refs.append(index)
    return refs


def _author_year(names: str, years: str, index: dict[tuple[str, str], list[int]], entries: list[Reference]) -> list[int]:
    # The first author is the first of the names before "et al."/"and" that the list knows: a word
    # caught before it ("Previously, Koretz and Tabrikian (2011)", "(LSTM, Hochreiter & ...") is passed over.
    firsts = cached(r"\s+(?:et\s+al\b|and\b|&)").split(names.strip())[0].split(",")
    refs: list[int] = []
    for year in cached(r"(?:19|20)\d{2}[a-z]?").findall(years):
        for first in firsts:
            candidates = [cached(r"[’']s$").sub("", w) for w in first.split() if w[:1].isupper()]
            hits = None
            for size in range(len(candidates), 0, -1):  # "van der Berg": try the longest surname first
                surname = _fold("".join(candidates[-size:]))
                hits = index.get((surname, year)) or index.get((_fold(candidates[-1]), year))
                if hits:
                    break
            if hits:
                if len(hits) == 1:  # (one entry of the first author in that year: no names weighed)
                    refs.append(hits[0])
                    break
                # Two entries of the first author in that year: the one with the other names cited
                # ("Eyben, Scherer et al., 2015" is not "Eyben, Huber, ... 2015").
                others = {_fold(w) for w in cached(r"[A-Z][\w'’\-]+").findall(names)} - {_fold(w) for w in candidates}
                refs.append(max(hits, key=lambda i: len(others & {_surname(a) for a in entries[i].authors})))
                break
    return refs
