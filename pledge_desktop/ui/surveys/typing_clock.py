"""How long the nurse spends typing in forms, measured as she types: a pause of more than two
minutes ends a session (she was interrupted), so only time at the keyboard counts."""

from __future__ import annotations

import time
from collections.abc import Callable

IDLE_SECONDS = 120


class TypingClock:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._start: float | None = None
        self._last = 0.0
        self._seconds = 0.0

    def tick(self) -> None:
        """A key was pressed on the entry screen."""
        now = self._clock()
        if self._start is not None and now - self._last > IDLE_SECONDS:
            self._seconds += self._last - self._start
            self._start = None
        if self._start is None:
            self._start = now
        self._last = now

    def take_minutes(self) -> int:
        """Whole minutes typed since last taken; the part of a minute left is kept for later."""
        if self._start is not None:
            self._seconds += self._last - self._start
            self._start = self._last
        whole = int(self._seconds // 60)
        self._seconds -= whole * 60
        return whole
