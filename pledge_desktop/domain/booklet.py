"""The Service Pledge booklet: the team's own words, what goes in, and the rules of a booklet
that folds and staples (pages in fours, printed two to a sheet in booklet order)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pledge_desktop.domain.goals import GoalStatus, Term
from pledge_desktop.domain.results import QuestionCounts, SmallNumbers

BODY_PT = 14  # clear print
LARGE_PRINT_PT = 17  # 16 to 18 for large print


@dataclass(frozen=True)
class BookletWords:
    """The parts of the booklet the team writes themselves."""

    welcome: str
    contact: str
    out_of_hours: str
    get_involved: str
    other_formats: str

    def parts(self) -> dict[str, str]:
        return {
            "Welcome": self.welcome,
            "How to contact us": self.contact,
            "Out of hours": self.out_of_hours,
            "How to get involved": self.get_involved,
            "Other formats": self.other_formats,
        }


DEFAULT_WORDS = BookletWords(
    welcome=(
        "This booklet is for you if you have just been told you have breast cancer. "
        "It tells you who we are and how to reach us. It also tells you what patients told "
        "us about our care, and what we have promised to do about it.\n\n"
        "Every year we ask patients about their care. We listen, and we agree goals with "
        "patients to make things better. This is our Service Pledge to you."
    ),
    contact=(
        "Your breast care nurse is here to support you and your family from the day you are "
        "told you have breast cancer. You can ring us with any question, big or small.\n\n"
        "If we cannot answer straight away, leave a message. We will ring you back by the end "
        "of the next working day."
    ),
    out_of_hours=(
        "If you feel unwell in the evening, at night or at the weekend, ring the number below. "
        "If you are having chemotherapy, use the number on your chemotherapy card. "
        "In an emergency, ring 999."
    ),
    get_involved=(
        "We would like to hear from you. You can fill in a survey, talk to us about your care, "
        "or join the patients who help us plan our goals each year. Ask your breast care nurse "
        "how to take part."
    ),
    other_formats=(
        "This booklet is also available in large print. Please ask us if you need it in "
        "another format or language."
    ),
)


@dataclass(frozen=True)
class Highlight:
    """A headline finding: a plain sentence printed after its figure, e.g. "9 in 10" +
    "of you said you were given the name of your breast care nurse"."""

    question_code: str
    option_codes: tuple[int, ...]
    wording: str
    id: int | None = None


@dataclass(frozen=True)
class BookletChoices:
    """What goes in. Things are in unless left out, so a new goal or quote appears by itself."""

    goals_left_out: frozenset[int] = frozenset()
    standards_left_out: frozenset[int] = frozenset()
    quotes_left_out: frozenset[int] = frozenset()
    show_team: bool = True
    logo_png: bytes | None = None
    photo_png: bytes | None = None
    highlights: tuple[Highlight, ...] = field(default_factory=tuple)


SECTIONS = (
    "Welcome",
    "Your breast care team",
    "Our standards of care",
    "What you told us",
    "Our pledge",
    "Your words",
    "How to get involved",
    "How to contact us",  # the outside back cover
)


def padded_page_count(pages: int) -> int:
    """Pages rounded up to a multiple of 4, so that the sheets fold into a booklet."""
    return -(-pages // 4) * 4


def imposition(pages: int) -> list[tuple[int, int]]:
    """Page pairs (left, right), 1-based, for each printed side of A4 in booklet order:
    sheet 1 front (n, 1), back (2, n-1), sheet 2 front (n-2, 3), … for a padded count n."""
    if pages % 4:
        raise ValueError("A booklet has a multiple of 4 pages.")
    sides: list[tuple[int, int]] = []
    for sheet in range(pages // 4):
        low = 2 * sheet + 1
        sides.append((pages - 2 * sheet, low))
        sides.append((low + 1, pages - 2 * sheet - 1))
    return sides


@dataclass(frozen=True)
class TeamContact:
    name: str
    role: str
    phone: str


@dataclass(frozen=True)
class PrintedFinding:
    figure: str  # "92%"
    sentence: str  # "of patients said they were given the name of their breast care nurse"
    base: int  # how many gave an answer that counts (not "does not apply" or "don't know")


@dataclass(frozen=True)
class Helpline:
    """A national helpline printed on the back cover."""

    name: str
    phone: str
    hours: str = ""


# Printed until the team checks them: the back cover says so beside them.
DEFAULT_HELPLINES = (
    Helpline("Breast Cancer Now helpline", "0808 800 6000", "free to call"),
    Helpline("Macmillan Support Line", "0808 808 00 00", "7 days a week, 8am to 8pm"),
    Helpline("NHS 111", "111", "for urgent medical help, day and night"),
)
HELPLINES_TO_CHECK = "Check these numbers before printing: they are the app's defaults."

DEFAULT_CREDIT_LINE = "Written with our patients as part of the Service Pledge for Breast Cancer"
COVER_LINES = {
    "primary": "For patients newly told they have breast cancer",
    "secondary": "For patients living with secondary breast cancer",
}


LANGUAGES = {"en-GB": "English", "cy": "Welsh (Cymraeg), or Welsh and English"}


@dataclass(frozen=True)
class BookletDetails:
    """The cover's and the back cover's settings the team can change."""

    cover_line: str = ""  # "" prints the default for the pledge type
    credit_line: str = DEFAULT_CREDIT_LINE
    programme_logo_png: bytes | None = None
    helplines: tuple[Helpline, ...] = DEFAULT_HELPLINES
    helplines_checked: bool = False  # until ticked, the booklet says to check the numbers
    language: str = "en-GB"

    def printed(self, published: str, review_date: str, reference: str) -> dict[str, Any]:
        """These settings and the sign-off's dates as BookletContents' fields."""
        return {
            "cover_line": self.cover_line,
            "credit_line": self.credit_line,
            "programme_logo_png": self.programme_logo_png,
            "helplines": self.helplines,
            "helplines_checked": self.helplines_checked,
            "language": self.language,
            "published": published,
            "review_date": review_date,
            "leaflet_reference": reference,
        }


def goals_as_printed(
    goals: Iterable[Any],
    horizons: Mapping[Term, str],
    latest: Mapping[int, str | None],
    left_out: frozenset[int],
) -> tuple[PrintedGoal, ...]:
    """The goals the booklet prints, short term first, each term by priority: every goal not
    left out or dropped, with its latest progress note. `goals` are rows with id, term,
    priority, status, title, description and why."""
    order = list(Term)
    kept = sorted(
        (g for g in goals if g.id not in left_out and g.status != GoalStatus.DROPPED.value),
        key=lambda g: (order.index(Term(g.term)), g.priority),
    )
    return tuple(
        PrintedGoal(
            term_label=Term(g.term).label,
            horizon=horizons[Term(g.term)],
            title=g.title,
            description=g.description,
            why=g.why,
            status=GoalStatus(g.status).label,
            progress=latest.get(g.id) or "",
        )
        for g in kept
    )


def cover_line_for(pledge_type: str, cover_line: str = "") -> str:
    """The team's own cover line, else the default for a primary or a secondary pledge."""
    return cover_line.strip() or COVER_LINES.get(pledge_type, COVER_LINES["primary"])


