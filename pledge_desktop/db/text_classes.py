"""Every text column of the schema, classed once: it stays in the app, leaves through the
privacy gate (domain/privacy.py), or is structural (codes, choices, fingerprints).

tests/db/test_text_classes.py walks the models and fails when a text column has no class here,
so a new column cannot leak by being forgotten. Whatever writes an output takes the columns to
check from `columns_that_leave()`, never from a hand-made list.
"""

from __future__ import annotations

from pledge_desktop.domain.privacy import TextClass

STAYS, LEAVES, STRUCTURAL = TextClass.STAYS, TextClass.LEAVES, TextClass.STRUCTURAL

# (class, why, "table.column" ...): one group per reason
GROUPS: tuple[tuple[TextClass, str, tuple[str, ...]], ...] = (
    (
        STAYS,
        "the team's own working notes and memos, which never leave the app",
        (
            "pledge_cycle.notes",
            "survey_batch.label",
            "survey_batch.close_reason",
            "care_standard.review_note",
            "coded_passage.memo",
            "meeting.notes",
            "meeting_decision.note",
            "representative_involvement.description",
            "time_entry.note",
        ),
    ),
    (
        STAYS,
        "what patients said in full, and how they are known to the team",
        (
            "interview.transcript",
            "interview.pseudonym",
            "interview.consent_how",
            "interview.audio_file",
        ),
    ),
    (
        STAYS,
        "who signed the pledge off: named only in the team's consent to publish, a letter to "
        "the charity, never in the package's tables, the booklet or pledge.json",
        ("sign_off.signed_by", "sign_off.role"),
    ),
    (
        STAYS,
        "private contact details of staff and patient representatives",
        ("team_member.email", "patient_representative.contact"),
    ),
    (
        STAYS,
        "forms half typed, typings being checked, and who checked them",
        (
            "entry_draft.payload",
            "check_draft.payload",
            "verification_check.checked_by",
            "verification_difference.first_typing",
            "verification_difference.second_typing",
        ),
    ),
    (
        STAYS,
        "the audit trail and the app's own settings, which hold who did what and old values",
        (
            "audit_entry.os_user",
            "audit_entry.entity_id",
            "audit_entry.old_value",
            "audit_entry.new_value",
            "app_setting.value",
            "questionnaire.source",
        ),
    ),
    (
        LEAVES,
        "the pledge itself, published in the booklet and sent in the package",
        (
            "goal.title",
            "goal.description",
            "goal.why",
            "goal.status_reason",
            "goal_update.note",
            "care_standard.text",
            "pledge_cycle.label",
        ),
    ),
    (
        LEAVES,
        "patients' words chosen for print or analysis, and the themes they are coded into",
        (
            "quote.wording",
            "quote.attributed_to",
            "coded_passage.text",
            "theme.name",
            "theme.description",
            "interview.stages",
        ),
    ),
    (
        LEAVES,
        "written answers on the survey forms",
        ("survey_answer.text",),
    ),
    (
        LEAVES,
        "the booklet's own words and results sentences",
        (
            "booklet.welcome",
            "booklet.contact",
            "booklet.out_of_hours",
            "booklet.get_involved",
            "booklet.other_formats",
            "booklet.cover_line",
            "booklet.credit_line",
            "booklet.helplines",
            "booklet_highlight.wording",
        ),
    ),
    (
        LEAVES,
        "the hospital and the unit's public contact details, printed on forms and the booklet",
        (
            "hospital.name",
            "hospital.trust_name",
            "hospital.unit_phone",
            "hospital.out_of_hours_phone",
            "hospital.address",
        ),
    ),
    (
        LEAVES,
        "names, roles and phones printed on the booklet's team page (representatives only with "
        "their consent to be named)",
        (
            "team_member.name",
            "team_member.role",
            "team_member.phone",
            "patient_representative.name",
        ),
    ),
    (
        LEAVES,
        "the questionnaire's name and wording, which travel with the answers",
        ("questionnaire.name", "questionnaire.definition"),
    ),
    (
        STRUCTURAL,
        "codes, choices from a fixed list, id lists and fingerprints, never typed as prose",
        (
            "app_setting.key",
            "hospital.trust_code",
            "hospital.site_code",
            "pledge_cycle.status",
            "pledge_cycle.pledge_type",
            "pledge_cycle.hand_out_method",
            "goal.drop_reason",
            "goal.national_category",
            "theme.national_code",
            "meeting.kind",
            "meeting_decision.decision",
            "representative_involvement.activity",
            "time_entry.activity",
            "sign_off.leaflet_reference",
            "survey_response.status",
            "survey_answer.question_code",
            "survey_answer.state",
            "verification_difference.question_code",
            "verification_difference.paper_agrees_with",
            "goal.term",
            "goal.status",
            "goal_update.progress",
            "goal_evidence.kind",
            "goal_evidence.ref",
            "booklet.goals_left_out",
            "booklet.standards_left_out",
            "booklet.quotes_left_out",
            "booklet.language",
            "booklet_highlight.question_code",
            "booklet_highlight.option_codes",
            "interview.setting",
            "interview.audio_sha256",
            "theme.colour",
            "quote.attribution",
            "audit_entry.action",
            "audit_entry.entity",
            "audit_entry.field",
            "audit_entry.chain_hash",
        ),
    ),
)

TEXT_CLASSES: dict[str, TextClass] = {
    column: text_class for text_class, _why, columns in GROUPS for column in columns
}


def text_class(table: str, column: str) -> TextClass:
    """The class of `table.column`; a KeyError for a column nobody has classed."""
    return TEXT_CLASSES[f"{table}.{column}"]


def columns_that_leave() -> dict[str, tuple[str, ...]]:
    """The columns to pass through the gate, by table: {"goal": ("title", …), …}."""
    by_table: dict[str, list[str]] = {}
    for name, text_class_ in TEXT_CLASSES.items():
        if text_class_ is LEAVES:
            table, column = name.split(".", 1)
            by_table.setdefault(table, []).append(column)
    return {table: tuple(columns) for table, columns in by_table.items()}
