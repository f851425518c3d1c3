"""Storage: SQLAlchemy models, the engine, migrations, backups, integrity and the folder lock."""