@dataclass(frozen=True)
class PrintedGoal:
    term_label: str  # "Short term"
    horizon: str  # "within 6 months"
    title: str
    description: str
    why: str
    status: str  # "In progress"
    progress: str  # the latest progress note, or ""


@dataclass(frozen=True)
class PrintedQuote:
    wording: str
    attributed_to: str
    named_with_consent: bool = False  # a first name or a staff member, as they agreed


@dataclass(frozen=True)
class BookletContents:
    """Everything the booklet prints, gathered from the database in one read."""

    hospital: str
    trust: str
    cycle_label: str
    words: BookletWords
    unit_phone: str
    out_of_hours_phone: str
    address: str
    team: tuple[TeamContact, ...]
    standards: tuple[str, ...]
    findings: tuple[PrintedFinding, ...]
    forms: int  # how many surveys the findings come from
    goals: tuple[PrintedGoal, ...]
    quotes: tuple[PrintedQuote, ...]
    representatives: tuple[str, ...]  # named with their consent
    logo_png: bytes | None = None
    photo_png: bytes | None = None
    fictional: bool = False  # the demo: every page says so
    # the cover
    pledge_type: str = "primary"  # "primary" or "secondary": chooses the default cover line
    cover_line: str = ""  # the team's own; "" prints the default for the pledge type
    credit_line: str = DEFAULT_CREDIT_LINE
    programme_logo_png: bytes | None = None
    # the outside back cover
    helplines: tuple[Helpline, ...] = DEFAULT_HELPLINES
    helplines_checked: bool = False  # False: "check these numbers" is printed beside them
    published: str = ""  # "March 2026": trust leaflet policies ask for it
    review_date: str = ""  # "March 2028"
    leaflet_reference: str = ""  # "BC-PL-2026-1"
    language: str = "en-GB"  # "cy" for a booklet written in Welsh
    handed_out: int | None = None  # forms given out, when the team counted them

    @property
    def cover_words(self) -> str:
        return cover_line_for(self.pledge_type, self.cover_line)

    @property
    def survey_line(self) -> str:
        """ "60 of 150 patients (40 %) filled in our survey in 2026.", or the count alone."""
        people = "patient" if self.forms == 1 else "patients"
        if self.handed_out:
            share = round(100 * self.forms / self.handed_out)
            said = f"{self.forms:,} of {self.handed_out:,} {people} ({share} %)"
        else:
            said = f"{self.forms:,} {people}"
        return f"{said} filled in our survey in {self.cycle_label}."

    def wording_parts(self) -> dict[str, str]:
        """Every piece of prose the booklet prints, for the plain-English check."""
        parts = self.words.parts()
        parts["Standards of care"] = "\n\n".join(self.standards)
        parts["What you told us"] = "\n\n".join(f"{f.figure} {f.sentence}." for f in self.findings)
        parts["Our pledge"] = "\n\n".join(
            "\n\n".join(p for p in (g.title + ".", g.description, g.progress) if p)
            for g in self.goals
        )
        return {name: text for name, text in parts.items() if text.strip()}


