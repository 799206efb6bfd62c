"""Keys take effect in the order typed, whatever focus changes in between.

Textual forwards each key to the widget focused *when the app reads it* and lets it bubble up
through the widgets' own queues; focus changes are applied later, through the app's queue. A
burst such as `AAA<tab>BBB` therefore reaches the first field whole before its Tab has moved the
focus, and a letter typed right after `f` (which focuses a field) still runs as a command.

`OrderedKeys` holds keys and pastes back: the next one is released only when every message
queue of the app is empty again, that is when the previous key, the focus change it asked for
and the messages it caused have all been handled. Keys typed at human speed are released at
once; a burst is released one by one, in order. A busy app (an animation, a flood of timers)
never holds a key for more than `MAX_HOLD_S`.
"""

from __future__ import annotations

import asyncio
from collections import deque
from time import monotonic

from textual import events
from textual.app import App

# A key is never held longer than this, even if the app never settles.
MAX_HOLD_S = 1.0


class OrderedKeys(App):
    """An App mixin: keys and pastes are handled one at a time, each after the last has settled."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held: deque[events.Event] = deque()
        self._released: events.Event | None = None
        self._feeder: asyncio.Task[None] | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded and event is not self._released:
            self._held.append(event)
            if self._feeder is None or self._feeder.done():
                self._feeder = asyncio.create_task(self._feed())
            return
        await super().on_event(event)

    async def _feed(self) -> None:
        while self._held:
            await self._settled()
            self._released = self._held.popleft()
            self.post_message(self._released)
            await asyncio.sleep(0)

    async def _settled(self) -> None:
        deadline = monotonic() + MAX_HOLD_S
        spins = quiet = 0
        # Quiet twice in a row: a handler that awaits between two messages has had its turn.
        while quiet < 2 and monotonic() < deadline:
            quiet = 0 if self._busy() else quiet + 1
            spins += 1
            await asyncio.sleep(0 if spins < 50 else 0.002)

    def _busy(self) -> bool:
        """Whether any message, callback or refresh-time callback of the app is still pending."""
        for pump in (self, *self.screen_stack, *self._registry):
            if not pump._message_queue.empty() or pump._next_callbacks:  # type: ignore[attr-defined]
                return True
        return False
