"""Fictional interviews for the demo: invented people and words, written for Pledge Desktop,
coded into themes, with a few quotes approved for the booklet."""

from __future__ import annotations

from datetime import date

from pledge_desktop.domain.interviews import Attribution, Interview, Passage, Quote
from pledge_desktop.services.interviews.coding import CodingService
from pledge_desktop.services.interviews.interviews import InterviewsService
from pledge_desktop.services.setup import SetupService

NOTE = "[Fictional demo interview: invented for Pledge Desktop, not a real patient.]\n\n"
# pseudonym, date, setting, stages, minutes, consent (recording, anonymous, first name),
# transcript, codings: (words, themes, memo, quote: None or (attribution, attributed_to, approve))
INTERVIEWS = (
    (
        "P01",
        date(2026, 3, 10),
        "clinic",
        ("diagnosis", "surgery"),
        40,
        (True, True, False),
        "Q: How did you find out?\n"
        "A: They told me in a corridor bay with just a curtain. I could hear the next patient. "
        "The nurse was kind, but I wanted a room with a door.\n"
        "Q: And afterwards?\n"
        "A: I was given a leaflet but I couldn't take anything in. What helped was the call "
        "from the breast care nurse two days later, when I had my questions written down.\n",
        (
            (
                "I wanted a room with a door",
                ("Environment",),
                "Privacy at diagnosis",
                (Attribution.ANONYMOUS, "Patient, 2026", True),
            ),
            (
                "What helped was the call from the breast care nurse two days later",
                ("Communication", "Emotional support"),
                "",
                None,
            ),
            ("I couldn't take anything in", ("Information",), "", None),
        ),
    ),
    (
        "P02",
        date(2026, 3, 24),
        "phone",
        ("chemotherapy",),
        35,
        (False, True, True),
        "Q: What was the hardest part?\n"
        "A: The waiting. Three weeks between the scan and being told the plan, and nobody "
        "said how long it would be. If someone had just told me it would be three weeks, I "
        "could have coped.\n"
        "Q: Anything about the chemotherapy itself?\n"
        "A: Losing my hair. Nobody talked to me about wigs or scarves until it was happening.\n",
        (
            (
                "If someone had just told me it would be three weeks, I could have coped",
                ("Waiting", "Communication"),
                "Links to the waiting-times goal",
                (Attribution.FIRST_NAME, "Jean, 2026", True),
            ),
            (
                "Nobody talked to me about wigs or scarves until it was happening",
                ("Information",),
                "",
                None,
            ),
        ),
    ),
    (
        "P03",
        date(2026, 4, 7),
        "home",
        ("diagnosis", "surgery", "follow-up"),
        55,
        (True, False, False),
        "Q: What was it like being a man with breast cancer?\n"
        "A: Everything was pink. The leaflets said 'you and your bra'. I felt I was in the "
        "wrong place. The surgeon was straight with me, which I liked.\n"
        "Q: What would you change?\n"
        "A: Information written for men, and somewhere to wait that isn't full of women's "
        "magazines.\n",
        (
            (
                "Everything was pink. The leaflets said 'you and your bra'. I felt I was in the "
                "wrong place.",
                ("Needs of men", "Information"),
                "No consent to quote",
                (Attribution.ANONYMOUS, "Patient, 2026", False),
            ),
            ("Information written for men", ("Needs of men",), "", None),
        ),
    ),
    (
        "P04",
        date(2026, 5, 12),
        "video",
        ("radiotherapy", "follow-up"),
        30,
        (False, True, False),
        "Q: How was the end of treatment?\n"
        "A: On the last day of radiotherapy they rang a bell and then that was it. I didn't "
        "know who to call if something changed. A written plan would have helped me sleep.\n",
        (
            ("I didn't know who to call if something changed", ("Follow-up",), "", None),
            (
                "A written plan would have helped me sleep",
                ("Follow-up",),
                "",
                (Attribution.ANONYMOUS, "Patient, 2026", True),
            ),
        ),
    ),
)


def add_demo_interviews(
    interviews: InterviewsService, coding: CodingService, setup: SetupService, cycle_id: int
) -> None:
    coding.seed_themes()
    themes = {t.name: t.id for t in coding.themes()}
    interviewer = next(m.id for m in setup.team(cycle_id) if m.is_pledge_lead)
    for pseudonym, day, setting, stages, minutes, consent, text, codings in INTERVIEWS:
        recording, anonymous, first_name = consent
        saved = interviews.save_interview(
            Interview(
                cycle_id,
                pseudonym,
                day,
                interviewer_id=interviewer,
                setting=setting,
                stages=stages,
                length_minutes=minutes,
                consent_date=day,
                consent_how="Written consent form, kept in the unit (fictional)",
                consent_recording=recording,
                consent_quotes_anonymous=anonymous,
                consent_quotes_first_name=first_name,
            ),
            today=date(2026, 11, 1),
        )
        assert saved.id is not None
        transcript = NOTE + text
        interviews.save_transcript(saved.id, transcript)
        for words, names, memo, quote in codings:
            start = transcript.index(words)
            passage = coding.code_passage(
                Passage(
                    saved.id,
                    start,
                    start + len(words),
                    words,
                    tuple(themes[n] for n in names if themes[n] is not None),  # type: ignore[misc]
                    memo,
                )
            )
            if quote is None or passage.id is None:
                continue
            attribution, attributed_to, approve = quote
            promoted = coding.promote(passage.id)
            chosen = coding.save_quote(
                Quote(
                    promoted.passage_id,
                    promoted.wording,
                    attribution,
                    attributed_to,
                    id=promoted.id,
                )
            )
            if approve and chosen.id is not None:
                coding.set_approved(chosen.id, True)
