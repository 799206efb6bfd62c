from __future__ import annotations

import pytest

from paperkit.errors import UsageError
from paperkit.ids import ArxivId, is_arxiv_id, parse_arxiv_id


@pytest.mark.parametrize(
    ("text", "base", "version"),
    [
        ("1603.08511", "1603.08511", None),
        ("2004.11362v3", "2004.11362", 3),
        ("0704.0001", "0704.0001", None),
        ("1412.9999", "1412.9999", None),
        ("1501.00001", "1501.00001", None),
        ("  1603.08511  ", "1603.08511", None),
        ("arXiv:1603.08511", "1603.08511", None),
        ("arxiv:1703.04044v2", "1703.04044", 2),
        ("ARXIV: 1710.09412", "1710.09412", None),
        ("hep-th/9901001", "hep-th/9901001", None),
        ("math.GT/0309136v2", "math.GT/0309136", 2),
        ("math.gt/0309136", "math.GT/0309136", None),
        ("arXiv:hep-th/9108001", "hep-th/9108001", None),
        ("cs/0703001", "cs/0703001", None),
        ("https://arxiv.org/abs/1603.08511", "1603.08511", None),
        ("https://arxiv.org/abs/1603.08511v5", "1603.08511", 5),
        ("http://arxiv.org/pdf/1603.08511v2", "1603.08511", 2),
        ("https://arxiv.org/pdf/1603.08511v2.pdf", "1603.08511", 2),
        ("https://arxiv.org/pdf/1603.08511.pdf", "1603.08511", None),
        ("2301.12345v999", "2301.12345", 999),
        ("https://export.arxiv.org/abs/2004.11362", "2004.11362", None),
        ("https://www.arxiv.org/abs/2004.11362/", "2004.11362", None),
        ("arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001", 1),
        ("https://arxiv.org/pdf/math.GT/0309136v2.pdf", "math.GT/0309136", 2),
        ("https://arxiv.org/abs/1803.03635?context=cs", "1803.03635", None),
    ],
)
def test_accepted_forms_normalise(text, base, version):
    aid = parse_arxiv_id(text)
    assert aid == ArxivId(base, version)
    assert is_arxiv_id(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("1613.08511", "month 13"),
        ("1600.08511", "month 00"),
        ("1503.0851", "5 digits"),  # 4 digits after 1412
        ("1412.08511", "4 digits"),  # 5 digits before 1501
        ("0703.0001", "April 2007"),  # new style before 0704
        ("0612.1234", "April 2007"),
        ("1603.08511v0", "v0"),
        ("1603.00000", "start at 1"),
        ("hello", "does not look like"),
        ("1603.08511x", "does not look like"),
        ("1603.08511v", "does not look like"),
        ("1603-08511", "does not look like"),
        ("foo-bar/9901001", "not an arXiv archive"),
        ("hep-th/9913001", "month 13"),
        ("hep-th/9107001", "9108 to 0703"),
        ("hep-th/0704001", "9108 to 0703"),
        ("hep-th/99010012", "does not look like"),
        ("hep-th/9901001v0", "v0"),
        ("2301.12345v99999999999999999999", "out of range"),  # would overflow TOML's 64-bit integers
        ("2301.12345v1000", "out of range"),
        ("hep-th/9901001v12345", "out of range"),
        ("https://example.com/abs/1603.08511", "not an arxiv.org"),
        ("https://arxiv.org/abs/", "abs or pdf URL"),
        ("https://arxiv.org/list/cs.CV/recent", "abs or pdf URL"),
    ],
)
def test_impossible_ids_are_rejected_with_one_line_reason(text, reason):
    with pytest.raises(UsageError) as info:
        parse_arxiv_id(text)
    message = str(info.value)
    assert reason in message
    assert "\n" not in message
    assert not is_arxiv_id(text)


def test_versioned_and_str():
    aid = parse_arxiv_id("2004.11362v3")
    assert aid.versioned == "2004.11362v3" == str(aid)
    assert str(aid.without_version()) == "2004.11362"
    assert aid.abs_url == "https://arxiv.org/abs/2004.11362v3"
    assert aid.pdf_url == "https://arxiv.org/pdf/2004.11362v3"
    assert not aid.old_style and aid.archive is None


def test_old_style_properties():
    aid = parse_arxiv_id("math.GT/0309136v2")
    assert aid.old_style
    assert aid.archive == "math.GT"
    assert aid.versioned == "math.GT/0309136v2"


def test_ids_are_hashable_and_compare_by_value():
    assert {parse_arxiv_id("arXiv:1603.08511"), parse_arxiv_id("https://arxiv.org/abs/1603.08511")} == {
        ArxivId("1603.08511")
    }
