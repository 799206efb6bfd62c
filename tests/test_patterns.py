"""Patterns compiled on first use behave as compiled ones."""

from __future__ import annotations

import re

import pytest

from paperkit.reading.patterns import compile_later


def test_a_later_pattern_matches_as_the_compiled_one():
    later = compile_later(r"^(?P<label>fig(?:ure)?\.?|table)\s*(?P<num>\d+)", re.IGNORECASE)
    now = re.compile(later.pattern, later.flags)
    for text in ("Figure 3: a plot", "TABLE 12 results", "see figure 3", "Fig.7"):
        a, b = later.match(text), now.match(text)
        assert (a and a.groupdict()) == (b and b.groupdict())
    assert later.sub("X", "Table 4 and table 5") == now.sub("X", "Table 4 and table 5")
    assert later.groupindex == now.groupindex


def test_nothing_is_compiled_until_the_pattern_is_used():
    broken = compile_later(r"(unclosed")  # an error re.compile would raise at once
    with pytest.raises(re.error):
        broken.search("text")
