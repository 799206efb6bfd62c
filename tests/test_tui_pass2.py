"""Pass 2 complete: figures and tables open from the section that mentions them, the appendix is
reachable, footnotes stand apart from the text, a submission's line numbers sit in a gutter.
Footnotes and line numbers come from a parser that records them (simulated here with fields a
newer paper model may carry; today's parses have neither, and nothing is shown)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from paperkit.reading.notes import ReadingState
from paperkit.reading.paper import Paper, Paragraph
from paperkit.tui.paper_parts import figures_mentioned, paper_parts
from paperkit.tui.screens.part import PartScreen
from paperkit.tui.screens.pass2 import Pass2Screen
from test_tui_app import SIZE, make_app, run_async
from tui_support import PAPER_ID, make_paper


@dataclass(frozen=True)
class NumberedParagraph(Paragraph):
    lines: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Footnote:
    mark: str
    text: str
    page: int


@dataclass(frozen=True)
class FootnotedPaper(Paper):
    footnotes: tuple[Footnote, ...] = ()


def paper_with_mentions() -> Paper:
    paper = make_paper()
    sections = list(paper.sections)
    two, three = sections[1], sections[3]  # § 2 and § 3
    sections[1] = replace(two, paragraphs=(Paragraph("As Fig. 2 shows, colour is predictable.", two.page), *two.paragraphs[1:]))
    sections[3] = replace(three, paragraphs=(Paragraph("Figure 2 again, and Table 1 compares the variants.", three.page), *three.paragraphs[1:]))
    return replace(paper, sections=tuple(sections))


def test_each_figure_belongs_to_the_section_that_mentions_it_first():
    paper = paper_with_mentions()
    mentioned = figures_mentioned(paper)
    assert [(f.label, first) for f, first in mentioned[1]] == [("Fig. 2", True)]
    assert [(f.label, first) for f, first in mentioned[3]] == [("Fig. 2", False), ("Table 1", True)]
    assert 0 not in mentioned


@run_async
async def test_i_lists_the_sections_figures_and_enter_shows_one(workspace):
    ReadingState(current_pass=2, section=3).save(workspace.notes_dir(PAPER_ID))  # § 3
    app = make_app(workspace, paper=paper_with_mentions())
    shown = []
    async with app.run_test(size=SIZE) as pilot:
        app.show_figure = shown.append  # type: ignore[method-assign]
        await pilot.press("i")
        await pilot.pause()
        figures = app.screen.query_one("#section-figures")
        prompts = [str(figures.get_option_at_index(i).prompt) for i in range(figures.option_count)]
        assert prompts[0].startswith("Fig. 2 (p. 3)") and "first mentioned here" not in prompts[0]
        assert prompts[1].startswith("Table 1 (p. 5) — first mentioned here")
        await pilot.press("down", "enter")
    assert [f.label for f in shown] == ["Table 1"]


@run_async
async def test_n_after_the_conclusion_opens_the_appendix(workspace):
    paper = make_paper()
    app = make_app(workspace, paper=paper)
    last = len(app.session.pass2_sections) - 1
    ReadingState(current_pass=2, section=last).save(workspace.notes_dir(PAPER_ID))
    app = make_app(workspace, paper=paper)
    async with app.run_test(size=SIZE) as pilot:
        assert "Conclusion" in app.screen.header.where
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PartScreen)
        assert app.session.parts[app.screen.index].title == "§ A Extra results"
        await pilot.press("escape")
        assert isinstance(app.screen, Pass2Screen) and app.session.state.section == last


def numbered_paper() -> FootnotedPaper:
    paper = make_paper()
    intro = paper.sections[0]
    paragraphs = tuple(NumberedParagraph(p.text, p.page, lines=(100 + 10 * i, 107 + 10 * i)) for i, p in enumerate(intro.paragraphs))
    sections = (replace(intro, paragraphs=paragraphs), *paper.sections[1:])
    return FootnotedPaper(**{**paper.__dict__, "sections": sections, "footnotes": (Footnote("1", "Code at example.org.", 1),)})


def test_footnotes_are_a_part_of_their_own_for_search_and_outline():
    parts = paper_parts(numbered_paper())
    assert [p.paragraphs[0].text for p in parts if p.key == "footnotes"] == ["1 Code at example.org."]


@run_async
async def test_footnotes_stand_apart_and_line_numbers_sit_in_a_gutter(workspace):
    ReadingState(current_pass=2).save(workspace.notes_dir(PAPER_ID))
    app = make_app(workspace, paper=numbered_paper())
    async with app.run_test(size=SIZE) as pilot:
        reading = app.screen.query_one("#reading")
        gutters = [str(g.content) for g in reading.query(".gutter")]
        assert gutters == ["100–107", "110–117", "120–127"]
        footnotes = reading.query_one(".footnotes")
        assert "Code at example.org." in str(footnotes.content)
        assert all("example.org" not in str(p.content) for p in reading.query("ParagraphText"))
        await pilot.press("v", "m")
        assert app.screen.query_one("#where").value == "§ 1, p. 1, l. 100"
