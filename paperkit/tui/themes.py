"""The reader's two themes, chosen so that all text meets WCAG AA contrast (4.5:1).

Textual's stock themes do not: the light one draws orange headings on light grey (about 1.3:1)
and both mute placeholders and secondary text to 60 % and 38 % of the text colour. Text colours
here are "auto" (black or white, whichever contrasts with the background it sits on) at
opacities that stay above 4.5:1 on every background the reader uses; `tests/test_tui_comfort.py`
renders each screen in both themes and measures every character.
"""

from __future__ import annotations

from textual.theme import Theme

_TEXT = {
    "text": "auto 95%",
    "text-muted": "auto 75%",
    "text-disabled": "auto 68%",  # placeholders are text a reader must be able to read too
}

DARK = Theme(
    name="paperkit-dark",
    primary="#1a5fa0",
    secondary="#004578",
    accent="#ffa62b",
    warning="#ffb347",
    error="#ff8a8a",
    success="#4ebf71",
    foreground="#e0e0e0",
    background="#121212",
    surface="#1e1e1e",
    panel="#262626",
    dark=True,
    variables={**_TEXT, "footer-key-foreground": "#ffa62b", "block-cursor-blurred-background": "#1a5fa0 45%"},
)

LIGHT = Theme(
    name="paperkit-light",
    primary="#0b4f8a",
    secondary="#1a5fa0",
    accent="#8f4700",
    warning="#ffb347",
    error="#a4262c",
    success="#1e6b35",
    foreground="#1a1a1a",
    background="#f2f2f2",
    surface="#e8e8e8",
    panel="#dedede",
    dark=False,
    variables={**_TEXT, "footer-key-foreground": "#0b4f8a", "block-cursor-blurred-background": "#0b4f8a 25%"},
)

THEMES = (DARK, LIGHT)
