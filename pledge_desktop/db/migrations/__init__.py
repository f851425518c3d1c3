"""Alembic migrations. Run through pledge_desktop.db.migrate, never by hand on a live folder."""
