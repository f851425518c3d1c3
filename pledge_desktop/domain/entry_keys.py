"""What each key does on a question with boxes, as a nurse types them off the paper.

FormEntry (domain/survey_entry.py) knows what a tick is; this module knows what a key press
means, so that every key does one thing and the screen can say beforehand what that will be:

- One box ticked: its digit. On a question with a two-digit box (the 0 to 10 scale) a digit that
  may begin one waits: 1 then 0 is 10; 1 then Enter is 1; 1 then another digit is 1, and that
  digit goes on to the next question. + is 10 in one key.
- Several boxes ticked: their digits in the order the boxes are printed, top to bottom. A box
  printed after the last one ticked is ticked; a box at or before it cannot be a further tick, so
  it ends the question and is typed as the next question's answer. Enter ends it too, and
  Backspace unticks the last box ticked.
- Going back to several boxes typed before (Up, or a saved form opened again) is a correction:
  there a digit ticks or unticks its box and only Enter moves on, so that a change is never
  taken for the next question's answer, which is already typed.
- A digit that is no box on the question is explained and changes nothing: no key guesses.
"""

from __future__ import annotations

from dataclasses import dataclass

from pledge_desktop.domain.questionnaire import AnswerType, Question
from pledge_desktop.domain.survey_entry import FormEntry

TEN = 10  # the top of the 0 to 10 scale, typed with +


@dataclass(frozen=True)
class KeyOutcome:
    problem: str | None = None
    # a digit that went on to the next question and begins its written answer
    carried: str = ""


def codes_in_print_order(question: Question) -> list[int]:
    return [o.code for o in question.options]


def _not_a_box(question: Question, typed: str) -> str:
    codes = ", ".join(str(c) for c in codes_in_print_order(question))
    return f"{typed} is not a box on this question. The boxes are {codes}."


def _either(codes: list[int]) -> str:
    """1, 2 or 3; 1 to 6 for a longer run."""
    words = [str(c) for c in codes]
    if len(codes) >= 4 and codes == list(range(codes[0], codes[-1] + 1)):
        return f"{codes[0]} to {codes[-1]}"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


class BoxKeys:
    """The keys of the current question's boxes. One per form being typed."""

    def __init__(self, entry: FormEntry) -> None:
        self.entry = entry
        # the first digit of a two-digit box ("1" on a 0 to 10 scale), waiting for the next key
        self.waiting: int | None = None

    # --- keys -----------------------------------------------------------------------------
    def digit(self, digit: int) -> KeyOutcome:
        question = self._question()
        if question is None:
            return KeyOutcome()
        waiting, self.waiting = self.waiting, None
        if waiting is not None:
            if waiting * 10 + digit in codes_in_print_order(question):
                return self._box(question, waiting * 10 + digit, str(waiting * 10 + digit))
            outcome = self._box(question, waiting, str(waiting))  # the box was 1, not 10
            return outcome if outcome.problem else self._carry(digit)
        if self._starts_longer_box(question, digit):
            self.waiting = digit
            return KeyOutcome()
        return self._box(question, digit, str(digit))

    def ten(self) -> KeyOutcome:
        """+: box 10, the top of the 0 to 10 scale, in one key."""
        question = self._question()
        self.waiting = None
        if question is None:
            return KeyOutcome()
        if TEN not in codes_in_print_order(question):
            return KeyOutcome(_not_a_box(question, "+ (box 10)"))
        return self._box(question, TEN, "+")

    def enter(self) -> KeyOutcome:
        question = self._question()
        waiting, self.waiting = self.waiting, None
        if question is None:
            return KeyOutcome()
        if waiting is not None:
            return self._box(question, waiting, str(waiting))
        return KeyOutcome(self.entry.press_enter())

    def backspace(self) -> KeyOutcome:
        """Takes back a waiting digit, or the last box ticked of several."""
        question = self._question()
        if self.waiting is not None:
            self.waiting = None
        elif question is not None and question.type is AnswerType.MULTIPLE and self.entry.ticks:
            self.entry.ticks.discard(self._last_ticked(question))
        return KeyOutcome()

    def forget(self) -> None:
        """Any other key (Up, F2, F3, Esc…) forgets a waiting digit and does its own work."""
        self.waiting = None

    # --- what the next key will do, for the prompt and the screen reader ------------------
    def next_keys(self) -> str:
        question = self._question()
        if question is None:
            return ""
        codes = codes_in_print_order(question)
        if self.waiting is not None:
            first = self.waiting
            longer = [c for c in codes if c >= 10 and str(c).startswith(str(first))]
            then = " or ".join(f"{str(c)[len(str(first)) :]} for box {c}" for c in longer)
            return f"{first}… then {then}, or Enter for box {first}"
        if question.type is AnswerType.MULTIPLE:
            ticked = ", ".join(str(c) for c in codes if c in self.entry.ticks)
            if self._correcting(question):
                return (
                    f"typed before, ticked {ticked or 'none'}: a digit ticks or unticks its "
                    "box; Enter: next question"
                )
            if not self.entry.ticks:
                return "type the number of each ticked box, top to bottom"
            place = codes.index(self._last_ticked(question))
            parts = [f"ticked {ticked}"]
            if codes[place + 1 :]:
                parts.append(f"{_either(codes[place + 1 :])} ticks another")
            parts.append(f"{_either(codes[: place + 1])} or Enter: next question")
            parts.append(f"Backspace unticks {codes[place]}")
            return "; ".join(parts)
        hint = "type the number beside the ticked box"
        return hint + ("; + is 10" if TEN in codes else "")

    # --- inside ---------------------------------------------------------------------------
    def _question(self) -> Question | None:
        question = self.entry.current
        return question if question is not None and question.type.has_options else None

    def _starts_longer_box(self, question: Question, digit: int) -> bool:
        """Whether `digit` may be the first of a two-digit box, as 1 is of 10 on a 0 to 10
        scale (one box at a time: a multiple choice's boxes are typed as they come)."""
        if question.type is AnswerType.MULTIPLE:
            return False
        return any(
            code >= 10 and str(code).startswith(str(digit))
            for code in codes_in_print_order(question)
        )

    def _correcting(self, question: Question) -> bool:
        """Several boxes typed before, come back to: each digit toggles its box."""
        return question.code in self.entry.answers

    def _last_ticked(self, question: Question) -> int:
        return [c for c in codes_in_print_order(question) if c in self.entry.ticks][-1]

    def _box(self, question: Question, code: int, typed: str) -> KeyOutcome:
        codes = codes_in_print_order(question)
        if code not in codes:
            return KeyOutcome(_not_a_box(question, typed))
        if question.type is not AnswerType.MULTIPLE:
            return KeyOutcome(self.entry.press_digit(code))
        if self._correcting(question):
            self.entry.press_digit(code)  # ticks or unticks
            return KeyOutcome()
        if self.entry.ticks and codes.index(code) <= codes.index(self._last_ticked(question)):
            # printed at or before the last tick, so not a further tick: the next answer
            self.entry.press_enter()
            return self._carry(code, typed)
        self.entry.press_digit(code)
        return KeyOutcome()

    def _carry(self, code: int, typed: str | None = None) -> KeyOutcome:
        """A key that belongs to the next question, typed there."""
        typed = str(code) if typed is None else typed
        question = self.entry.current
        if question is None:
            return KeyOutcome(f"The form ends here, so {typed} was not typed. Press Enter to save.")
        if question.type.has_options:
            if typed == "+":
                return self.ten()
            return self.digit(code) if code < 10 else self._box(question, code, typed)
        self.entry.typing = typed
        return KeyOutcome(carried=typed)
