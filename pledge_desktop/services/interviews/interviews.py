"""Patient interviews: the record and its consent, the transcript (typed or imported), and an
audio file kept in the data folder with its checksum."""

from __future__ import annotations

import hashlib
import shutil
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.db.storage_errors import describe_os_error
from pledge_desktop.domain.errors import DeleteRefused, StorageError, ValidationError
from pledge_desktop.domain.identifiers import Finding, find_identifiers
from pledge_desktop.domain.interviews import Interview, validate_interview
from pledge_desktop.exchange.transcripts import read_transcript
from pledge_desktop.services.records import (
    ChangeFeed,
    apply_record,
    get_or_add,
    get_or_explain,
)

INTERVIEWS = "interviews"
AUDIO_FOLDER = "audio"
AUDIO_KINDS = (".mp3", ".m4a", ".wav", ".ogg", ".wma", ".aac", ".flac")


class InterviewsService:
    def __init__(self, db: Database, data_dir: Path, changes: ChangeFeed) -> None:
        self._db = db
        self._data_dir = data_dir
        self._changes = changes

    def interviews(self, cycle_id: int) -> list[Interview]:
        with self._db.reading() as session:
            rows = session.scalars(
                select(m.Interview)
                .where(m.Interview.cycle_id == cycle_id)
                .order_by(m.Interview.pseudonym)
            )
            return [interview_record(row) for row in rows]

    def interview(self, interview_id: int) -> Interview:
        with self._db.reading() as session:
            return interview_record(get_or_explain(session, m.Interview, interview_id, "interview"))

    def save_interview(self, interview: Interview, today: date | None = None) -> Interview:
        """Add or change an interview's record and consent (its transcript is kept)."""
        tidy = validate_interview(interview, today or date.today())
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, tidy.cycle_id, "pledge cycle")
            _check_interviewer(session, tidy)
            clash = session.scalars(
                select(m.Interview).where(
                    m.Interview.cycle_id == tidy.cycle_id,
                    m.Interview.pseudonym == tidy.pseudonym,
                    m.Interview.id != (tidy.id or -1),
                )
            ).first()
            if clash is not None:
                raise ValidationError(
                    {"pseudonym": f"{tidy.pseudonym} is already used in this cycle."}
                )
            row = get_or_add(session, m.Interview, tidy.id, "interview")
            keep = ("id", "transcript", "audio_file", "audio_sha256", "stages")
            apply_record(row, tidy, skip=keep)
            row.stages = ";".join(tidy.stages)
            if tidy.id is None:
                row.transcript, row.audio_file, row.audio_sha256 = "", "", ""
            session.flush()
            saved = interview_record(row)
        self._changes.announce(INTERVIEWS)
        return saved

    def delete_interview(self, interview_id: int) -> None:
        """Delete an interview with its coding. Refused while a quote from it exists."""
        with self._db.transaction() as session:
            row = get_or_explain(session, m.Interview, interview_id, "interview")
            quotes = session.scalars(
                select(m.Quote.id)
                .join(m.CodedPassage, m.CodedPassage.id == m.Quote.passage_id)
                .where(m.CodedPassage.interview_id == interview_id)
            ).all()
            if quotes:
                raise DeleteRefused(
                    f"{row.pseudonym} cannot be deleted: {len(quotes)} quotes come from it. "
                    "Delete the quotes first."
                )
            audio = row.audio_file
            session.delete(row)
        if audio:
            (self._data_dir / AUDIO_FOLDER / audio).unlink(missing_ok=True)
        self._changes.announce(INTERVIEWS)

    # --- transcript -------------------------------------------------------------------------
    def identifiers_in(self, cycle_id: int, text: str) -> list[Finding]:
        """What could identify someone in `text`, with this cycle's staff and representatives
        looked for by name."""
        with self._db.reading() as session:
            names = list(
                session.scalars(select(m.TeamMember.name).where(m.TeamMember.cycle_id == cycle_id))
            ) + list(
                session.scalars(
                    select(m.PatientRepresentative.name).where(
                        m.PatientRepresentative.cycle_id == cycle_id
                    )
                )
            )
        return find_identifiers(text, names)

    def save_transcript(self, interview_id: int, text: str) -> None:
        """Save the transcript. Coded passages follow their words; if an edit removed the words
        of a coded passage, nothing is saved and the nurse is told which."""
        with self._db.transaction() as session:
            row = get_or_explain(session, m.Interview, interview_id, "interview")
            passages = session.scalars(
                select(m.CodedPassage).where(m.CodedPassage.interview_id == interview_id)
            ).all()
            lost = []
            for passage in passages:
                start = _find_near(text, passage.text, passage.start)
                if start < 0:
                    lost.append(passage.text)
                else:
                    passage.start, passage.end = start, start + len(passage.text)
            if lost:
                shown = "; ".join(f'"{_short(words)}"' for words in lost[:3])
                raise ValidationError(
                    {
                        "transcript": f"Not saved: the words of {len(lost)} coded passages are no "
                        f"longer in the transcript ({shown}). Undo that change, or remove "
                        "their coding first."
                    }
                )
            row.transcript = text
        self._changes.announce(INTERVIEWS)

    def import_transcript(self, interview_id: int, path: Path) -> str:
        """Read a .txt or .docx file into the transcript (replacing an empty one only)."""
        text = read_transcript(path)
        with self._db.reading() as session:
            row = get_or_explain(session, m.Interview, interview_id, "interview")
            if row.transcript.strip():
                raise ValidationError(
                    {
                        "transcript": f"{row.pseudonym} already has a transcript. Clear it "
                        "first to import another."
                    }
                )
        self.save_transcript(interview_id, text)
        return text

    # --- audio --------------------------------------------------------------------------------
    def attach_audio(self, interview_id: int, source: Path) -> Interview:
        """Copy an audio file into the data folder, with its SHA-256, and link it."""
        if source.suffix.lower() not in AUDIO_KINDS:
            raise ValidationError(
                {"audio": f"{source.name} is not an audio file we know ({', '.join(AUDIO_KINDS)})."}
            )
        folder = self._data_dir / AUDIO_FOLDER
        name = f"{uuid.uuid4().hex}{source.suffix.lower()}"
        target = folder / name
        partial = folder / (name + ".partial")
        try:
            folder.mkdir(exist_ok=True)
            shutil.copyfile(source, partial)
            digest = _sha256(partial)
            partial.replace(target)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise StorageError(
                f"The recording was not copied: {describe_os_error(error)}"
            ) from error
        try:
            with self._db.transaction() as session:
                row = get_or_explain(session, m.Interview, interview_id, "interview")
                if not row.consent_recording:
                    raise ValidationError(
                        {
                            "audio": f"{row.pseudonym} did not agree to be recorded. Record that "
                            "consent first."
                        }
                    )
                old = row.audio_file
                row.audio_file, row.audio_sha256 = name, digest
                saved = interview_record(row)
        except Exception:
            target.unlink(missing_ok=True)
            raise
        if old:
            (folder / old).unlink(missing_ok=True)
        self._changes.announce(INTERVIEWS)
        return saved

    def audio_path(self, interview: Interview) -> Path | None:
        """The recording, if it is there and unchanged since it was attached."""
        if not interview.audio_file:
            return None
        path = self._data_dir / AUDIO_FOLDER / interview.audio_file
        if not path.is_file():
            raise StorageError(f"The recording of {interview.pseudonym} is missing from {path}.")
        if _sha256(path) != interview.audio_sha256:
            raise StorageError(
                f"The recording of {interview.pseudonym} has changed since it was attached "
                "(its checksum differs). Attach it again from the original."
            )
        return path


