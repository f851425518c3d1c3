"""Alembic environment: always handed an open connection by pledge_desktop.db.migrate."""

from alembic import context

from pledge_desktop.db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
