"""Marks from the selection: a passage selected with the keys or the mouse becomes the quote of
`u`, `m` and `k`, with its section, page and (when the parser kept them) line."""

from __future__ import annotations

from dataclasses import dataclass

from textual.geometry import Offset
from textual.selection import Selection

from paperkit.reading.notes import ReadingState
from paperkit.reading.paper import Paragraph, Section
from paperkit.tui.quotes import Quote, locate, sentence_spans
from paperkit.tui.screens.mark import MarkScreen
from paperkit.tui.widgets.paper_text import PaperText, ParagraphText
from test_tui_app import SIZE, make_app, run_async
from tui_support import PAPER_ID


@dataclass(frozen=True)
class NumberedParagraph(Paragraph):
    """A paragraph as a parser that reads submission line numbers fills it."""

    lines: tuple[int, int] = (120, 125)
    line_offsets: tuple[int, ...] = (0, 40, 80)


def test_sentences_split_on_their_ends_not_on_abbreviations_in_numbers():
    text = "We use 3.5 times fewer steps. Results (Fig. 2) hold.  “Quoted.” Last one"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "We use 3.5 times fewer steps.", "Results (Fig. 2) hold.", "“Quoted.”", "Last one",
    ]


def test_a_quote_keeps_section_page_and_line():
    paragraph = NumberedParagraph("x" * 45 + " the loss rebalances rare colours " + "y" * 60, 4)
    section = Section("3.2", "Loss", 2, 4, (Paragraph("intro", 4), paragraph))
    quote = locate(section, 1, "the loss\nrebalances   rare colours")
    assert quote == Quote("the loss rebalances rare colours", section, 1, 46)
    assert quote.where == "§ 3.2, p. 4, l. 121"  # the second line of the paragraph (offsets 40..79)
    plain = Section("3.2", "Loss", 2, 4, (Paragraph("the loss", 5),))
    assert locate(plain, 0, "the loss").where == "§ 3.2, p. 5"  # no line numbers parsed: none invented


async def _pass2(workspace, pilot_size=SIZE):
    ReadingState(current_pass=2).save(workspace.notes_dir(PAPER_ID))
    return make_app(workspace)


@run_async
async def test_keys_select_sentences_and_m_takes_them_as_the_claim(workspace):
    app = await _pass2(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "shift+down")
        text = app.screen.query_one(PaperText)
        assert text.selected == (0, 1)
        await pilot.press("m")
        assert isinstance(app.screen, MarkScreen)
        first = app.session.current_section.paragraphs[0].text
        two = " ".join(first[a:b] for a, b in sentence_spans(first)[:2])
        assert app.screen.query_one("#text").value == f"“{two}”"
        assert app.screen.query_one("#where").value == "§ 1, p. 1"
        await pilot.press("enter")
        await pilot.pause()
    assert app.session.notes.claims[0].text == f"“{two}”" and app.session.notes.claims[0].where == "§ 1, p. 1"


@run_async
async def test_a_mouse_selection_is_the_quote_of_u(workspace):
    app = await _pass2(workspace)
    async with app.run_test(size=SIZE) as pilot:
        paragraph = [p for p in app.screen.query(ParagraphText) if p.index == 1][0]
        app.screen.selections = {paragraph: Selection(Offset(0, 0), Offset(25, 0))}
        await pilot.press("u")
        assert isinstance(app.screen, MarkScreen)
        quoted = app.screen.query_one("#text").value
        assert quoted.startswith("“") and quoted[1:-1] in app.session.current_section.paragraphs[1].text
        await pilot.press("enter")
        await pilot.pause()
    assert app.session.notes.not_understood[0].where == "§ 1, p. 1"


@run_async
async def test_k_files_the_selected_passage_under_the_key_points(workspace):
    app = await _pass2(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "down", "k")
        await pilot.pause()
        notes = app.session.section_notes(app.session.current_section)
        first = app.session.current_section.paragraphs[0].text
        a, b = sentence_spans(first)[1]
        assert notes == f"“{first[a:b]}” (§ 1, p. 1)\n"
        assert app.focused.id == "key-points"


@run_async
async def test_escape_drops_the_selection_and_arrows_scroll_again(workspace):
    app = await _pass2(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "escape")
        text = app.screen.query_one(PaperText)
        assert text.selected is None
        await pilot.press("down")
        await pilot.pause()
        assert text.scroll_y > 0
