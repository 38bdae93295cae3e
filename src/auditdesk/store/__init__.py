"""Persistence: SQLAlchemy 2 models, engine and session factory, migrations, backup, checks."""
