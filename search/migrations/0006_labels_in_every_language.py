"""Documents carry labels: taxonomy and member names in each language (search/labels.py).

`labels` is a JSON object {text search configuration: words}. Each database indexes the words of
each language with that language's rules, and keeps the document's own language apart from the
others, so that a visitor matches other languages' labels only on untranslated items:
PostgreSQL: the vector trigger adds each language's labels with its configuration, the document's
own at weight B (like the summary) and the others at weight D.
SQLite: the FTS5 table gets two more columns, `labels` (own language) and `foreign_labels`; its
content is a view that splits the JSON, so highlight() and snippet() read the same values the
triggers wrote (FTS5's 'rebuild' cannot read a view: copy the rows with SQLITE_FORWARD's last
statement instead).
Existing documents get their labels with `manage.py rebuild_search_documents`.

Note for later migrations: on SQLite a migration that alters search_searchdocument must drop the
view, the FTS5 table and the triggers first (SQLITE_BACKWARD) and run SQLITE_FORWARD after.
"""

import importlib

from django.db import migrations, models

full_text = importlib.import_module("search.migrations.0002_full_text_index")


def sqlite_labels(row, own):
    """SQLite expression of a row's own-language (or other languages') labels as text."""
    operator = "=" if own else "<>"
    return (
        f"coalesce((SELECT group_concat(j.value, ' ') FROM json_each({row}.labels) AS j"
        f" WHERE j.key {operator} {row}.search_config), '')"
    )


def sqlite_values(row):
    """The five FTS5 column values of a documents row."""
    return (
        f"{row}.id, {row}.title, {row}.summary, {row}.body,"
        f" {sqlite_labels(row, True)}, {sqlite_labels(row, False)}"
    )


COLUMNS = "rowid, title, summary, body, labels, foreign_labels"
SQLITE_FORWARD = [
    f"""
    CREATE VIEW search_fts_content AS
    SELECT d.id, d.title, d.summary, d.body, {sqlite_labels("d", True)} AS labels,
           {sqlite_labels("d", False)} AS foreign_labels
    FROM search_searchdocument d
    """,
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title, summary, body, labels, foreign_labels,
        content='search_fts_content', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3'
    )
    """,
    f"""
    CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts({COLUMNS}) VALUES ({sqlite_values("new")});
    END
    """,
    f"""
    CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, {COLUMNS}) VALUES ('delete', {sqlite_values("old")});
    END
    """,
    f"""
    CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, {COLUMNS}) VALUES ('delete', {sqlite_values("old")});
        INSERT INTO search_fts({COLUMNS}) VALUES ({sqlite_values("new")});
    END
    """,
    # FTS5's 'rebuild' cannot read a view: the rows are copied instead.
    f"INSERT INTO search_fts({COLUMNS}) SELECT {sqlite_values('d')} FROM search_searchdocument d",
]
SQLITE_BACKWARD = [*full_text.SQLITE_BACKWARD, "DROP VIEW IF EXISTS search_fts_content"]
SQLITE_RESTORE_0002 = [
    full_text.SQLITE_TABLE,
    *full_text.SQLITE_TRIGGERS,
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]

POSTGRESQL_VECTOR = """
    CREATE OR REPLACE FUNCTION search_document_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        config text;
        words text;
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector(NEW.search_config::regconfig, coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector(NEW.search_config::regconfig, coalesce(NEW.summary, '')), 'B')
            || setweight(to_tsvector(NEW.search_config::regconfig, coalesce(NEW.body, '')), 'C');
        FOR config, words IN SELECT key, value FROM jsonb_each_text(coalesce(NEW.labels, '{}'))
        LOOP
            NEW.search_vector := NEW.search_vector || setweight(
                to_tsvector(config::regconfig, words),
                CASE WHEN config = NEW.search_config THEN 'B'::"char" ELSE 'D'::"char" END
            );
        END LOOP;
        RETURN NEW;
    END
    $$
"""
POSTGRESQL_FORWARD = [
    POSTGRESQL_VECTOR,
    "DROP TRIGGER IF EXISTS search_document_vector ON search_searchdocument",
    """
    CREATE TRIGGER search_document_vector
    BEFORE INSERT OR UPDATE OF title, summary, body, search_config, labels
    ON search_searchdocument FOR EACH ROW EXECUTE FUNCTION search_document_vector()
    """,
]
POSTGRESQL_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_document_vector ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_document_vector()",
    full_text.POSTGRESQL_FORWARD[2],
    full_text.POSTGRESQL_FORWARD[3],
]


class Migration(migrations.Migration):
    dependencies = [("search", "0005_accent_insensitive_search")]

    operations = [
        migrations.RunPython(
            full_text.run_for_vendor({"sqlite": SQLITE_BACKWARD}),
            full_text.run_for_vendor({"sqlite": SQLITE_RESTORE_0002}),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="labels",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="Names and synonyms of the page's taxonomy terms and member, by text "
                "search configuration (search/labels.py).",
            ),
        ),
        migrations.RunPython(
            full_text.run_for_vendor(
                {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}
            ),
            full_text.run_for_vendor(
                {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}
            ),
        ),
    ]
