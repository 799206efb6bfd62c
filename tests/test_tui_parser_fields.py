"""The reader reads the parser's own fields: per-paragraph line numbers and the parsed bibliography."""

from __future__ import annotations

from paperkit.reading.paper import Paper, Paragraph, Reference
from paperkit.tui.citations import paper_citations
from paperkit.tui.quotes import line_at, paragraph_lines


def _paper(references, bibliography=()):
    return Paper("t", (), None, (), (), (), tuple(references), 1, bibliography=tuple(bibliography))


def test_line_numbers_of_a_submission_paragraph_come_from_the_parser():
    paragraph = Paragraph("We train for 90 epochs.", 3, line_numbers=(120, 124))
    assert paragraph_lines(paragraph) == (120, 124)
    assert line_at(paragraph, 5) == 120
    assert paragraph_lines(Paragraph("no numbers", 1)) is None


def test_citation_cards_use_the_parsed_bibliography_with_its_arxiv_id():
    entry = Reference(
        text="[7] R. Zhang, P. Isola, A. A. Efros. Colorful image colorization. In ECCV, 2016.",
        label="7", authors=("R. Zhang", "P. Isola", "A. A. Efros"), title="Colorful image colorization",
        year=2016, arxiv="1603.08511",
    )
    paper = _paper(["[7] something printed"], [entry])
    (card,) = paper_citations(paper)
    assert card.title == "Colorful image colorization" and card.arxiv_id == "1603.08511"
    assert card.year == "2016" and card.authors.startswith("R. Zhang, P. Isola")
    assert card.label == "7"


def test_without_a_parsed_bibliography_the_printed_entries_are_read():
    paper = _paper(["[1] A. Author. A title. 2020. arXiv:2001.00001"])
    (card,) = paper_citations(paper)
    assert card.arxiv_id == "2001.00001"
