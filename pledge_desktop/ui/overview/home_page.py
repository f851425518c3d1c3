"""The overview: which hospital, which cycle, who leads it, and how safe the data is."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pledge_desktop.domain.setup import CycleStatus
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.widgets import page_title


class HomePage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.summary = QLabel()
        self.summary.setObjectName("overview")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(self.summary.textFormat().RichText)
        layout = QVBoxLayout(self)
        title = page_title(self.tr("Overview"))
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addStretch()
        context.hub.changed.connect(lambda _topic: self.refresh())
        context.hub.cycle_selected.connect(lambda _id: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        ws = self.context.workspace
        hospital = ws.setup.hospital()
        lines: list[str] = []
        if hospital:
            lines.append(f"<h2>{escape(hospital.name)}</h2>")
            codes = " · ".join(x for x in (hospital.trust_name, hospital.site_code) if x)
            if codes:
                lines.append(f"<p>{escape(codes)}</p>")
        cycle = next((c for c in ws.cycles.cycles() if c.id == self.context.cycle_id), None)
        if cycle:
            team = ws.setup.team(cycle.id) if cycle.id is not None else []
            reps = ws.setup.representatives(cycle.id) if cycle.id is not None else []
            lead = next((m.name for m in team if m.is_pledge_lead), None)
            lines.append(
                "<h3>"
                + escape(
                    self.tr("Pledge cycle %s: %s") % (cycle.label, CycleStatus(cycle.status).label)
                )
                + "</h3>"
            )
            lines.append(
                f"<p>{cycle.start_date:%d %B %Y} to {cycle.end_date:%d %B %Y}</p><ul>"
                f"<li>{escape(self.tr('Pledge Lead'))}: "
                f"{escape(lead or self.tr('not chosen yet (see Breast care team)'))}</li>"
                f"<li>{escape(self.tr('Breast care team'))}: {len(team)}</li>"
                f"<li>{escape(self.tr('Patient representatives'))}: {len(reps)}</li></ul>"
            )
        backups = ws.maintenance.backups()
        last = backups[0].taken_at if backups and backups[0].taken_at else None
        lines.append(
            "<p>"
            + escape(
                self.tr("Last backup: %s.")
                % (f"{last:%d %B %Y at %H:%M}" if last else self.tr("none yet"))
            )
            + " "
            + escape(self.tr("Data folder: %s") % ws.data_dir)
            + "</p>"
        )
        self.summary.setText("".join(lines))
