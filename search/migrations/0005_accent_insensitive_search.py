"""Words match with and without accents; the vocabulary keeps how words are written.

PostgreSQL: `<language>_unaccent` text search configurations, copies of PostgreSQL's own whose
word mappings pass through the `unaccent` dictionary before stemming, used both to build each
document's tsvector (the trigger reads the row's search_config) and to parse the visitor's
query, so the GIN index on the tsvector serves accent-free matching unchanged. Updating the
rows' search_config makes the trigger rebuild their tsvectors.
SQLite: the FTS5 table already folds accents (`unicode61 remove_diacritics 2`, migration 0002).
"""

from django.db import migrations, models

CONFIGS = {
    "english": "english_stem",
    "spanish": "spanish_stem",
    "french": "french_stem",
    "portuguese": "portuguese_stem",
    "indonesian": "indonesian_stem",
    "arabic": "arabic_stem",
    "simple": "simple",
}
# Token types that can carry accented letters (the ascii* ones cannot).
WORD_TOKENS = "word, hword, hword_part"


def forward_statements():
    """The extension, one unaccented copy per configuration, and the rows moved onto them."""
    statements = ["CREATE EXTENSION IF NOT EXISTS unaccent"]
    for source, dictionary in CONFIGS.items():
        statements += [
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {source}_unaccent",
            f"CREATE TEXT SEARCH CONFIGURATION {source}_unaccent (COPY = {source})",
            f"ALTER TEXT SEARCH CONFIGURATION {source}_unaccent"
            f" ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, {dictionary}",
        ]
    statements.append(
        "UPDATE search_searchdocument SET search_config = search_config || '_unaccent'"
        " WHERE search_config NOT LIKE '%unaccent'"
    )
    return statements


def backward_statements():
    """The rows back on PostgreSQL's configurations, then the copies dropped."""
    statements = [
        "UPDATE search_searchdocument SET search_config = replace(search_config, '_unaccent', '')"
    ]
    statements += [f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}_unaccent" for name in CONFIGS]
    return statements


def run(statements):
    """A RunPython function executing the statements on PostgreSQL only."""

    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements():
                schema_editor.execute(statement, params=None)

    return apply


def copy_terms_as_spellings(apps, schema_editor):
    """Existing words are shown as stored until the vocabulary is rebuilt with their spelling."""
    apps.get_model("search", "SearchTerm").objects.update(spelling=models.F("term"))


class Migration(migrations.Migration):
    dependencies = [("search", "0004_facets_beside_the_text")]

    operations = [
        migrations.AddField(
            model_name="searchterm",
            name="spelling",
            field=models.CharField(blank=True, default="", max_length=64),
        ),
        migrations.RunPython(copy_terms_as_spellings, migrations.RunPython.noop),
        migrations.RunPython(run(forward_statements), run(backward_statements)),
    ]
