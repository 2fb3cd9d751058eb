"""PostgreSQL: a GIN index over (locale, tsvector), and document rows kept in one piece.

Every search asks for one language's matches. With two separate indexes the planner picked the
locale's B-tree and tested the tsvector of every document of that language (93 ms for a common
word at 10,000 documents); the composite index (btree_gin) answers both conditions at once
(1 ms). Ranking reads the tsvector of every match: stored out of line (TOAST, the default above
2 kB a row) that costs a TOAST index lookup per value; with toast_tuple_target at its maximum
rows of a few kilobytes stay in the table page and ranking 800 matches took a third of the time.
See docs/performance.md.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "CREATE INDEX search_doc_locale_vector ON search_searchdocument"
    " USING gin (locale_id, search_vector)",
    "DROP INDEX IF EXISTS search_doc_vector",
    "ALTER TABLE search_searchdocument SET (toast_tuple_target = 8160)",
]
BACKWARD = [
    "ALTER TABLE search_searchdocument RESET (toast_tuple_target)",
    "CREATE INDEX IF NOT EXISTS search_doc_vector ON search_searchdocument"
    " USING gin (search_vector)",
    "DROP INDEX IF EXISTS search_doc_locale_vector",
]


def run(statements):
    """A RunPython function executing the statements on PostgreSQL only."""

    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_index")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
