"""The results report for a team meeting: results, the previous cycle, themes and goals read
together, then written as one PDF."""

from __future__ import annotations

from pathlib import Path

from pledge_desktop.services.goals.goals import GoalsService
from pledge_desktop.services.interviews.coding import CodingService
from pledge_desktop.services.records import write_whole
from pledge_desktop.services.results.results import ResultsFilter, ResultsService
from pledge_desktop.services.setup import SetupService

COMMENTS_SHOWN = 60  # per question; the app lists them all


class TeamReportService:
    def __init__(
        self,
        results: ResultsService,
        goals: GoalsService,
        coding: CodingService,
        setup: SetupService,
    ) -> None:
        self._results = results
        self._goals = goals
        self._coding = coding
        self._setup = setup

    def write(self, cycle_id: int, out: Path, chosen: ResultsFilter | None = None) -> int:
        """Write the report; returns its page count. The file appears only when complete."""
        from pledge_desktop.reports.results_report import TeamReport, write_results_report

        chosen = chosen or ResultsFilter()
        hospital = self._setup.hospital()
        report = TeamReport(
            hospital=hospital.name if hospital else "",
            results=self._results.cycle_results(cycle_id, chosen, comments_limit=COMMENTS_SHOWN),
            previous=self._results.previous_results(cycle_id),
            themes=tuple(
                (s.theme.name, s.interviews, s.passages) for s in self._coding.summary(cycle_id)
            ),
            goals=tuple(self._goals.board(cycle_id)),
            comments_shown=COMMENTS_SHOWN,
            filter_note=chosen.describe(),
            response_rate=self._results.response_rate(cycle_id, chosen),
            comment_themes=self._results.written.by_theme(cycle_id, chosen),
        )
        pages: int = write_whole(out, lambda part: write_results_report(part, report))
        return pages
