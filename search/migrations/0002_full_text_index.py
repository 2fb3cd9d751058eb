"""The full-text index of search documents, in each database's own terms.

PostgreSQL: a tsvector column filled by a trigger with the row's language configuration (title
weighted A, summary B, body C) and a GIN index; a pg_trgm GIN index on the vocabulary.
SQLite: an FTS5 table over the documents table (external content) kept in step by triggers.

Note for later migrations: on SQLite, Django rebuilds a table to alter it, which drops its
triggers; a migration that alters search_searchdocument must re-run SQLITE_TRIGGERS.
"""

from django.db import migrations

POSTGRESQL_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector",
    """
    CREATE FUNCTION search_document_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector(NEW.search_config::regconfig, coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector(NEW.search_config::regconfig, coalesce(NEW.summary, '')), 'B')
            || setweight(to_tsvector(NEW.search_config::regconfig, coalesce(NEW.body, '')), 'C');
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER search_document_vector
    BEFORE INSERT OR UPDATE OF title, summary, body, search_config ON search_searchdocument
    FOR EACH ROW EXECUTE FUNCTION search_document_vector()
    """,
    "CREATE INDEX search_doc_vector ON search_searchdocument USING gin (search_vector)",
    "CREATE INDEX search_term_trgm ON search_searchterm USING gin (term gin_trgm_ops)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_term_trgm",
    "DROP INDEX IF EXISTS search_doc_vector",
    "DROP TRIGGER IF EXISTS search_document_vector ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_document_vector()",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]

SQLITE_TABLE = """
    CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        title, summary, body,
        content='search_searchdocument', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3'
    )
"""
SQLITE_TRIGGERS = [
    """
    CREATE TRIGGER IF NOT EXISTS search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
        INSERT INTO search_fts(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]


def run_for_vendor(statements_by_vendor):
    """A RunPython function executing the statements written for the current database."""

    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run_for_vendor(
                {
                    "postgresql": POSTGRESQL_FORWARD,
                    "sqlite": [SQLITE_TABLE, *SQLITE_TRIGGERS, (
                        "INSERT INTO search_fts(search_fts) VALUES ('rebuild')"
                    )],
                }
            ),
            run_for_vendor({"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