def interview_record(row: m.Interview) -> Interview:
    return Interview(
        cycle_id=row.cycle_id,
        pseudonym=row.pseudonym,
        interview_date=row.interview_date,
        interviewer_id=row.interviewer_id,
        setting=row.setting,
        stages=tuple(s for s in row.stages.split(";") if s),
        length_minutes=row.length_minutes,
        consent_date=row.consent_date,
        consent_how=row.consent_how,
        consent_recording=row.consent_recording,
        consent_quotes_anonymous=row.consent_quotes_anonymous,
        consent_quotes_first_name=row.consent_quotes_first_name,
        transcript=row.transcript,
        audio_file=row.audio_file,
        audio_sha256=row.audio_sha256,
        id=row.id,
    )


def _check_interviewer(session: Session, interview: Interview) -> None:
    if interview.interviewer_id is None:
        return
    member = session.get(m.TeamMember, interview.interviewer_id)
    if member is None or member.cycle_id != interview.cycle_id:
        raise ValidationError({"interviewer_id": "Choose the interviewer from this cycle's team."})


def _find_near(text: str, words: str, near: int) -> int:
    """Where `words` occur in `text`, the occurrence nearest to `near`; -1 if nowhere."""
    best, start = -1, text.find(words)
    while start >= 0:
        if best < 0 or abs(start - near) < abs(best - near):
            best = start
        start = text.find(words, start + 1)
    return best


def _short(words: str) -> str:
    return words if len(words) <= 40 else words[:37] + "…"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
