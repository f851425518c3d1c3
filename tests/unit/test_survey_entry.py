"""The keyboard rules of typing in a paper form, apart from any screen."""

from datetime import date

from pledge_desktop.domain.questionnaire import from_json
from pledge_desktop.domain.survey_entry import AnswerState, FormEntry
from pledge_desktop.paths import resource

PRIMARY = from_json(resource("questionnaires", "primary-breast-cancer.json").read_text("utf-8"))


def test_one_digit_answers_a_choice_and_moves_on() -> None:
    entry = FormEntry(PRIMARY, serial=1)
    assert entry.current.code == "diag_private"
    assert entry.press_digit(1) is None
    assert entry.answers["diag_private"].value == 1
    assert entry.current.code == "diag_companion"


def test_a_digit_that_is_not_a_box_is_explained() -> None:
    entry = FormEntry(PRIMARY, serial=1)
    assert entry.press_digit(7) == "7 is not a box on this question. The boxes are 1, 2, 3."
    assert entry.current.code == "diag_private"


def test_show_rules_skip_and_record_the_skipped_questions() -> None:
    entry = FormEntry(PRIMARY, serial=1)
    for digit in (1, 1, 1, 1):
        entry.press_digit(digit)
    assert entry.current.code == "bcn_named"
    entry.press_digit(2)  # No breast care nurse named: her three questions are not asked
    assert entry.current.code == "tx_options"
    for code in ("bcn_contact", "bcn_answers", "bcn_listened"):
        assert entry.answers[code].state is AnswerState.SKIPPED


def test_going_back_and_changing_an_answer_asks_the_skipped_questions_again() -> None:
    entry = FormEntry(PRIMARY, serial=1)
    for digit in (1, 1, 1, 1, 2):
        entry.press_digit(digit)
    entry.back()
    assert entry.current.code == "bcn_named"
    entry.press_digit(1)
    assert entry.current.code == "bcn_contact"
    assert "bcn_contact" not in entry.answers


def test_multiple_choice_toggles_then_enter() -> None:
    entry = FormEntry(PRIMARY, serial=1)
    entry.go_to("tx_received")
    assert entry.press_enter() == (
        "Tick at least one box, or press F2 if the question was left blank."
    )
    for digit in (1, 3, 4, 3):
        entry.press_digit(digit)
    entry.press_enter()
    assert entry.answers["tx_received"].value == (1, 4)
    assert entry.current.code == "surgery_ready"  # surgery was ticked
    entry.press_digit(1)
    entry.press_digit(1)
    assert entry.current.code == "tx_wait", "no chemotherapy or radiotherapy: skipped"


def test_blank_and_unreadable_are_one_key_each() -> None:
    entry = FormEntry(PRIMARY, serial=1)
    entry.mark(AnswerState.LEFT_BLANK)
    entry.mark(AnswerState.UNREADABLE)
    assert entry.answers["diag_private"].state is AnswerState.LEFT_BLANK
    assert entry.answers["diag_companion"].state is AnswerState.UNREADABLE
    assert entry.current.code == "diag_understood"


def test_text_is_committed_with_enter_and_the_form_finishes() -> None:
    entry = FormEntry(PRIMARY, serial=1)
    entry.go_to("improve_one_thing")
    assert entry.press_enter("   ") is not None
    entry.press_enter("Shorter waits in clinic")
    entry.mark(AnswerState.LEFT_BLANK)
    for digit in (3, 1, 2):
        entry.press_digit(digit)
    assert entry.finished
    assert entry.answers["improve_one_thing"].value == "Shorter waits in clinic"


def test_dates_and_numbers_are_checked_as_typed() -> None:
    from pledge_desktop.domain.questionnaire import AnswerType, Question
    from pledge_desktop.domain.survey_entry import parse_typed

    day = Question("d", "When?", AnswerType.DATE)
    assert parse_typed(day, "14/03/2026") == (date(2026, 3, 14), None)
    assert parse_typed(day, "14.3.26") == (date(2026, 3, 14), None)
    assert (
        parse_typed(day, "31/02/2026")[1] == "That date does not exist. Type it as day/month/year."
    )
    count = Question("n", "How many?", AnswerType.NUMBER, minimum=0, maximum=20)
    assert parse_typed(count, "12") == (12, None)
    assert parse_typed(count, "twelve")[1] == "Type a number, like 12."
    assert parse_typed(count, "25")[1] == "The number must be at most 20."


def test_keystrokes_per_form_are_at_most_answers_plus_one() -> None:
    """A form answered straight through: one key per choice, text + Enter, save on the last."""
    entry = FormEntry(PRIMARY, serial=1)
    keys = 0
    while not entry.finished:
        q = entry.current
        if q.type.value == "multiple_choice":
            entry.press_digit(1)
            entry.press_enter()
            keys += 2
        elif q.type.has_options:
            entry.press_digit(q.options[0].code)
            keys += 1
        else:
            entry.mark(AnswerState.LEFT_BLANK)
            keys += 1
    answered = sum(1 for a in entry.answers.values() if a.state is not AnswerState.SKIPPED)
    assert keys <= answered + 1
