"""The time spent typing in forms is measured as the nurse types, interruptions left out."""

from PySide6.QtCore import Qt

from pledge_desktop.ui.surveys.typing_clock import TypingClock


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_long_pause_ends_a_session_and_is_not_counted() -> None:
    fake = FakeClock()
    clock = TypingClock(fake)
    for _ in range(10):  # ten keys a minute apart: nine minutes at the keyboard
        clock.tick()
        fake.now += 60
    fake.now += 3600  # the phone rang: an hour away
    clock.tick()
    fake.now += 90
    clock.tick()
    assert clock.take_minutes() == 10  # 9 minutes, then 1.5 more
    assert clock.take_minutes() == 0, "the half minute left waits for more typing"
    fake.now += 30
    clock.tick()
    assert clock.take_minutes() == 1


def test_leaving_the_entry_screen_records_the_typing_time(qtbot, open_window, demo_workspace):
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    fake = FakeClock()
    page.typing_clock = TypingClock(fake)
    for digit in "0042":
        qtbot.keyClicks(page.serial_input, digit)
        fake.now += 50
    cycle_id = demo_workspace.cycles.find("2026").id
    before = demo_workspace.time_spent.summary(cycle_id)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # to the Overview
    after = demo_workspace.time_spent.summary(cycle_id)
    typing = "typing_surveys"
    assert after[typing] == before[typing] + 2, "150 seconds at the keyboard: 2 whole minutes"
