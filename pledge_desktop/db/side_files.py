"""Does the `-wal` file beside a database belong to it? Checked from the bytes, before SQLite
opens the database, because SQLite trusts any well-formed WAL it finds: it would read another
database's WAL into this one, and fold it into the file when the last connection closes.

A WAL belongs to the database when its header is sound (magic, format, the database's page size,
its own checksum) and its committed frames agree with the database file: every page-1 image in
it carries the database's page size, application id and identity (user_version: a random number
the app gives each database it makes; copies share it), and the database's change counter is
either the one just before the WAL's first page-1 image or one of the WAL's own (a checkpoint may
already have copied some frames). A WAL with no page-1 image (small changes that did not grow
the file) cannot be told apart this way, and is trusted if its header and frames are sound.
Frames after the last sound one are ignored, as SQLite does: a torn last write after a crash is
normal. The `-shm` file is only an index that SQLite rebuilds from the WAL when the first
connection opens, so it cannot carry data and is not checked.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_VERSION = 3007000
WAL_HEADER = 32
FRAME_HEADER = 24


@dataclass(frozen=True)
class DatabaseHeader:
    page_size: int
    change_counter: int
    page_count: int
    valid_for: int
    application_id: int
    identity: int  # the user_version field: a random number the app gives each database
    wal_mode: bool


def read_header(data: bytes) -> DatabaseHeader | None:
    """The fields of SQLite's 100-byte header that matter here, or None if it is not one."""
    if len(data) < 100 or data[:16] != b"SQLite format 3\x00":
        return None
    raw_size = struct.unpack(">H", data[16:18])[0]
    page_size = 65536 if raw_size == 1 else raw_size
    if page_size < 512 or page_size & (page_size - 1):
        return None
    return DatabaseHeader(
        page_size=page_size,
        change_counter=struct.unpack(">I", data[24:28])[0],
        page_count=struct.unpack(">I", data[28:32])[0],
        valid_for=struct.unpack(">I", data[92:96])[0],
        application_id=struct.unpack(">I", data[68:72])[0],
        identity=struct.unpack(">I", data[60:64])[0],
        wal_mode=data[18] == 2 and data[19] == 2,
    )


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum over `data` (a multiple of 8 bytes), continuing from (s0, s1)."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def wal_problem(db_header: DatabaseHeader, wal: bytes) -> str | None:
    """Why `wal` does not belong to the database with `db_header`; None when it does."""
    if not wal:
        return None
    if len(wal) < WAL_HEADER:
        return "it is too short to be a write-ahead log"
    magic, version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", wal[:32])
    if magic not in WAL_MAGIC or version != WAL_VERSION:
        return "it is not a SQLite write-ahead log"
    big_endian = bool(magic & 1)
    if _checksum(wal[:24], 0, 0, big_endian) != (c0, c1):
        return "its header is damaged"
    if page_size != db_header.page_size:
        return "it was written for a database with another page size"
    s0, s1 = c0, c1
    offset = WAL_HEADER
    committed_page1: list[bytes] = []
    pending_page1: list[bytes] = []
    step = FRAME_HEADER + page_size
    while offset + step <= len(wal):
        frame = wal[offset : offset + step]
        page, commit, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", frame[:24])
        if (f_salt1, f_salt2) != (salt1, salt2) or page == 0:
            break
        s0, s1 = _checksum(frame[:8], s0, s1, big_endian)
        s0, s1 = _checksum(frame[24:], s0, s1, big_endian)
        if (s0, s1) != (f0, f1):
            break
        if page == 1:
            pending_page1.append(frame[24:124])
        if commit:
            committed_page1 += pending_page1
            pending_page1 = []
        offset += step
    counters: list[int] = []
    for image in committed_page1:
        header = read_header(image)
        if header is None or header.page_size != db_header.page_size:
            return "it holds pages of a database that is not this one"
        if header.application_id != db_header.application_id:
            return "it belongs to another program's database"
        if header.identity != db_header.identity:
            return "it belongs to another database"
        counters.append(header.change_counter)
    if counters and db_header.change_counter not in {counters[0] - 1, *counters}:
        return "it belongs to another database, or to an older or newer copy of this one"
    return None


def foreign_wal(database: Path) -> str | None:
    """A plain description of what is wrong with the `-wal` beside `database`, or None."""
    wal_path = database.with_name(database.name + "-wal")
    try:
        wal = wal_path.read_bytes()
    except FileNotFoundError:
        return None
    if not wal:
        return None
    try:
        with database.open("rb") as handle:
            db_header = read_header(handle.read(100))
    except FileNotFoundError:
        db_header = None
    if db_header is None:
        return "there is no sound database beside it"
    return wal_problem(db_header, wal)
