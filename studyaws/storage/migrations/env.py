"""Alembic environment: runs on the connection studyaws hands over, inside its transaction."""

from alembic import context

from studyaws.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can barely ALTER: rebuild tables (with foreign keys off, see storage.db)
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
