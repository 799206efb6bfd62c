"""The bottom line's keys: the commands of the screen and the app that have a description, one
Static instead of Textual's Footer.

The Footer composes one widget per key (and again on every focus change); a single line of
text costs far less to lay out and draw, which counts towards the first frame (about 60 ms CPU
of ~450 measured; see docs/BENCHMARKS.md). The keys are not clickable, as Footer's are: every
command is also in the command palette (ctrl+p).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.keys import key_to_character
from textual.widgets import Static


# Named keys that type a character (Textual's key_to_character knows only letters and digits).
_TYPED = {"slash": "/", "question_mark": "?", "left_square_bracket": "[", "right_square_bracket": "]", "space": " "}


def _character(key: str) -> str | None:
    """The character a key types ("slash" -> "/"), or None for keys that type none (ctrl+s)."""
    return _TYPED.get(key) or key_to_character(key)


class KeyBar(Static):
    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.show_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self.show_keys()

    def show_keys(self) -> None:
        parts: list[Content] = []
        seen: set[str] = set()
        focused = self.screen.focused
        for _key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if not binding.show or not enabled or binding.action in seen:
                continue
            if focused is not None and focused.check_consume_key(binding.key, _character(binding.key)):
                continue  # in a field this key types text: not a command there
            seen.add(binding.action)
            parts.append(self._key(binding))
        self.update(Content(" ").join(parts))

    def _key(self, binding: Binding) -> Content:
        key = Content.styled(self.app.get_key_display(binding), "bold $footer-key-foreground")
        return Content.assemble(key, " ", binding.description)
