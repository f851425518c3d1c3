"""The keyboard rules of typing in a paper form, apart from any screen."""

from datetime import date

from pledge_desktop.domain.entry_keys import BoxKeys, KeyOutcome
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


PRIMARY_V2 = from_json(
    resource("questionnaires", "primary-breast-cancer-v2.json").read_text("utf-8")
)


def test_several_boxes_are_typed_top_to_bottom_and_an_earlier_box_goes_on() -> None:
    entry = FormEntry(PRIMARY_V2, serial=1)
    keys = BoxKeys(entry)
    entry.go_to("tx_received")
    assert keys.next_keys() == "type the number of each ticked box, top to bottom"
    for digit in (1, 3, 4):
        assert keys.digit(digit) == KeyOutcome()
    assert entry.current.code == "tx_received"
    assert keys.next_keys() == (
        "ticked 1, 3, 4; 5 or 6 ticks another; 1 to 4 or Enter: next question; Backspace unticks 4"
    )
    keys.digit(2)  # printed before the last tick: not a further tick, but the next answer
    assert entry.answers["tx_received"].value == (1, 3, 4)
    assert entry.answers["surgery_choice"].value == 2
    assert entry.current.code == "surgery_reconstruction"


def test_backspace_unticks_the_last_box_and_enter_still_ends_the_ticks() -> None:
    entry = FormEntry(PRIMARY_V2, serial=1)
    keys = BoxKeys(entry)
    entry.go_to("tx_received")
    keys.digit(2)
    keys.digit(6)
    assert "ticks another" not in keys.next_keys(), "nothing is printed after box 6"
    keys.backspace()
    assert entry.ticks == {2}
    keys.digit(3)
    assert keys.enter() == KeyOutcome()
    assert entry.answers["tx_received"].value == (2, 3)
    assert entry.current.code == "bcn_named", "no operation ticked: its questions skipped"


def test_going_back_to_ticks_typed_before_is_a_correction_digits_toggle() -> None:
    entry = FormEntry(PRIMARY_V2, serial=1)
    keys = BoxKeys(entry)
    entry.go_to("tx_received")
    for digit in (1, 3, 4, 1):  # the last 1 answers the operation's first question
        keys.digit(digit)
    entry.back()
    entry.back()
    assert entry.current.code == "tx_received"
    assert keys.next_keys() == (
        "typed before, ticked 1, 3, 4: a digit ticks or unticks its box; Enter: next question"
    )
    keys.digit(2)  # added: never taken for the next question's answer, typed already
    keys.digit(4)  # taken off
    assert entry.current.code == "tx_received" and entry.ticks == {1, 2, 3}
    keys.enter()
    assert entry.answers["tx_received"].value == (1, 2, 3)
    assert entry.answers["surgery_choice"].value == 1, "the next answer is as it was"


def test_a_digit_that_is_no_box_never_ends_the_ticks() -> None:
    entry = FormEntry(PRIMARY_V2, serial=1)
    keys = BoxKeys(entry)
    entry.go_to("tx_received")
    keys.digit(1)
    assert keys.digit(7).problem == (
        "7 is not a box on this question. The boxes are 1, 2, 3, 4, 5, 6."
    )
    assert entry.current.code == "tx_received" and entry.ticks == {1}


def test_plus_is_ten_on_the_0_to_10_scale_and_nowhere_else() -> None:
    entry = FormEntry(PRIMARY_V2, serial=1)
    keys = BoxKeys(entry)
    assert keys.ten().problem == (
        "+ (box 10) is not a box on this question. The boxes are 1, 2, 3, 4."
    )
    entry.go_to("overall_care")
    assert keys.next_keys() == "type the number beside the ticked box; + is 10"
    assert keys.ten() == KeyOutcome()
    assert entry.answers["overall_care"].value == 10


def test_one_on_the_0_to_10_scale_waits_and_the_next_digit_goes_on() -> None:
    entry = FormEntry(PRIMARY_V2, serial=1)
    keys = BoxKeys(entry)
    entry.go_to("overall_care")
    keys.digit(1)
    assert keys.next_keys() == "1… then 0 for box 10, or Enter for box 1"
    assert keys.digit(5) == KeyOutcome(carried="5"), "5 begins the written answer after"
    assert entry.answers["overall_care"].value == 1
    assert entry.typing == "5"
    entry.go_to("overall_care")
    keys.digit(1)
    keys.digit(0)
    assert entry.answers["overall_care"].value == 10


def test_a_box_that_ends_the_last_question_is_not_lost_silently() -> None:
    from pledge_desktop.domain.questionnaire import (
        AnswerType,
        Option,
        Question,
        Questionnaire,
        Section,
    )

    boxes = tuple(Option(c, f"Box {c}") for c in (1, 2, 3))
    last = Question("which", "Which?", AnswerType.MULTIPLE, options=boxes)
    entry = FormEntry(Questionnaire("One question", (Section("Only", (last,)),)), serial=1)
    keys = BoxKeys(entry)
    keys.digit(2)
    assert keys.digit(1).problem == "The form ends here, so 1 was not typed. Press Enter to save."
    assert entry.answers["which"].value == (2,)


def test_keystrokes_per_form_are_at_most_answers_plus_one() -> None:
    """A version-2 form typed as a nurse would: every box of the multiple choice ticked, and
    the next question's key ends the ticks. "Answers" counts each box ticked and each question
    asked (a blank one too: F2 records it); Enter saves the form at the end."""
    entry = FormEntry(PRIMARY_V2, serial=1)
    keys = BoxKeys(entry)
    pressed = 0
    while not entry.finished:
        q = entry.current
        if q.type.value == "multiple_choice" and not entry.ticks:
            for option in q.options:
                keys.digit(option.code)
                pressed += 1
        elif q.type.value == "multiple_choice":
            keys.digit(1)  # box 1 is printed before the last tick: it answers the next question
            pressed += 1
        elif q.code == "overall_care":
            keys.ten()
            pressed += 1
        elif q.type.has_options:
            keys.digit(q.options[0].code)
            pressed += 1
        else:
            entry.mark(AnswerState.LEFT_BLANK)
            pressed += 1
    pressed += 1  # Enter to save
    asked = [a for a in entry.answers.values() if a.state is not AnswerState.SKIPPED]
    answers = sum(len(a.value) if isinstance(a.value, tuple) else 1 for a in asked)
    assert entry.answers["tx_received"].value == (1, 2, 3, 4, 5, 6)
    assert pressed == answers + 1
