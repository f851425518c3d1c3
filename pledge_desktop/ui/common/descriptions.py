"""What each control is for, by its object name, for controls made in loops; screen readers
read it after the name, and it shows as the tip. (Controls made one by one are described where
they are made, with widgets.describe.)"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pledge_desktop.ui.common.widgets import describe

DESCRIPTIONS = {
    "words_welcome": (
        "The booklet's welcome, in plain English. Leave a blank line between paragraphs."
    ),
    "words_contact": (
        "How patients reach the breast care team, printed with the team's names and numbers."
    ),
    "words_out_of_hours": (
        "What to do in the evening, at night and at weekends; the out-of-hours number follows."
    ),
    "words_get_involved": "How patients can take part: surveys, interviews, planning goals.",
    "words_other_formats": "The note about large print, other formats and languages.",
    "bookletGoals": "Goals printed in the booklet; Space unticks one to leave it out.",
    "bookletStandards": (
        "Standards of care printed in the booklet; Space unticks one to leave it out."
    ),
    "bookletQuotes": "Approved quotes printed in the booklet; Space unticks one to leave it out.",
    "choose_logo": "Choose the hospital's logo (PNG or JPEG) for the cover.",
    "remove_logo": "Take the logo off the cover.",
    "choose_photo": "Choose a photo of the team (PNG or JPEG) for the team's page.",
    "remove_photo": "Take the team photo out.",
    "addHighlight": "Add a headline finding: a question, the answers it counts and its sentence.",
    "editHighlight": "Change the chosen headline finding.",
    "removeHighlight": "Remove the chosen headline finding (Delete).",
    "highlightUp": "Move the chosen finding up (Ctrl+Up).",
    "highlightDown": "Move the chosen finding down (Ctrl+Down).",
    "copyQuestionnaire": "Make your own copy of the chosen questionnaire, to change it.",
    "newVersion": "Start a new version of a locked questionnaire, to change it for a new cycle.",
    "deleteQuestionnaire": (
        "Delete the chosen questionnaire, after asking; refused if a cycle uses it."
    ),
    "importRedcap": "Read a REDCap data dictionary (CSV) as a new questionnaire.",
    "exportRedcap": "Save the chosen questionnaire as a REDCap data dictionary (CSV).",
    "goals_short": (
        "Short-term goals, most important first. Enter opens one; Ctrl+N adds one; Ctrl+Up "
        "and Ctrl+Down reorder."
    ),
    "goals_medium": (
        "Medium-term goals, most important first. Enter opens one; Ctrl+N adds one; Ctrl+Up "
        "and Ctrl+Down reorder."
    ),
    "goals_long": (
        "Long-term goals, most important first. Enter opens one; Ctrl+N adds one; Ctrl+Up and"
        " Ctrl+Down reorder."
    ),
    "goal_status": (
        "Move the chosen goal on: agreed, in progress, achieved, not achieved or dropped."
    ),
    "goal_update": "Add a dated progress note with a judgement.",
    "goal_link": "Link a survey question to the goal, as evidence for it.",
    "goal_open": "Show the results of the chosen evidence.",
    "goal_unlink": "Remove the chosen link (the question itself stays).",
    "errorsByBatch": "How often the first typing disagreed with the paper, batch by batch.",
    "errorsByQuestion": "Questions where the typing disagreed with the paper, worst first.",
}


def describe_controls(root: QWidget) -> None:
    """Describe every control below `root` that has an entry here and no description yet."""
    for widget in root.findChildren(QWidget):
        text = DESCRIPTIONS.get(widget.objectName())
        if text and not widget.accessibleDescription():
            describe(widget, text)
