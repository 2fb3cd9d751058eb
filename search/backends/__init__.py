"""The search's database backends: PostgreSQL full text or SQLite FTS5, chosen by connection."""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from search.backends.base import ResultRow, SearchSpec


def get_backend():
    """The backend for the default database."""
    if connection.vendor == "postgresql":
        from search.backends.postgres import PostgresBackend

        return PostgresBackend()
    if connection.vendor == "sqlite":
        from search.backends.sqlite import SqliteBackend

        return SqliteBackend()
    raise ImproperlyConfigured(
        f"The site search supports PostgreSQL and SQLite, not {connection.vendor}."
    )


__all__ = ["ResultRow", "SearchSpec", "get_backend"]
