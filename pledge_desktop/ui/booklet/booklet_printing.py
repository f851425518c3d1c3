"""The Booklet section's printing: the plain-English check, the preview, the booklet in each
edition and the poster, each written through the identifier check (the nurse decides anything
it finds before a file is written)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QFileDialog

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.print_gate import PrintChoices
from pledge_desktop.ui.booklet.booklet_dialogs import PreviewDialog, WordingDialog
from pledge_desktop.ui.common.findings_review import through_the_check
from pledge_desktop.ui.common.messages import show_problem, show_status
from pledge_desktop.ui.common.words import plural

if TYPE_CHECKING:
    from pledge_desktop.ui.booklet.booklet_page import BookletPage

T = TypeVar("T")
EDITIONS = (
    ("pdf", "Printed booklet (PDF)", "PDF (*.pdf)"),
    ("html", "Web page for screen readers (HTML)", "Web page (*.html)"),
    ("docx", "Word document (DOCX)", "Word document (*.docx)"),
)


def saved_first(page: BookletPage) -> bool:
    return page.save() if page.dirty else page.context.cycle_id is not None


def check_wording(page: BookletPage, action: str | None = None) -> bool:
    """Show the plain-English check; True when the nurse goes on."""
    if not saved_first(page):
        return False
    assert page.context.cycle_id is not None
    try:
        check = page.context.workspace.booklet.check_wording(page.context.cycle_id)
    except PledgeError as error:
        show_problem(page, page.tr("Wording not checked"), error)
        return False
    dialog = WordingDialog(check, action or page.tr("Close"), page)
    return bool(dialog.exec())


def preview(page: BookletPage) -> None:
    if not saved_first(page):
        return
    folder = Path(tempfile.mkdtemp(prefix="pledge-preview-"))
    pdf = folder / "booklet-preview.pdf"
    if write_pdf(page, pdf):
        PreviewDialog(pdf, page).exec()
    pdf.unlink(missing_ok=True)
    folder.rmdir()


def write_booklet(page: BookletPage) -> None:
    if not check_wording(page, page.tr("Write the booklet")):
        return
    edition = page.edition.currentData()
    if edition != "pdf":
        write_edition(page, edition)
        return
    size = "-large-print" if page.large_print.isChecked() else ""
    layout = "-imposed" if page.imposed.isChecked() else ""
    layout += "-print-shop" if page.print_shop.isChecked() else ""
    name = ask_where(page, f"booklet{size}{layout}", page.tr("Save the booklet"))
    if name and write_pdf(page, Path(name)):
        show_status(page, page.tr("Wrote the booklet to %s") % name, 15000)


def write_edition(page: BookletPage, edition: str) -> None:
    _key, _name, pattern = next(e for e in EDITIONS if e[0] == edition)
    name = ask_where(page, "booklet", page.tr("Save the booklet"), edition, pattern)
    if not name:
        return
    assert page.context.cycle_id is not None
    workspace = page.context.workspace
    cycle_id = page.context.cycle_id
    written = booklet_written(
        page,
        lambda choices: (
            workspace.booklet.write_edition(
                cycle_id, Path(name), edition, fictional=workspace.is_demo, choices=choices
            )
            or True
        ),
    )
    if not written:
        return
    show_status(page, page.tr("Wrote the booklet to %s") % name, 15000)


def write_pdf(page: BookletPage, path: Path) -> bool:
    assert page.context.cycle_id is not None
    workspace = page.context.workspace
    cycle_id = page.context.cycle_id
    written = booklet_written(
        page,
        lambda choices: workspace.booklet.write(
            cycle_id,
            path,
            large_print=page.large_print.isChecked(),
            imposed=page.imposed.isChecked(),
            print_shop=page.print_shop.isChecked(),
            fictional=workspace.is_demo,
            choices=choices,
        ),
    )
    if written is None:
        return False
    page.last_written = written
    return True


def booklet_written(page: BookletPage, write: Callable[[PrintChoices], T]) -> T | None:
    """The booklet written through the identifier check, or None (and why, when it failed)."""
    try:
        return checked(page, page.tr("the booklet"), write)
    except PledgeError as error:
        show_problem(page, page.tr("Booklet not written"), error)
        return None


def write_poster(page: BookletPage) -> None:
    if not saved_first(page):
        return
    name = ask_where(page, "you-said-we-are-doing", page.tr("Save the poster"))
    if not name:
        return
    workspace = page.context.workspace
    assert page.context.cycle_id is not None
    cycle_id = page.context.cycle_id
    try:
        rows = checked(
            page,
            page.tr("the poster"),
            lambda choices: workspace.booklet.write_poster(
                cycle_id,
                Path(name),
                "A3" if page.poster_a3.isChecked() else "A4",
                fictional=workspace.is_demo,
                choices=choices,
            ),
        )
    except PledgeError as error:
        show_problem(page, page.tr("Poster not written"), error)
        return
    if rows is None:
        return
    show_status(
        page, page.tr("Wrote the poster (%s) to %s") % (plural(rows, "finding"), name), 15000
    )


def checked(page: BookletPage, what: str, write: Callable[[PrintChoices], T]) -> T | None:
    """Written through the identifier check: the nurse decides anything it finds."""
    return through_the_check(page, what, page.context.workspace.booklet.not_an_identifier, write)


def ask_where(
    page: BookletPage, stem: str, title: str, suffix: str = "pdf", pattern: str = "PDF (*.pdf)"
) -> str:
    label = page.context.workspace.cycles.cycles()
    cycle = next((c.label for c in label if c.id == page.context.cycle_id), "")
    suggested = Path.home() / f"{stem}-{cycle}.{suffix}"
    name, _ = QFileDialog.getSaveFileName(page, title, str(suggested), page.tr(pattern))
    return name
