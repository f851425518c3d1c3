"""Show rules seen from the paper: "Go to question 9" beside the answer that skips.

A question shown only for some answers of an earlier question (its filter) is, on paper, the
filter's other answers sending the patient on past it. When every condition of a rule is on the
filter, and the dependent questions follow the filter straight away, that is all the patient
needs to read; any other rule is printed on the dependent question itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from pledge_desktop.domain.questionnaire import AnswerType, Question, Questionnaire, is_shown

_ONE_ANSWER = (AnswerType.SINGLE, AnswerType.AGREEMENT, AnswerType.YES_NO_NA)


@dataclass(frozen=True)
class Routing:
    # (filter question code, answer code) -> the printed number to go to; None: the end
    go_to: dict[tuple[str, int], int | None]
    # dependent questions whose rule the go-tos already tell: no note on them
    told_by_go_to: frozenset[str]

    def target(self, question: str, option: int) -> int | bool | None:
        """The number to go to, None for the end of the form, False when the answer does not
        skip."""
        return self.go_to.get((question, option), False)


def _only_on(question: Question, filter_code: str) -> bool:
    rule = question.show_if
    return rule is not None and all(c.question == filter_code for c in rule.conditions)


def routing(questionnaire: Questionnaire) -> Routing:
    numbered = questionnaire.numbered()
    go_to: dict[tuple[str, int], int | None] = {}
    told: set[str] = set()
    for index, (_number, parent) in enumerate(numbered):
        if parent.type not in _ONE_ANSWER:
            continue
        following = []  # the run of questions straight after, shown only on this filter's say
        for _n, later in numbered[index + 1 :]:
            if not _only_on(later, parent.code):
                break
            following.append(later)
        if not following:
            continue
        after = index + 1 + len(following)
        for option in parent.options:
            answers = {parent.code: option.code}
            if is_shown(following[0], answers):
                continue  # this answer goes on to the next question as usual
            skipped = 1
            while skipped < len(following) and not is_shown(following[skipped], answers):
                skipped += 1
            if skipped < len(following):  # shows a later one but not the next: go there
                go_to[(parent.code, option.code)] = numbered[index + 1 + skipped][0]
            else:
                go_to[(parent.code, option.code)] = (
                    numbered[after][0] if after < len(numbered) else None
                )
        if any(key[0] == parent.code for key in go_to):
            told.update(q.code for q in following)
    return Routing(go_to, frozenset(told))


__all__ = ["Routing", "routing"]
