"""Make every picture in the user guide again, from the demo, on a 1366 × 768 screen.

    python docs/make_screenshots.py          # starts its own Xvfb screen and openbox
    python docs/make_screenshots.py --here   # uses the screen in $DISPLAY as it is

The pictures are written to resources/help/images/ under the names the guide uses, so the
guide never drifts from the app. Needs Xvfb and openbox (Linux) unless --here is given.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "resources" / "help" / "images"
SCREEN = (1366, 768)


def on_a_screen_of_our_own(args: list[str]) -> int:
    """Run this script again inside a fresh Xvfb screen with a window manager."""
    for tool in ("Xvfb", "openbox"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (or run with --here on a screen of 1366 × 768).")
    display = ":47"
    screen = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    time.sleep(1.0)
    manager = subprocess.Popen(
        ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(1.0)
    try:
        return subprocess.run(
            [sys.executable, __file__, "--here", *args], env=env, cwd=ROOT
        ).returncode
    finally:
        manager.terminate()
        screen.terminate()
        manager.wait()
        screen.wait()


def make_pictures(out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings, QSize, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

    from pledge_desktop import APP_NAME
    from pledge_desktop.services.demo.build import fill_demo
    from pledge_desktop.services.workspace import open_workspace
    from pledge_desktop.ui.common.theme import apply_theme
    from pledge_desktop.ui.shell.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="pledge-pictures-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "ini"))
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    apply_theme(app)

    def settle(seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def save(widget: QWidget, name: str) -> None:
        settle()
        picture = widget.grab().toImage()
        picture.save(str(out / f"{name}.png"), "PNG", 9)
        print(f"  {name}.png  {picture.width()} × {picture.height()}")

    def window_on(workspace) -> MainWindow:  # type: ignore[no-untyped-def]
        window = MainWindow()
        window.showMaximized()
        window.set_workspace(workspace)
        settle(0.8)
        return window

    # a new folder: the welcome screen, and the first step of setting up
    empty = open_workspace(work / "new")
    window = window_on(empty)
    save(window, "welcome")
    from pledge_desktop.ui.setup.welcome import FirstSetupWizard

    assert window.context is not None
    wizard = FirstSetupWizard(window.context, window)
    wizard.show()
    settle()
    form = wizard.hospital_page.form
    typed: Callable[[str, str], None] = lambda name, text: form.widget(name).setText(text)  # noqa: E731
    typed("name", "Riverside General Hospital")
    typed("site_code", "RZZ0")
    wizard.next()  # the site code is too short: the step explains and stays
    focus = form.widget("site_code")
    if isinstance(focus, QLineEdit):
        focus.setFocus()
    save(wizard, "first-setup")
    wizard.reject()
    window.close()

    demo = open_workspace(work / "demo", demo=True)
    fill_demo(demo)
    window = window_on(demo)
    assert window.context is not None
    names = [window.nav.item(i).text() for i in range(window.nav.count())]

    def section(name: str) -> QWidget:
        window.go_to(names.index(name))
        settle()
        return window.current_page()

    section("Overview")
    save(window, "overview")
    page = section("Pledge cycles")
    save(window, "cycles")
    from pledge_desktop.ui.setup.sign_off_dialog import SignOffDialog

    first = demo.cycles.find("2025").id
    dialog = SignOffDialog(window.context, first, window)  # type: ignore[arg-type]
    dialog.show()
    settle()
    save(dialog, "sign-off")
    dialog.reject()
    page = section("Breast care team")
    page.table.selectRow(0)  # type: ignore[attr-defined]
    save(window, "team")
    page = section("Questionnaires")
    save(window, "questionnaire-editor")
    page = section("Type in surveys")
    typed_forms = demo.survey_entry.count(window.context.cycle_id)  # type: ignore[arg-type]
    if typed_forms:
        page.open_form(3)  # type: ignore[attr-defined]
        settle()
    save(window, "entry")
    page.leave_form() if hasattr(page, "leave_form") else None  # type: ignore[attr-defined]
    section("Check typed forms")
    save(window, "checks")
    section("Goals and standards")
    save(window, "goals")
    section("Results")
    save(window, "results")
    section("Meetings and involvement")
    save(window, "meetings")
    from pledge_desktop.ui.year.meeting_dialog import MeetingDialog

    held = demo.meetings.meetings(window.context.cycle_id)  # type: ignore[arg-type]
    if held:
        dialog = MeetingDialog(window.context, held[0], window)
        dialog.show()
        settle()
        save(dialog, "meeting")
        dialog.reject()

    from pledge_desktop.ui.interviews.transcript_dialog import TranscriptDialog

    interview = demo.interviews.interviews(window.context.cycle_id)[0]  # type: ignore[arg-type]
    dialog = TranscriptDialog(window.context, interview, window)
    dialog.show()
    save(dialog, "interview-coding")
    dialog.reject()

    # the identifier check before the booklet is written, on words a nurse might type
    from pledge_desktop.domain.print_gate import public_facts, review_print
    from pledge_desktop.domain.privacy import OutgoingText
    from pledge_desktop.ui.common.findings_review import FindingsDialog

    typed = [
        OutgoingText("goal", "2", "title", "Ring Mrs Joan Smith back on 07700 900461"),
        OutgoingText("quote", "1", "words", "I was born on 3 May 1951 and nobody explained."),
    ]
    contents = demo.booklet.contents(window.context.cycle_id)  # type: ignore[arg-type]
    found = review_print(typed, public_facts(contents))
    dialog = FindingsDialog(found, "the booklet", lambda _found: None, window)
    dialog.show()
    settle()
    save(dialog, "print-check")
    dialog.reject()

    # a page of the booklet, as printed
    from PySide6.QtPdf import QPdfDocument

    pdf = work / "booklet.pdf"
    demo.booklet.write(window.context.cycle_id, pdf, fictional=True)  # type: ignore[arg-type]
    document = QPdfDocument()
    document.load(str(pdf))
    page_size = document.pagePointSize(2)
    scale = 674 / page_size.height()
    single = QSize(round(page_size.width() * scale), 674)
    spread = QImage(single.width() * 2 + 30, single.height() + 20, QImage.Format.Format_RGB32)
    spread.fill(Qt.GlobalColor.lightGray)
    painter = QPainter(spread)
    for column, number in enumerate((1, 2)):
        picture = document.render(number, single)
        painter.drawImage(10 + column * (single.width() + 10), 10, picture)
    painter.end()
    spread.save(str(out / "booklet-page.png"), "PNG", 9)
    print(f"  booklet-page.png  {spread.width()} × {spread.height()}")
    window.close()
    demo.close()
    empty.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--here", action="store_true", help="use the screen in $DISPLAY")
    parser.add_argument("--out", type=Path, default=IMAGES, help="where to write the pictures")
    args = parser.parse_args()
    if not args.here:
        return on_a_screen_of_our_own(["--out", str(args.out)])
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"Pictures for the user guide, in {args.out}:")
    make_pictures(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
