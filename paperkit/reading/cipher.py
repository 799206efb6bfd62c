"""Reading text whose font names none of its glyphs: the font's codes solved as a letter cipher.

A page printed anew (cairo's `pdftocairo -pdf`, a browser's print to PDF) from a paper whose fonts
carried no map to Unicode and no glyph names (a word processor's TrueType subsets, 3B2's Type 1
fonts, dvips' bitmap fonts: the original was read by its character codes) re-embeds each font as a
subset numbered in the order its glyphs are first drawn, with a map that names every glyph U+FFFD.
Nothing in the file names a letter any more; the text is a simple substitution of the paper's own
words. With the paper's thousands of words the substitution is solved as a cryptogram is: the
codes of a font are given the letters whose pairs read most like English (the pairs of the word
list behind `lexicon`, weighted by each word's count), then each letter is swapped while more of
the font's words come out as listed words; a code seen only at a word's start, the word's rest
lower case, is a capital; one seen only at a word's end, a mark of punctuation. The key is kept
only where most of the font's words read as listed words (`KEY_WORDS`).

Pure computation over the word list (no network); without the list, nothing is solved.
"""

from __future__ import annotations

import functools
import math
from collections import Counter

from paperkit.reading import lexicon

# The least share of a font's words (by occurrence, of those of three letters or more in codes the
# key names) that must read as listed words for its key to be used.
KEY_WORDS = 0.8
# The fewest words (occurrences) a font must print before its codes are solved.
KEY_LEAST_WORDS = 300
# The polish by whole words weighs each code by its commonest words only, and leaves the commonest
# codes with the letters their pairs gave them (the pairs are surest of them).
POLISH_WORDS = 200
# Climbs over the letters' pairs, from the usual order and from shuffles of it.
CLIMB_STARTS = 4
POLISH_SETTLED = 10
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_CLITICS = {"s", "t", "ll", "re", "ve", "d", "m"}
_BOUND = 26  # index of a word's edge among the letters
# Usual order of letters by frequency in English prose: the first guess.
_BY_FREQUENCY = "etaoinsrhldcumfpgwybvkxjqz"


def _words() -> dict[str, float]:
    """Listed lower-case words (a-z only) of two letters or more (and "a", "i"), with their log counts."""
    return _tables()[0]


def _pairs() -> list[list[float]]:
    """log P(next | letter) over the 26 letters and a word's edge, from the listed words by count."""
    return _tables()[1]


# The store of `_words` and `_pairs` beside the package's bytecode, as `lexicon` keeps its sorted
# list: made from the word list in about 170 ms of CPU (a cipher paper's whole bare read is about
# as long), read back in a few. Its format: bumped whenever what `_words_of` or `_pairs_of` makes changes.
_FORMAT = 1


@functools.cache
def _tables() -> tuple[dict[str, float], list[list[float]]]:
    """(`_words`, `_pairs`): read from the store (`__pycache__/cipher.<interpreter>.marshal`) when
    its stamp names the word list as it is now (path, size, modification time) and this format,
    else made from the list and stored (written atomically; where it cannot be, only made). The
    store holds strings and floats only (`marshal`: nothing in it is run), each float as it was."""
    import marshal
    import os

    path = lexicon._list_path()
    if path is None:
        return {}, _pairs_of({})
    store = _store_path()
    try:
        found = path.stat()
        stamp = (_FORMAT, os.path.realpath(path), found.st_size, found.st_mtime_ns)
    except OSError:
        store = None
    if store is not None:
        try:
            was, words, pairs = marshal.loads(store.read_bytes())
            if was == stamp:
                return words, pairs
        except Exception:  # missing, unreadable, truncated, another version's: made again below
            pass
    words = _words_of(path)
    pairs = _pairs_of(words)
    if store is not None:
        try:
            from paperkit.files import atomic_open

            store.parent.mkdir(exist_ok=True)
            with atomic_open(store, "wb", durable=False) as handle:
                handle.write(marshal.dumps((stamp, words, pairs)))
        except Exception:  # not written after all: made again by the next command
            pass
    return words, pairs


def _store_path():
    """Where `_tables` keeps its store (None where the interpreter has no bytecode tag)."""
    import sys
    from pathlib import Path

    tag = sys.implementation.cache_tag
    return Path(__file__).parent / "__pycache__" / f"cipher.{tag}.marshal" if tag else None


