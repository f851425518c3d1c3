"""A booklet that pushes the layout: long hospital and trust names, 40 goals, 30 quotes, Welsh
words, a 60-character phone label. Fictional throughout."""

from __future__ import annotations

from pledge_desktop.domain.booklet import (
    DEFAULT_WORDS,
    BookletContents,
    Helpline,
    PrintedFinding,
    PrintedGoal,
    PrintedQuote,
    TeamContact,
)

WELSH = "Croeso i’r gwasanaeth gofal y fron. Ŵyr, ŷd, Ŵ, Ŷ: dŵr, tŷ, gŵr, ŵyn."
POLISH = "Zażółć gęślą jaźń: Łódź, Gdańsk, Świętokrzyskie."
TURKISH = "Işığın ğ ş ı İ Ş Ğ: Çağrı, Gülşen, İstanbul."
IRISH = "Fáilte go dtí an tseirbhís: Seán, Máire, Siobhán, ḃ ċ ḋ ḟ ġ ṁ ṗ ṡ ṫ."
LONG_LABEL = "Breast care nurse specialist for the Llanfair and Bryn clinics"  # 60+ characters


def stress_contents() -> BookletContents:
    hospital = "Ysbyty Athrofaol Cymru Llanfairpwllgwyngyll and Gogerychwyrndrobwll General"
    trust = "Bwrdd Iechyd Prifysgol Betsi Cadwaladr and Northdale Hospitals NHS Foundation Trust"
    goals = tuple(
        PrintedGoal(
            term_label=("Short term", "Medium term", "Long term")[i // 14],
            horizon=("within 6 months", "within 12 months", "in 1 to 3 years")[i // 14],
            title=f"Goal {i + 1}: a clearer welcome for everyone, in Welsh and English (ŵ ŷ)",
            description="We will write to every patient within two working days of diagnosis, "
            "with the name and number of their breast care nurse. " * (1 + i % 3),
            why="Patients told us they did not know whom to ring after clinic.",
            status="In progress",
            progress="Leaflet drafted with Siân and Gwenllïan; printing in the spring.",
        )
        for i in range(40)
    )
    quotes = tuple(
        PrintedQuote(
            ("The nurse rang me back the same day, and I felt looked after. " * (1 + i % 4)).strip()
            + f" ({('Diolch yn fawr', 'Dziękuję', 'Teşekkürler', 'Go raibh maith agat')[i % 4]})",
            f"Patient {i + 1}, 2026",
        )
        for i in range(30)
    )
    team = tuple(
        TeamContact(f"Nyrs Gwenllïan ap Dafydd-Ŵyn {i}", LONG_LABEL, f"01632 96{i:04d}")
        for i in range(8)
    )
    words = DEFAULT_WORDS.__class__(
        welcome=f"{DEFAULT_WORDS.welcome}\n\n{WELSH}\n\n{POLISH} {TURKISH} {IRISH}",
        contact=DEFAULT_WORDS.contact,
        out_of_hours=DEFAULT_WORDS.out_of_hours,
        get_involved=DEFAULT_WORDS.get_involved,
        other_formats="Mae’r llyfryn hwn ar gael yn Gymraeg. " + DEFAULT_WORDS.other_formats,
    )
    return BookletContents(
        hospital=hospital,
        trust=trust,
        cycle_label="2026",
        words=words,
        unit_phone="01632 960123 (Monday to Friday, 8am to 6pm, leave a message)",
        out_of_hours_phone="01632 960999 (the acute oncology service, 24 hours a day)",
        address="Uned y Fron, Llawr 2\nYsbyty Athrofaol Cymru\nFfordd y Parc\nCaerdydd CF14 4XW",
        team=team,
        standards=tuple(
            f"You will be told {i} things you need to know, in Welsh if you want (ŵ ŷ)."
            for i in range(12)
        ),
        findings=tuple(
            PrintedFinding(f"{50 + i}%", f"of patients said their care was good ({i})", 120)
            for i in range(12)
        ),
        forms=240,
        goals=goals,
        quotes=quotes,
        representatives=tuple(f"Gwenllïan {i}" for i in range(10)),
        helplines=(
            Helpline(LONG_LABEL, "0808 800 6000", "free to call, 9am to 4pm"),
            Helpline("Llinell gymorth Macmillan", "0808 808 00 00", "7 days a week"),
            Helpline("NHS 111 Wales", "111"),
        ),
        published="Mawrth 2026",
        review_date="March 2028",
        leaflet_reference="BC-PL-2026-CY-1",
        fictional=True,
    )
