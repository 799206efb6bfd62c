"""Time for the reader's budget display, swappable so tests and snapshots are deterministic."""

from __future__ import annotations

import datetime as _dt
import time
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def now(self) -> _dt.datetime: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> _dt.datetime:
        return _dt.datetime.now()


class ManualClock:
    """A clock that moves only when told to (tests, snapshots, benchmarks)."""

    def __init__(self, start: _dt.datetime | None = None):
        self._start = start or _dt.datetime(2024, 1, 1, 12, 0, 0)
        self._elapsed = 0.0

    def advance(self, seconds: float) -> None:
        self._elapsed += seconds

    def monotonic(self) -> float:
        return self._elapsed

    def now(self) -> _dt.datetime:
        return self._start + _dt.timedelta(seconds=self._elapsed)
