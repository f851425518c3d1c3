"""The questionnaire editor's forms on the right: a section's title, a question's fields."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from pledge_desktop.domain.questionnaire import (
    AnswerType,
    Option,
    Question,
    standard_options,
)
from pledge_desktop.domain.questionnaire_edit import (
    options_text,
    parse_options,
    parse_rule,
    rule_text,
)
from pledge_desktop.ui.common.widgets import describe

TYPE_WORDS = {
    AnswerType.SINGLE: "Single choice",
    AnswerType.MULTIPLE: "Multiple choice (tick all that apply)",
    AnswerType.AGREEMENT: "Agreement scale (5 points)",
    AnswerType.YES_NO_NA: "Yes / No / Does not apply",
    AnswerType.NUMBER: "Whole number",
    AnswerType.DATE: "Date",
    AnswerType.SHORT_TEXT: "Short text",
    AnswerType.LONG_TEXT: "Long free text",
}


NOT_APPLICABLE = "Does not apply to me"


def fixed_options(answer_type: AnswerType, existing: Question | None) -> tuple[Option, ...]:
    """The answers of an agreement or yes/no question: the question's own when it already is
    one (so "Does not apply to me" stays), else the usual ones with "Does not apply to me",
    counted apart from the base."""
    if existing is not None and existing.type is answer_type and existing.options:
        return existing.options
    usual = [
        replace(o, not_in_base=True) if o.label == NOT_APPLICABLE else o
        for o in standard_options(answer_type)
    ]
    if answer_type is AnswerType.AGREEMENT:
        usual.append(Option(len(usual) + 1, NOT_APPLICABLE, not_in_base=True))
    return tuple(usual)


def keep_counted_apart(options: tuple[Option, ...], existing: Question) -> tuple[Option, ...]:
    """Options read back from the answer list keep whether they were counted apart from the
    base ("Don't know", "Does not apply to me"), matched on their number."""
    apart = {o.code for o in existing.options if o.not_in_base}
    return tuple(replace(o, not_in_base=o.code in apart) for o in options)


class QuestionFields:
    """Part of the screen that uses it; kept apart to keep each module small."""

    def _section_form(self) -> QWidget:
        page = QWidget()
        self.section_title = QLineEdit()
        self.section_title.setObjectName("sectionTitle")
        describe(self.section_title, self.tr("The section's heading as printed on the form."))
        self.section_intro = QPlainTextEdit()
        self.section_intro.setObjectName("sectionIntro")
        describe(
            self.section_intro,
            self.tr("A few words printed under the section's heading (optional)."),
        )
        self.section_intro.setTabChangesFocus(True)
        self.section_title.textEdited.connect(lambda _t: self._section_changed("title"))
        self.section_intro.textChanged.connect(lambda: self._section_changed("intro"))
        form = QFormLayout(page)
        form.addRow(self.tr("Section &title"), self.section_title)
        form.addRow(self.tr("Introductio&n"), self.section_intro)
        return page

    def _question_form(self) -> QWidget:
        page = QWidget()
        self.q_text = QPlainTextEdit()
        self.q_text.setObjectName("questionText")
        self.q_text.setTabChangesFocus(True)
        self.q_text.setFixedHeight(self.q_text.fontMetrics().lineSpacing() * 3 + 12)
        self.q_code = QLineEdit()
        self.q_code.setObjectName("questionCode")
        self.q_code.setToolTip(
            self.tr("Results and exports join answers on this code: keep it when rewording.")
        )
        self.q_type = QComboBox()
        self.q_type.setObjectName("questionType")
        for answer_type, words in TYPE_WORDS.items():
            self.q_type.addItem(self.tr(words), answer_type.value)
        self.q_options = QPlainTextEdit()
        self.q_options.setObjectName("questionOptions")
        self.q_options.setTabChangesFocus(True)
        self.q_options.setPlaceholderText("1 Yes\n2 No")
        self.q_options.setMaximumHeight(self.q_options.fontMetrics().lineSpacing() * 7 + 12)
        self.q_required = QCheckBox(self.tr("An answer is expected"))
        self.q_quasi = QCheckBox(self.tr("Could help identify someone (age band, sex, ethnicity…)"))
        self.q_quasi.setObjectName("quasiIdentifier")
        self.q_range = QLineEdit()
        self.q_range.setObjectName("questionRange")
        self.q_range.setPlaceholderText(self.tr("e.g. 18 to 110"))
        self.q_hint = QLineEdit()
        self.q_rule = QLineEdit()
        self.q_rule.setObjectName("questionRule")
        self.q_rule.setPlaceholderText(self.tr("always; or e.g. bcn_named = 1"))
        self.q_text.textChanged.connect(lambda: self._question_changed("text"))
        for line, name in (
            (self.q_code, "code"),
            (self.q_range, "range"),
            (self.q_hint, "hint"),
            (self.q_rule, "rule"),
        ):
            line.textEdited.connect(lambda _t, n=name: self._question_changed(n))
        self.q_options.textChanged.connect(lambda: self._question_changed("options"))
        self.q_type.currentIndexChanged.connect(lambda _i: self._question_changed("type"))
        self.q_required.toggled.connect(lambda _on: self._question_changed("required"))
        self.q_quasi.toggled.connect(lambda _on: self._question_changed("quasi"))
        form = QFormLayout(page)
        form.addRow(self.tr("&Wording"), self.q_text)
        form.addRow(self.tr("&Answer type"), self.q_type)
        form.addRow(self.tr("Answer &list (number, then words)"), self.q_options)
        form.addRow(self.tr("&Number range"), self.q_range)
        form.addRow(self.tr("As&k only if"), self.q_rule)
        form.addRow(self.tr("Hint for the pa&tient"), self.q_hint)
        form.addRow(self.tr("Code"), self.q_code)
        form.addRow("", self.q_required)
        form.addRow("", self.q_quasi)
        self.q_goals = QLabel()
        self.q_goals.setObjectName("questionGoals")
        self.q_goals.setWordWrap(True)
        form.addRow(self.tr("Goals resting on it"), self.q_goals)
        return page

    def _show_question(self, question: Question) -> None:
        self.q_text.setPlainText(question.text)
        self.q_code.setText(question.code)
        self.q_type.setCurrentIndex(self.q_type.findData(question.type.value))
        self.q_options.setPlainText(options_text(question.options))
        self.q_required.setChecked(question.required)
        self.q_quasi.setChecked(question.quasi_identifier)
        low, high = question.minimum, question.maximum
        self.q_range.setText(f"{low:g} to {high:g}" if low is not None and high is not None else "")
        self.q_hint.setText(question.hint)
        self.q_rule.setText(rule_text(question.show_if))
        goals = self.context.workspace.goals.goals_for_question(question.code)
        self.q_goals.setText(
            "; ".join(f"{title} ({cycle})" for cycle, title in goals) or self.tr("none yet")
        )
        self._update_option_box(question.type)

    def _update_option_box(self, answer_type: AnswerType) -> None:
        fixed = answer_type in (AnswerType.AGREEMENT, AnswerType.YES_NO_NA)
        editable = not self.locked
        self.q_options.setEnabled(editable and answer_type.has_options)
        self.q_options.setReadOnly(fixed)
        self.q_range.setEnabled(editable and answer_type is AnswerType.NUMBER)

    def _question_from_fields(
        self, answer_type: AnswerType, existing: Question
    ) -> tuple[Question | None, str]:
        """The question as the fields now say, keeping what they do not show (its second
        language, REDCap's checks and limits, answers counted apart from the base)."""
        options: tuple = ()
        if answer_type in (AnswerType.AGREEMENT, AnswerType.YES_NO_NA):
            options = fixed_options(answer_type, existing)
        elif answer_type.has_options:
            options, problem = parse_options(self.q_options.toPlainText())
            if problem:
                return None, problem
            options = keep_counted_apart(options, existing)
        rule, problem = parse_rule(self.q_rule.text())
        if problem:
            return None, problem
        low = high = None
        if answer_type is AnswerType.NUMBER and self.q_range.text().strip():
            parts = self.q_range.text().lower().replace("-", " to ").split("to")
            try:
                low, high = (float(p) for p in parts)
            except ValueError:
                return None, self.tr('Give the range as two numbers, like "18 to 110".')
        code = self.q_code.text().strip()
        if answer_type is not existing.type:  # checks made for another kind of answer
            existing = replace(existing, validation="", earliest="", latest="")
        return (
            replace(
                existing,
                code=code,
                text=" ".join(self.q_text.toPlainText().split()),
                type=answer_type,
                options=options,
                required=self.q_required.isChecked(),
                quasi_identifier=self.q_quasi.isChecked(),
                minimum=low,
                maximum=high,
                hint=self.q_hint.text().strip(),
                show_if=rule,
            ),
            "",
        )
