"""Facts about the database file that need no SQLAlchemy: its name, its mark in the header, the
schema revision this app expects, how long to wait for a busy file. Kept apart so that checking
or listing a file (`pledge cycles`, `pledge check`) can start without importing the ORM."""

BUSY_TIMEOUT_MS = 5000
DATABASE_FILE = "pledge.sqlite3"
APPLICATION_ID = 0x504C4447  # "PLDG" in the database header: marks the file as ours
# the newest migration (db/migrations/versions); tests/db/test_migrations.py keeps them equal
SCHEMA_REVISION = "0015"
