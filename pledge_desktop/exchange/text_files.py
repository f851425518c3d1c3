"""CSV files a nurse hands us (a REDCap data dictionary, forms typed into a spreadsheet): read
honestly, or refused with a plain reason.

Spreadsheets save CSV as UTF-8 (Excel's "CSV UTF-8", often with a byte-order mark) or in
Windows' own encoding (cp1252, Excel's plain "CSV"). We take UTF-8 when the whole file is
UTF-8, cp1252 only when the whole file is cp1252 and not UTF-8, and otherwise refuse, naming
the line of the first byte that is not UTF-8: guessing would put wrong letters into patients'
answers without anyone noticing. Workbooks, PDFs and other binary files are named for what they
are. Sizes are checked before anything is parsed, so a huge file costs no memory.

Files are only ever opened for reading.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from pledge_desktop.domain.errors import FileRefused, StorageError

MB = 1024 * 1024
LONGEST_CELL = 32_000  # characters; Excel itself holds at most 32,767 in a cell
_CSV_FIELD_LIMIT = 2**31 - 1  # the largest the csv module takes on every platform
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
SAVE_AS_CSV = 'Open it in your spreadsheet and save it with "Save as", choosing "CSV UTF-8".'


@dataclass(frozen=True)
class CsvLimits:
    """What one kind of CSV may hold. `what` names the kind in messages ("a data dictionary")."""

    what: str
    max_bytes: int
    max_rows: int  # not counting the header line
    max_cell: int = LONGEST_CELL
    row_word: str = "rows"  # what a row is, in messages ("fields" in a data dictionary)


def read_csv_file(path: Path, limits: CsvLimits) -> str:
    """The text of the CSV at `path`, or FileRefused/StorageError saying plainly why not."""
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a file.")
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise FileRefused(_too_big(size, limits))
        with path.open("rb") as stream:
            raw = stream.read(limits.max_bytes + 1)
    except FileNotFoundError as error:
        raise StorageError(f"There is no file {path}.") from error
    except IsADirectoryError as error:
        raise StorageError(f"{path} is a folder, not a file.") from error
    except OSError as error:
        reason = error.strerror or str(error)
        raise StorageError(f"The file {path} cannot be read ({reason}).") from error
    if len(raw) > limits.max_bytes:  # it grew while we looked
        raise FileRefused(_too_big(len(raw), limits))
    return decode_csv_bytes(raw)


def _too_big(size: int, limits: CsvLimits) -> str:
    return (
        f"The file is {size / MB:,.1f} MB; {limits.what} can be at most "
        f"{limits.max_bytes / MB:,.0f} MB. Nothing was imported."
    )


def decode_csv_bytes(raw: bytes) -> str:
    """Bytes of a CSV file as text: UTF-8 (with or without byte-order mark), else cp1252 when the
    whole file is cp1252; anything else is refused with the reason."""
    kind = _binary_kind(raw)
    if kind:
        raise FileRefused(kind)
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8")
        except UnicodeDecodeError as error:
            raise FileRefused(_not_text(raw, 3 + error.start, marked=True)) from error
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            raise FileRefused(_not_text(raw, utf8_error.start, marked=False)) from utf8_error


def _binary_kind(raw: bytes) -> str | None:
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return (
            "This is an Excel workbook (or another zip file), not a CSV file: save it as CSV "
            f"first. {SAVE_AS_CSV}"
        )
    if raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return (
            "This is an older Excel workbook (.xls), not a CSV file: save it as CSV first. "
            f"{SAVE_AS_CSV}"
        )
    if raw.startswith(b"%PDF"):
        return "This is a PDF document, not a CSV file."
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return f'This file is saved as "Unicode text" (UTF-16), which we cannot read. {SAVE_AS_CSV}'
    if b"\x00" in raw:
        return (
            "This is not a text file: it holds binary data (a picture, a program or a "
            f"damaged file, perhaps), not a CSV file. {SAVE_AS_CSV}"
        )
    return None


def _not_text(raw: bytes, position: int, marked: bool) -> str:
    line = raw.count(b"\n", 0, position) + 1
    claim = "says it is UTF-8 but " if marked else "is neither UTF-8 nor Windows text: it "
    return (
        f"This file {claim}has a byte that is not a letter in it on line {line} "
        f"(byte {position + 1}, value {raw[position]:#04x}). It may be damaged, or saved in "
        f"an encoding we cannot be sure of. {SAVE_AS_CSV}"
    )


def csv_rows(text: str, limits: CsvLimits) -> list[list[str]]:
    """The rows of a CSV text, every cell checked against the limits; FileRefused naming the
    row (and column) of the first problem. Rows are numbered as a spreadsheet shows them."""
    text = text.removeprefix("\ufeff")
    if len(text) > limits.max_bytes:
        raise FileRefused(_too_big(len(text.encode("utf-8", "replace")), limits))
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise FileRefused(
            f"Line {line} holds a control character (code {ord(control.group())}) that is "
            f"not text: this does not look like a CSV file. {SAVE_AS_CSV}"
        )
    _allow_cells_of(len(text) + 1)
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            rows.append(row)
            if len(rows) > limits.max_rows + 1:
                raise FileRefused(
                    f"The file has more than {limits.max_rows:,} {limits.row_word}; "
                    f"{limits.what} can have at most {limits.max_rows:,}. Nothing was imported."
                )
            _check_cells(row, len(rows), rows[0], limits)
    except csv.Error as error:
        raise FileRefused(
            f"Row {len(rows) + 1} cannot be read as CSV ({error}). Nothing was imported."
        ) from error
    return rows


def _check_cells(row: list[str], number: int, header: list[str], limits: CsvLimits) -> None:
    for index, cell in enumerate(row):
        if len(cell) > limits.max_cell:
            name = header[index].strip() if index < len(header) and number > 1 else ""
            column = f"column {name}" if name else f"column {index + 1}"
            raise FileRefused(
                f"Row {number}, {column}: the cell holds {len(cell):,} characters; a cell can "
                f"hold at most {limits.max_cell:,}. Nothing was imported."
            )


def _allow_cells_of(length: int) -> None:
    """Let the csv module read cells as long as the whole text, so that a long cell is refused
    by our own check, with its row and column, rather than by the csv module. The limit is
    process-wide and only ever raised, never lowered, so other readers are unaffected."""
    wanted = min(length, _CSV_FIELD_LIMIT)
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)
