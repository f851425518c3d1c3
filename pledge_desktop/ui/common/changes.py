"""Brings the services' change announcements into Qt, so every view refreshes itself."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeHub(QObject):
    """`changed(topic)` after any service call that wrote data; `cycle_selected(id)` when the
    nurse picks another pledge cycle to work on."""

    changed = Signal(str)
    cycle_selected = Signal(int)

    def announce(self, topic: str) -> None:
        self.changed.emit(topic)
