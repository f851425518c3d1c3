"""People's names: those on the team and representative lists, in any case; common UK first
names and surnames (lists in resources/names); and any word that a title ("Dr", "Sister") or a
cue ("called", "my husband") says is a name.

Names that are also everyday words ("Grace", "May", "Hall", "Green") are taken for names only
when something says so: a title, a cue, or another name beside them ("Grace Hall"). A name
just before "Hospital", "Ward", "Centre" and the like is a place, not a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pledge_desktop.domain.identifiers.kinds import NAME, Finding


@dataclass(frozen=True)
class NameLists:
    """Common first names and surnames, and those of them that are everyday words; all in
    small letters."""

    first_names: frozenset[str] = field(default_factory=frozenset)
    surnames: frozenset[str] = field(default_factory=frozenset)
    everyday: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(
        cls, first_names: Iterable[str], surnames: Iterable[str], everyday: Iterable[str] = ()
    ) -> NameLists:
        def small(words: Iterable[str]) -> frozenset[str]:
            return frozenset(w.strip().lower() for w in words if w.strip())

        return cls(small(first_names), small(surnames), small(everyday))

    def is_name(self, small: str) -> bool:
        return small in self.first_names or small in self.surnames


def load_name_lists(folder: str | Path) -> NameLists:
    """The lists in `folder` (the app passes paths.resource("names")): first_names.txt and
    first_names_extra.txt, surnames.txt and everyday_words.txt, one word a line, "#" starting
    a comment."""

    def read(name: str) -> list[str]:
        path = Path(folder) / name
        if not path.is_file():
            return []
        lines = path.read_text(encoding="utf-8").splitlines()
        return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]

    first_names = read("first_names.txt") + read("first_names_extra.txt")
    return NameLists.of(first_names, read("surnames.txt"), read("everyday_words.txt"))


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TITLES = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sister|nurse|sr)\.?\s+", re.I)
# words after which the next capitalised word (or a listed name in any case) is a name
_TITLE_WORDS = _set(
    "mr mrs ms miss mx dr doctor prof professor sister sr nurse matron rev revd reverend "
    "sir dame auntie aunty aunt uncle nan nanna grandma grandad"
)
_ALWAYS_TITLES = _set("mr mrs ms mx dr prof revd")  # titles in any case
_CUES = re.compile(
    r"\b(?:called|named|name\s+is|name\s+was|name's|known\s+as|"
    r"my\s+(?:husband|wife|partner|son|daughter|mum|mother|dad|father|sister|brother|friend|"
    r"neighbour|granddaughter|grandson|niece|nephew|aunt|auntie|uncle|carer|boyfriend|"
    r"girlfriend|fiancée?|cousin|colleague|mother-in-law|daughter-in-law|son-in-law)|"
    r"ask\s+for|asked\s+for|speak\s+to|spoke\s+to|spoke\s+with|"
    r"nurses?|consultant|surgeon|oncologist|radiographer|specialist|sister|doctor)"
    r"[\s,(:–-]+$",
    re.IGNORECASE,
)
# weaker cues: the next word is a name only when it is on the lists ("Ask Jackie", not
# "Ask Questions")
_WEAK_CUES = re.compile(
    r"\b(?:thanks\s+to|thank\s+you|thank|ask|tell|ring|phone|contact|email|text|"
    r"(?:seen|looked\s+after|cared\s+for|helped)\s+by)[\s,(:–-]+$",
    re.IGNORECASE,
)
# capitalised words that are not names even after a title or cue
_NOT_NAMES = _set(
    """i a an the and but or if so as at by for from in into of on to up with without we our
    you your they their she her he his it its my me us this that these those there here then
    when what who how why yes no not all any some every each very was were is are be been had
    has have do did does said told came went got felt made gave took asked thank thanks please
    dear hello hi ok well just also again always never really nurse nurses sister doctor
    doctors consultant consultants surgeon specialist specialists team clinic clinics ward
    wards unit hospital hospitals trust centre center breast cancer care service services
    pledge nhs gp google macmillan maggie's maggie charity support group staff patient patients
    everyone everybody someone somebody nobody monday tuesday wednesday thursday friday
    saturday sunday january february march july september october
    november december christmas easter english british welsh scottish irish god mum dad
    mother father husband wife son daughter partner family friends friend lady gentleman
    about after before during because although while until since which where whose
    great good lovely kind brilliant amazing excellent wonderful helpful"""
)
# words just after a name that make it part of a place's name
_PLACE_WORDS = _set(
    """hospital hospitals infirmary centre center unit ward wing suite clinic trust house
    building lodge foundation hospice fund appeal library room lounge garden gardens court
    school college university institute park surgery practice road street lane avenue way
    drive close crescent place square award prize lecture station cross"""
)
_BEFORE_PLACES = _set("st st. saint queen king prince princess royal")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”(\n])\s*$")


@dataclass
class _Word:
    start: int
    end: int
    text: str
    small: str
    capitalised: bool
    sentence_start: bool


def _words(text: str) -> list[_Word]:
    words: list[_Word] = []
    for match in _WORD.finditer(text):
        raw = match.group()
        written = re.sub(r"['’]s$", "", raw).rstrip("'’-")
        before = text[max(0, match.start() - 3) : match.start()]
        words.append(
            _Word(
                match.start(),
                match.start() + len(written),
                written,
                written.lower(),
                written[0].isupper(),
                bool(_SENTENCE_END.search(before)) or match.start() == 0,
            )
        )
    return words


def name_patterns(names: Iterable[str]) -> list[str]:
    """The words to look for from people's names: the whole name without a title or a note in
    brackets, and each part of three letters or more ("Ann Example" -> Ann Example, Ann,
    Example)."""
    found: set[str] = set()
    for name in names:
        plain = re.sub(r"\(.*?\)", "", name).strip()
        plain = _TITLES.sub("", plain).strip()
        if not plain:
            continue
        found.add(plain)
        found.update(part for part in re.split(r"[\s.]+", plain) if len(part) >= 3)
    return sorted(found, key=len, reverse=True)


def find_names(text: str, known: Iterable[str], lists: NameLists) -> Iterator[Finding]:
    """Names of people in `text`; `known` are the names on the team and representative lists."""
    yield from _known_names(text, known, lists)
    words = _words(text)
    flagged = [False] * len(words)
    for i, word in enumerate(words):
        if _is_listed_name(word, lists):
            flagged[i] = True
        elif i + 1 < len(words) and _is_pair(word, words[i + 1], text, lists):
            flagged[i] = flagged[i + 1] = True
        if i + 1 < len(words) and _introduces_name(words, i, text):
            _flag_following(words, i + 1, flagged, lists, text)
        elif i + 1 < len(words) and _WEAK_CUES.search(
            text[max(0, word.start - 30) : words[i + 1].start]
        ):
            following = words[i + 1]
            if lists.is_name(following.small) and (
                following.capitalised or following.small not in lists.everyday
            ):
                _flag_following(words, i + 1, flagged, lists, text)
    _flag_joined(words, flagged, text)
    yield from _spans(words, flagged, text, lists)


def _known_names(text: str, known: Iterable[str], lists: NameLists) -> Iterator[Finding]:
    """Team and representative names: the whole name in any case; a part in any case when it
    is a listed name and not an everyday word, otherwise as it is written."""
    for pattern in name_patterns(known):
        small = pattern.lower()
        whole = " " in pattern or (lists.is_name(small) and small not in lists.everyday)
        flags = re.IGNORECASE if whole else 0
        for match in re.finditer(rf"(?<![\w]){re.escape(pattern)}(?![\w])", text, flags):
            yield Finding(NAME, match.start(), match.end(), match.group())


def _is_listed_name(word: _Word, lists: NameLists) -> bool:
    if word.small in lists.everyday or word.small in _NOT_NAMES or len(word.small) < 2:
        return False
    parts = word.small.split("-")
    return all(lists.is_name(part) for part in parts) or lists.is_name(word.small)


def _is_pair(first: _Word, second: _Word, text: str, lists: NameLists) -> bool:
    """A first name then a surname, capitalised, next to each other: "Grace Hall"."""
    if not (first.capitalised and second.capitalised):
        return False
    if text[first.end : second.start] != " " or first.small not in lists.first_names:
        return False
    if second.small in _NOT_NAMES or second.small in _PLACE_WORDS:
        return False
    return second.small in lists.surnames


def _introduces_name(words: list[_Word], i: int, text: str) -> bool:
    """Whether words[i] is a title, or ends a cue such as "my husband"."""
    word = words[i]
    if word.small in _TITLE_WORDS:
        after = text[word.end : word.end + 2]
        if word.small in _ALWAYS_TITLES or word.capitalised or after.startswith("."):
            return True
    following = words[i + 1]
    return bool(_CUES.search(text[max(0, word.start - 30) : following.start]))


def _flag_following(
    words: list[_Word], start: int, flagged: list[bool], lists: NameLists, text: str
) -> None:
    """Flag up to three name words after a title or cue: initials, capitalised words that are
    not everyday words, listed names in any case."""
    for j in range(start, min(start + 3, len(words))):
        word = words[j]
        gap = text[words[j - 1].end : word.start] if j > start else " "
        if j > start and gap not in (" ", ". ", ".", "-"):
            return
        initial = len(word.text) == 1 and word.text.isupper() and word.small not in ("i", "a")
        capital = word.capitalised and word.small not in _NOT_NAMES
        listed = lists.is_name(word.small) and word.small not in lists.everyday
        if word.small in _TITLE_WORDS or not (
            initial or capital or (listed and word.small not in _NOT_NAMES)
        ):
            return
        flagged[j] = True


def _flag_joined(words: list[_Word], flagged: list[bool], text: str) -> None:
    """A capitalised word joined by "and" or "&" to a name is a name too ("Ann and Priya")."""
    pairs = [(i, i + 2) for i in range(len(words) - 2) if words[i + 1].small == "and"]
    pairs += [
        (i, i + 1)
        for i in range(len(words) - 1)
        if text[words[i].end : words[i + 1].start].strip() == "&"
    ]
    for left, right in pairs:
        for name, other in ((left, right), (right, left)):
            word = words[other]
            if (
                flagged[name]
                and not flagged[other]
                and word.capitalised
                and word.small not in _NOT_NAMES
                and word.small not in _PLACE_WORDS
            ):
                flagged[other] = True


def _spans(
    words: list[_Word], flagged: list[bool], text: str, lists: NameLists
) -> Iterator[Finding]:
    """Join flagged words that sit next to each other, reach over to a capitalised surname
    that is on no list ("Susan Okafor"), and drop names that belong to a place."""
    i = 0
    while i < len(words):
        if not flagged[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(words) and text[words[j].end : words[j + 1].start] in (" ", ". "):
            following = words[j + 1]
            if flagged[j + 1] or (
                following.capitalised
                and following.small not in _NOT_NAMES
                and following.small not in _PLACE_WORDS
                and (following.small in lists.surnames or not lists.is_name(following.small))
            ):
                j += 1
            else:
                break
        if not _is_place(words, i, j, text):
            start, end = words[i].start, words[j].end
            yield Finding(NAME, start, end, text[start:end])
        i = j + 1


def _is_place(words: list[_Word], i: int, j: int, text: str) -> bool:
    if (
        j + 1 < len(words)
        and words[j + 1].small in _PLACE_WORDS
        and text[words[j].end : words[j + 1].start].strip(" '’s") == ""
    ):
        return True
    return i > 0 and words[i - 1].small in _BEFORE_PLACES
