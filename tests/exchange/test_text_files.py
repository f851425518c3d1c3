"""CSV files read honestly: the encodings spreadsheets use, and plain refusals for the rest."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pledge_desktop.domain.errors import FileRefused, StorageError
from pledge_desktop.exchange.cells import guard_cell, runs_as_formula, unguard_cell
from pledge_desktop.exchange.text_files import (
    CsvLimits,
    csv_rows,
    decode_csv_bytes,
    read_csv_file,
)

SMALL = CsvLimits("a test file", 1_000, 5)


def test_utf8_with_and_without_byte_order_mark_and_windows_text() -> None:
    text = "serial,comment\n1,Caf\u00e9 \u2013 ok\n"
    assert decode_csv_bytes(text.encode("utf-8")) == text
    assert decode_csv_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_csv_bytes(text.encode("cp1252")) == text


def test_bytes_neither_utf8_nor_windows_text_are_refused_naming_the_line() -> None:
    raw = b"serial,comment\n1,fine\n2,caf\xe9 \x81\n"  # 0x81 is no character in cp1252
    with pytest.raises(
        FileRefused, match=r"neither UTF-8 nor Windows text.* on line 3 \(byte 28, value 0xe9\)"
    ):
        decode_csv_bytes(raw)
    with pytest.raises(FileRefused, match=r"says it is UTF-8 .* line 2"):
        decode_csv_bytes(b"\xef\xbb\xbfa,b\n\xe9,c\n")


@pytest.mark.parametrize(
    ("start", "named"),
    [
        (b"PK\x03\x04\x14\x00rest", "This is an Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "older Excel workbook"),
        (b"%PDF-1.7\n", "PDF document"),
        ("serial\n".encode("utf-16"), "Unicode text"),
        (b"serial,a\n1,\x00\x01\x02", "not a text file"),
    ],
)
def test_other_kinds_of_file_are_named(start: bytes, named: str) -> None:
    with pytest.raises(FileRefused, match=named):
        decode_csv_bytes(start)


def test_files_too_big_are_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"a\n" * 600)
    with pytest.raises(FileRefused, match=r"The file is 0\.0 MB; a test file can be at most"):
        read_csv_file(path, SMALL)
    with pytest.raises(StorageError, match="There is no file"):
        read_csv_file(tmp_path / "missing.csv", SMALL)
    with pytest.raises(StorageError, match="is a folder"):
        read_csv_file(tmp_path, SMALL)


def test_long_cells_and_too_many_rows_are_refused_by_row_and_column() -> None:
    limits = CsvLimits("a test file", 10_000_000, 5, max_cell=100)
    with pytest.raises(FileRefused, match="Row 2, column comment: the cell holds 200,000"):
        csv_rows("serial,comment\n1," + "x" * 200_000 + "\n", limits)
    with pytest.raises(FileRefused, match="more than 5 rows"):
        csv_rows("a\n" * 10, limits)
    with pytest.raises(FileRefused, match="Line 2 holds a control character"):
        csv_rows("a\nb\x07\n", limits)


def test_the_guard_only_where_a_spreadsheet_would_run_a_formula() -> None:
    for kept in ("-1", "-10", "-0.5", "-.5", "-1e5", "plain", "'quoted'", "", "1-2"):
        assert guard_cell(kept) == kept
    for formula in ("=1+1", "+44", "@SUM(A1)", "\tx", "\rx", "-1+2", "-A1", "- 3", "'=x"):
        assert guard_cell(formula) == "'" + formula
        assert not runs_as_formula(guard_cell(formula))


@given(st.text(max_size=12))
def test_the_guard_is_undone_exactly(text: str) -> None:
    guarded = guard_cell(text)
    assert unguard_cell(guarded) == text
    assert not runs_as_formula(guarded)
