"""What every screen needs: the open workspace, the change hub, and the chosen pledge cycle."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pledge_desktop.ui.common.changes import ChangeHub

if TYPE_CHECKING:
    from pledge_desktop.services.workspace import Workspace


class ScreenContext:
    def __init__(self, workspace: Workspace, hub: ChangeHub) -> None:
        self.workspace = workspace
        self.hub = hub
        self.cycle_id: int | None = None
        workspace.changes.subscribe(hub.announce)

    def select_cycle(self, cycle_id: int | None) -> None:
        if cycle_id != self.cycle_id:
            self.cycle_id = cycle_id
            self.hub.cycle_selected.emit(cycle_id if cycle_id is not None else -1)
