"""Citations where the reader meets them: pass 1's headings and references (library ticked), a
citation's card from the reference list or from a citation selected in the text, one key to add it."""

from __future__ import annotations

from paperkit.reading.notes import ReadingState
from paperkit.tui.citations import citations, cited_in, parse_reference
from paperkit.tui.screens.citation import CitationScreen
from paperkit.tui.screens.part import PartScreen
from test_tui_app import SIZE, make_app, run_async
from tui_support import PAPER_ID, make_paper


def test_a_printed_entry_is_parsed_into_authors_title_year_and_arxiv_id():
    c = parse_reference(0, "[12] R. Zhang, P. Isola, and A. A. Efros. Colorful image colorization. In ECCV, 2016. arXiv:1603.08511v5")
    assert (c.label, c.authors, c.title, c.year, c.arxiv_id) == (
        "12", "R. Zhang, P. Isola, and A. A. Efros", "Colorful image colorization", "2016", "1603.08511")
    assert c.see_also == "1603.08511 — Colorful image colorization"


def test_structured_references_from_a_newer_parser_are_used_as_they_are():
    class Reference:
        text = "Larsson et al. Colorization as a proxy task. 2017."
        title = "Colorization as a Proxy Task for Visual Understanding"
        authors = ("G. Larsson", "M. Maire")
        year = 2017
        arxiv_id = "1703.04044"

    c = parse_reference(0, Reference())
    assert (c.title, c.authors, c.year, c.arxiv_id) == ("Colorization as a Proxy Task for Visual Understanding", "G. Larsson, M. Maire", "2017", "1703.04044")


def test_citations_in_a_passage_numeric_ranges_and_author_year():
    cited = citations(make_paper().references)
    assert [c.label for c in cited_in("as shown in [1, 3]", cited)] == ["1", "3"]
    assert [c.label for c in cited_in("methods [1–3] differ", cited)] == ["1", "2", "3"]
    assert [c.label for c in cited_in("as Author et al. (2017) argue", cited)] == ["3"]
    assert cited_in("no citation here", cited) == []


def library_with(workspace, arxiv_id: str, status: str) -> None:
    (workspace.root / "papers.toml").write_text(f'[papers."{arxiv_id}"]\ntitle = "Learning representations"\nstatus = "{status}"\n', encoding="utf-8")


@run_async
async def test_pass_one_shows_the_headings_then_the_references_with_the_library_ticked(workspace):
    library_with(workspace, "1603.06668", "pass-2")
    ReadingState(current_pass=1, pass1_step=2).save(workspace.notes_dir(PAPER_ID))
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        headings = app.screen.query_one("#headings")
        prompts = [str(headings.get_option_at_index(i).prompt) for i in range(headings.option_count)]
        assert prompts[0] == "§ 1 Introduction" and "  § 2.1 Details of part 2" in prompts
        assert prompts[-1].strip().startswith("§ A Extra results") and prompts[-1].endswith("appendix")
        assert app.focused is headings
        await pilot.press("down", "enter")  # the text is not for pass 1, but a heading can be opened
        assert isinstance(app.screen, PartScreen) and app.session.parts[app.screen.index].title == "§ 2 Part 2"
        await pilot.press("escape")
        for _ in range(4):
            await pilot.press("n")
        references = app.screen.query_one("#references")
        prompts = [str(references.get_option_at_index(i).prompt) for i in range(references.option_count)]
        assert prompts[0].startswith("✓ [1]") and prompts[0].endswith("(pass-2)")
        assert prompts[2].startswith("  [3]")
        assert "1 in your library" in str(app.screen.query_one(".section-title").content)


@run_async
async def test_the_card_says_the_status_and_a_adds_the_paper_with_its_real_title(workspace):
    library_with(workspace, "1603.06668", "pass-2")
    ReadingState(current_pass=1, pass1_step=6).save(workspace.notes_dir(PAPER_ID))
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, CitationScreen)
        assert "in your library, read (pass-2)" in str(app.screen.query_one("#citation-card").content).lower()
        await pilot.press("escape", "down", "down", "enter")
        card = str(app.screen.query_one("#citation-card").content)
        assert "Not in your library" in card and "arXiv:1703.04044" in card
        await pilot.press("a")
        await pilot.pause()
        assert "✓ [3]" in str(app.screen.query_one("#references").get_option_at_index(2).prompt)
    from paperkit.library.store import Library

    entry = Library.load(workspace).get("1703.04044")
    assert entry.title == "Colorization as a proxy task" and entry.status == "to-read"
    assert app.session.notes.see_also == ["1703.04044 — Colorization as a proxy task"]


@run_async
async def test_a_citation_selected_in_the_text_opens_its_card(workspace):
    from dataclasses import replace

    paper = make_paper()
    intro = paper.sections[0]
    cited = replace(intro, paragraphs=(replace(intro.paragraphs[0], text="Earlier work [3] treats colour as a proxy task."),))
    paper = replace(paper, sections=(cited, *paper.sections[1:]))
    ReadingState(current_pass=2).save(workspace.notes_dir(PAPER_ID))
    app = make_app(workspace, paper=paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "r")
        assert isinstance(app.screen, CitationScreen) and app.screen.citation.label == "3"