_OBJECT = re.compile(r"\b(to|with|for|about|support|supported|help|helped|gave) you\b")


def for_patients(wording: str) -> str:
    """A highlight's sentence said of patients, not of the reader: the booklet is read by people
    who never filled in the survey. "of you were told you had …" becomes "of patients were told
    they had …"; a sentence already in other words is left as it is."""
    text = " ".join(wording.split())
    if not re.match(r"(?i)of you\b", text):
        return text
    text = "of patients" + text[len("of you") :]
    text = _OBJECT.sub(lambda found: f"{found.group(1)} them", text)
    text = re.sub(r"\byou$", "them", text)
    text = re.sub(r"\byourself\b", "themselves", text)
    text = re.sub(r"\byour\b", "their", text)
    text = re.sub(r"\byou\b", "they", text)
    return text


def findings_for(
    highlights: Iterable[Highlight],
    counts_of: Callable[[str], QuestionCounts | None],
    small: SmallNumbers,
) -> tuple[PrintedFinding, ...]:
    """The highlights' figures as printed, leaving out those too few answered to print."""
    found = []
    for highlight in highlights:
        counts = counts_of(highlight.question_code)
        finding = finding_for(counts, highlight, small) if counts else None
        if finding is not None:
            found.append(finding)
    return tuple(found)


def finding_for(
    counts: QuestionCounts, highlight: Highlight, small: SmallNumbers
) -> PrintedFinding | None:
    """A highlight's figure as printed, or None when too few answered to print it. The base
    leaves out answers that do not apply (unless the highlight counts them itself)."""
    chosen = frozenset(highlight.option_codes)
    count = counts.count_of(chosen)
    base = counts.base_for(chosen)
    figure = small.per_cent_text(count, base)
    if figure is None:
        return None
    return PrintedFinding(figure, highlight.wording.rstrip(". "), base)
