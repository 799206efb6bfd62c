"""Find and go: `/` searches the whole paper in every pass, `g` opens the outline, ctrl+p lists every command."""

from __future__ import annotations

from paperkit.reading.notes import ReadingState
from paperkit.tui.paper_parts import Finder, find, paper_parts
from paperkit.tui.screens.outline import OutlineScreen
from paperkit.tui.screens.part import PartScreen
from paperkit.tui.screens.pass1 import Pass1Screen
from paperkit.tui.screens.pass2 import Pass2Screen
from test_tui_app import SIZE, make_app, run_async
from tui_support import PAPER_ID, make_paper


def test_parts_cover_the_whole_paper_appendix_captions_and_references():
    parts = paper_parts(make_paper())
    titles = [p.title for p in parts]
    assert titles[0] == "Title and abstract" and titles[-1] == "References (3)"
    assert "Figures and tables" in titles and "§ A Extra results" in titles
    assert [p.title for p in parts if p.appendix] == ["§ A Extra results"]
    assert [p.level for p in parts if p.title.startswith("§ 2")] == [1, 2]


def test_search_ignores_case_and_line_breaks_and_reaches_every_part():
    parts = paper_parts(make_paper())
    hits = find(parts, "LET there   be")
    assert [parts[h.part].key for h in hits] == ["references"]
    assert {parts[h.part].key for h in find(parts, "setting 2")} == {"figures"}
    assert [parts[h.part].title for h in find(parts, "extra results")] == ["§ A Extra results"]  # a heading
    assert find(parts, "   ") == []


def test_the_finder_steps_from_the_part_on_screen_and_wraps():
    finder = Finder(paper_parts(make_paper()))
    assert finder.search("Accuracy of each variant") == 1
    assert finder.count_text() == "“Accuracy of each variant”: 1 match"
    finder.search("rebalances rare colours")
    total = len(finder.hits)
    first = finder.step(1, from_part=3)
    assert first.part >= 3 and finder.count_text().startswith(f"“rebalances rare colours”: {finder.index + 1}/{total}")
    for _ in range(total):
        finder.step(1)
    assert finder.current == first  # once round the paper
    assert finder.step(-1) == finder.hits[(finder.hits.index(first) - 1) % total]


@run_async
async def test_search_in_pass_two_jumps_across_sections_and_highlights(workspace):
    ReadingState(current_pass=2).save(workspace.notes_dir(PAPER_ID))
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        app.screen.query_one("#search").value = "details of part 3"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Pass2Screen)
        assert app.session.current_section.label == "§ 3.1 Details of part 3"
        assert "1/1 match" in str(app.screen.query_one("#search-count").render())
        heading = app.screen.query_one(".section-title").content
        assert any("#ff8700" in str(span.style) for span in heading.spans)  # the current hit
        await pilot.press("escape")  # ends the search: highlights gone, bar hidden
        await pilot.pause()
        assert not app.session.searching and not app.screen.query_one("#search-bar").display


@run_async
async def test_search_in_pass_one_opens_the_appendix_over_the_pass_and_walks_hits(workspace):
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        app.screen.query_one("#search").value = "extra results"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PartScreen)
        assert app.session.parts[app.screen.index].appendix
        await pilot.press("p")  # the part before: the last section before the appendix
        assert app.session.parts[app.screen.index].title == "§ 6 Conclusion"
        await pilot.press("escape")
        assert isinstance(app.screen, Pass1Screen) and app.session.state.pass1_step == 0


@run_async
async def test_the_outline_jumps_to_a_section_of_pass_two_and_shows_appendix_figures_tables(workspace):
    ReadingState(current_pass=2).save(workspace.notes_dir(PAPER_ID))
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        outline = app.screen
        assert isinstance(outline, OutlineScreen)
        prompts = [str(outline.query_one("#outline").get_option_at_index(i).prompt) for i in range(outline.query_one("#outline").option_count)]
        assert {"Appendix", "Figures", "Tables"} <= set(prompts)
        target = next(i for i, p in enumerate(prompts) if p.strip().startswith("§ 4 Part 4"))
        outline.query_one("#outline").highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Pass2Screen) and app.session.current_section.label == "§ 4 Part 4"


@run_async
async def test_the_command_palette_holds_every_command(workspace):
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("1", "2", "3"):
            await pilot.press(key)
            await pilot.pause()
            screen = app.screen
            titles = {c.title for c in app.get_system_commands(screen)}
            described = {b.description for _k, b in screen._bindings if b.description}
            described |= {b.description for _k, b in app._bindings if b.description}
            assert described <= titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"outline")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OutlineScreen)