def _words_of(path) -> dict[str, float]:
    """`_words` made from the word list at `path`."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        if word.isascii() and word.isalpha() and (len(word) > 1 or word in ("a", "i")):
            out[word] = math.log(int(count or 1))
        if len(out) >= 60000:
            break
    return out


def _pairs_of(words: dict[str, float]) -> list[list[float]]:
    """`_pairs` made from `words` (`_words`)."""
    counts = [[1.0] * 27 for _ in range(27)]
    for word, weight in words.items():
        w = math.exp(weight) ** 0.5  # (damped: "the" alone would swamp the pairs)
        prev = _BOUND
        for ch in word:
            k = ord(ch) - 97
            counts[prev][k] += w
            prev = k
        counts[prev][_BOUND] += w
    out = []
    for row in counts:
        total = sum(row)
        out.append([math.log(v / total) for v in row])
    return out


def _edges(tokens: Counter) -> tuple[Counter, Counter, Counter]:
    first, last, inner = Counter(), Counter(), Counter()
    for token, n in tokens.items():
        if len(token) == 1:
            continue
        first[token[0]] += n
        last[token[-1]] += n
        for c in token[1:-1]:
            inner[c] += n
    return first, last, inner


def solve(tokens: Counter, order: list[str] | None = None) -> dict[str, str] | None:
    """The letters of a font's codes: `tokens` counts the font's words, each a string of codes
    (one character per code); `order`, the words as printed, one after the other. Returns code ->
    text for the codes it reads, or None where the font prints too few words (`KEY_LEAST_WORDS`)
    or its words do not read as English (`KEY_WORDS`)."""
    words = _words()
    if not words or sum(tokens.values()) < KEY_LEAST_WORDS:
        return None
    freq = Counter()
    for token, n in tokens.items():
        for c in token:
            freq[c] += n
    first, last, inner = _edges(tokens)
    # Letters: codes seen inside words (a tenth of their uses or more); capitals and marks are
    # seen at a word's edges only.
    letters = [c for c, n in freq.most_common() if inner[c] >= 0.1 * n and inner[c] >= 2]
    key = {c: (_BY_FREQUENCY[k] if k < 26 else None) for k, c in enumerate(letters)}
    pairs = _pairs()
    # the pairs of codes in the text, a word's edge and every code outside `letters` as the edge
    index = {c: k for k, c in enumerate(letters)}
    edge = len(letters)
    seen: Counter = Counter()
    for token, n in tokens.items():
        prev = edge
        for c in token:
            k = index.get(c, edge)
            seen[prev, k] += n
            prev = k
        seen[prev, edge] += n
    by_code: dict[int, list[tuple[int, int, int]]] = {}
    for (a, b), n in seen.items():
        by_code.setdefault(a, []).append((a, b, n))
        if b != a:
            by_code.setdefault(b, []).append((a, b, n))
    slot = [(ord(key[c]) - 97) if key[c] else None for c in letters] + [_BOUND]
    slot_ref = list(slot)  # (the slots `score_of` reads)

    def score_of(codes: set[int]) -> float:
        if len(codes) > 2:
            return _score_of_many(codes)
        # (one code or two, each pair of codes once: a pair of the second code's with the first was
        # summed with the first's; summed in the set's order, as `_score_of_many` sums them)
        total, first_code = 0.0, None
        for k in codes:
            for a, b, n in by_code.get(k, ()):
                if a == first_code or b == first_code:
                    continue
                sa, sb = slot_ref[a], slot_ref[b]
                if sa is None or sb is None:
                    continue
                total += n * pairs[sa][sb]
            first_code = k
        return total

    def _score_of_many(codes: set[int]) -> float:
        total, done = 0.0, set()
        for k in codes:
            for a, b, n in by_code.get(k, ()):
                if (a, b) in done:
                    continue
                done.add((a, b))
                sa, sb = slot_ref[a], slot_ref[b]
                if sa is None or sb is None:
                    continue
                total += n * pairs[sa][sb]
        return total

    def climb(slot: list) -> None:
        """Hill climbing over swaps of two codes' letters (or a code's letter with an unused one)."""
        improved, rounds = True, 0
        while improved and rounds < 30:
            improved = False
            rounds += 1
            for i in range(len(letters)):
                if slot[i] is None:  # (codes past the 26th keep no letter here)
                    continue
                for j in range(len(letters) + 26):
                    if j < len(letters):
                        if j <= i or slot[j] is None:
                            continue
                        before = score_of({i, j})
                        slot[i], slot[j] = slot[j], slot[i]
                        if score_of({i, j}) > before + 1e-9:
                            improved = True
                        else:
                            slot[i], slot[j] = slot[j], slot[i]
                    else:
                        letter = j - len(letters)
                        if letter in slot[:edge]:
                            continue
                        before = score_of({i})
                        old = slot[i]
                        slot[i] = letter
                        if score_of({i}) > before + 1e-9:
                            improved = True
                        else:
                            slot[i] = old

    # From the letters by their usual frequency and from a few shuffles of the commonest (fixed
    # seeds: the same paper reads the same), the best climb.
    import random

    best_slot, best_score = None, None
    for seed in range(CLIMB_STARTS):
        trial = list(slot)
        if seed:
            rng = random.Random(seed)
            top = [k for k in range(min(len(letters), 12))]
            shuffled = [trial[k] for k in top]
            rng.shuffle(shuffled)
            for k, v in zip(top, shuffled):
                trial[k] = v
        slot_ref[:] = trial
        climb(slot_ref)
        score = score_of(set(range(len(letters))))
        if best_score is None or score > best_score:
            best_slot, best_score = list(slot_ref), score
    slot = best_slot
    key = {c: (chr(97 + slot[k]) if slot[k] is not None else None) for k, c in enumerate(letters)}
    # polish by whole words: each code (a letter's or one seen at words' edges) given the letter,
    # small or capital, under which more of its words read as listed words, the letter's holder
    # taking the code's old one
    key = {c: ch for c, ch in key.items() if ch is not None}
    containing: dict[str, list[tuple[str, int]]] = {}
    for token, n in tokens.most_common():
        for c in set(token):
            found = containing.setdefault(c, [])
            if len(found) < POLISH_WORDS:
                found.append((token, n))

    table = {ord(c): "\0" for c in freq}  # the key as a translation, unread codes as NUL
    table.update({ord(c): ch for c, ch in key.items()})

    def core(token: str) -> str | None:
        """The token's word as the key reads it (its opening and closing marks left out), or None
        where a code inside it is unread or its capitals stand anywhere but first or throughout."""
        text = token.translate(table).strip("\0")
        if not text or "\0" in text:
            return None
        if not (text.islower() or text[1:].islower() or text.isupper()):
            return None
        return text.lower()

    # `listed` reads each code's words at once: the words joined into one string, each opened by
    # `sep`, translated in one call, and the words that read as listed words found by a pattern
    # and counted in C (a word at a time, its codes looked up in the key, was most of the polish's
    # time). In that string the codes stand as characters of their own, "\x02" on, the key's
    # letters in `fast` at their numbers: a string of ASCII (a font of 126 codes or fewer) is
    # translated through a table of its own.
    sep = "\x01"
    alias = {c: chr(2 + k) for k, c in enumerate(freq)}
    fast = ["\0", sep] + [table[ord(c)] for c in freq]  # the key as `table`, on the aliases
    batches = {}  # code -> (its words joined, each opened by `sep`; their counts)
    for c, found in containing.items():
        batches[c] = ("".join(sep + "".join(alias[ch] for ch in token) for token, _ in found), [n for _, n in found])
    import re
    from itertools import compress

    # Of each word of the translated string, the word as `core` reads it where it has two letters or
    # more (opening and closing unread codes left out, none inside, small letters after the first or
    # capitals throughout), else "" (no listed word): one item a word.
    shaped = re.compile("\x01(?:\0*([A-Za-z][a-z]+|[A-Z][A-Z]+)\0*(?=\x01|\\Z)|[^\x01]*)")
    contains, lower = words.__contains__, str.lower

    def listed(c: str) -> float:
        """How many of `c`'s words (`containing`) read as listed words under the key (`core`)."""
        joined, counts = batches.get(c, ("", ()))
        return sum(compress(counts, map(contains, map(lower, shaped.findall(joined.translate(fast))))), 0.0)

    ranked = [c for c, n in freq.most_common() if n >= 2]
    # `listed(code)` as found, per code, under the key as it stands (key ()) and under a trial of the
    # polish: the code `c` tried on a letter (key (letter,)) or as the holder of the letter `c` is
    # tried on, taking `c`'s (key (c, letter, c's letter)). A code's count reads only the letters of
    # the codes of its words (`readers`): only a change to one of those (a swap kept) forgets it, and
    # the polish's next rounds look up most of their trials.
    found_under: dict[str, dict[tuple, float]] = {c: {} for c in containing}
    readers: dict[str, set[str]] = {}  # code -> the codes whose words hold it
    for c, found in containing.items():
        for code in set("".join(token for token, _ in found)):
            readers.setdefault(code, set()).add(c)

    def known(c: str) -> float:
        counts = found_under.get(c)
        if counts is None:
            return listed(c)
        if (n := counts.get(())) is None:
            n = counts[()] = listed(c)
        return n

    def swap(c: str, other: str | None, letter: str | None, current: str | None) -> None:
        """`c` reads `letter` and `other` (its holder) `current`, `c`'s letter before (None: unread)."""
        for code, ch in ((c, letter), (other, current)):
            if code is None:
                continue
            if ch is None:
                key.pop(code, None)
            else:
                key[code] = ch
            table[ord(code)] = fast[ord(alias[code])] = ch or "\0"

    for _ in range(3):
        changed = False
        for c in ranked:
            current = key.get(c)
            holders = {v: k for k, v in key.items()}
            # (a word reads the same with its first letter small or capital: a code seen mostly at
            # words' starts tries the capitals first, and keeps the first of two letters as good)
            if first[c] >= 0.6 * freq[c] and c not in key:
                options = _LETTERS.upper() + _LETTERS
            elif inner[c] >= 0.5 * freq[c] and freq[c] >= 50:
                options = _LETTERS  # (a common letter inside words: a small one)
            else:
                options = _LETTERS + _LETTERS.upper()
            best, best_letter = 1e-9, current
            for letter in options:
                other = holders.get(letter)
                if letter == current:
                    continue
                before = known(c) + (known(other) if other is not None else 0.0)
                mine, theirs = found_under[c], found_under[other] if other is not None else None
                here = mine.get((letter,))
                there = theirs.get((c, letter, current)) if theirs is not None else 0.0
                if here is None or there is None:
                    swap(c, other, letter, current)
                    if here is None:
                        here = mine[letter,] = listed(c)
                    if there is None:
                        there = theirs[c, letter, current] = listed(other)
                    swap(c, other, current, letter)
                after = here + there
                if after - before > best:
                    best, best_letter = after - before, letter
            if best_letter != current:
                holder = holders.get(best_letter)
                swap(c, holder, best_letter, current)
                for code in (c, holder):
                    for reader in readers.get(code, ()) if code is not None else ():
                        found_under[reader].clear()
                changed = True
        if not changed:
            break
    # marks inside words: an unread code between two listed words is a hyphen ("first-order"),
    # one before a word's "s" (or "t", "ll", "re", "ve", "d", "m") an apostrophe ("person's")
    for c, n in inner.most_common():
        if c in key or n < 3:
            continue
        hyphen = apostrophe = 0
        for token, m in containing.get(c, ()):
            at = token.find(c)
            if at <= 0 or at == len(token) - 1:
                continue
            left, right = core(token[:at]), core(token[at + 1:])
            if left and left in words and right in _CLITICS:
                apostrophe += m
            elif left and right and left in words and right in words and len(right) > 1:
                hyphen += m
        if max(hyphen, apostrophe) >= 0.5 * n:
            key[c] = "-" if hyphen >= apostrophe else "\u2019"
            table[ord(c)] = key[c]
    out = dict(key)
    # marks at words' ends: the one most often before a capital is the full stop, the commonest other the comma
    capitals = {c for c, ch in out.items() if ch.isupper()}
    ends = [c for c, n in last.most_common() if c not in out and inner[c] <= 0.1 * freq[c] and n >= 3]
    if ends:
        after = Counter()
        if order:
            for a, b in zip(order, order[1:]):
                if a and b and a[-1] in ends and b[0] in capitals:
                    after[a[-1]] += 1
        stop = after.most_common(1)[0][0] if after else None
        if stop is not None:
            out[stop] = "."
        rest = [c for c in ends if c != stop]
        if rest:
            out[rest[0]] = ","
    # kept only where most words read as listed words
    total = hits = 0
    for token, n in tokens.items():
        w = core(token)
        if w is None or len(w) < 3:
            continue
        total += n
        hits += n * (w in words)
    if not total or hits < KEY_WORDS * total:
        return None
    return out
