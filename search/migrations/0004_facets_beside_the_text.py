"""Multi-valued facets move from a facet table to JSON array columns beside the text.

Measured at 10,000 documents, counting facets over the matched rows' own columns took half the
time of joining a facet table (docs/performance.md). On SQLite adding the columns rebuilds the
documents table, which drops the FTS5 triggers of 0002: they are created again here.
"""

import importlib
import json

from django.db import migrations, models

full_text = importlib.import_module("search.migrations.0002_full_text_index")


def copy_facet_values(apps, schema_editor):
    """Carry policy areas and goals over from the facet table."""
    document_model = apps.get_model("search", "SearchDocument")
    facet_model = apps.get_model("search", "SearchFacet")
    values = {}
    for document_id, name, value in facet_model.objects.filter(
        name__in=["policy_area", "sdg"]
    ).values_list("document_id", "name", "value"):
        values.setdefault(document_id, {}).setdefault(name, set()).add(value)
    for document_id, by_name in values.items():
        document_model.objects.filter(pk=document_id).update(
            policy_areas=json.dumps(sorted(by_name.get("policy_area", ())), separators=(",", ":")),
            sdgs=json.dumps(sorted(by_name.get("sdg", ())), separators=(",", ":")),
        )


def restore_sqlite_triggers(apps, schema_editor):
    """Recreate the FTS5 triggers the table rebuild dropped (SQLite only)."""
    if schema_editor.connection.vendor == "sqlite":
        for statement in full_text.SQLITE_TRIGGERS:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_locale_vector_index")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="policy_areas",
            field=models.TextField(default="[]", help_text="JSON array of policy area slugs."),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="sdgs",
            field=models.TextField(default="[]", help_text="JSON array of goal slugs (sdg-1...)."),
        ),
        migrations.RunPython(copy_facet_values, migrations.RunPython.noop),
        migrations.RunPython(restore_sqlite_triggers, restore_sqlite_triggers),
        migrations.DeleteModel(name="SearchFacet"),
    ]
