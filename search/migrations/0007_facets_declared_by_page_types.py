"""Facets a page type declares for itself move to one JSON object, `facets`, keyed by name.

The knowledge products' `kind` and the training modules' `audience` had columns of their own,
so search/ knew those types; now every type declares its own facets (`search_filters()`) and
search/ stores them without a migration per type. `page_type` loses its fixed choices for the
same reason: the types name themselves (`search_type`). On SQLite altering the documents table
rebuilds it, so the full-text view, table and triggers of 0006 are dropped first and made again
after (as 0006 says).
"""

import importlib
import json

from django.db import migrations, models

full_text = importlib.import_module("search.migrations.0002_full_text_index")
labels = importlib.import_module("search.migrations.0006_labels_in_every_language")
MOVED = ("kind", "audience")


def facets_from_columns(apps, schema_editor):
    """Carry the kind and audience columns over into the facets object."""
    document_model = apps.get_model("search", "SearchDocument")
    rows = document_model.objects.exclude(kind="", audience="").values_list("pk", *MOVED)
    for pk, *values in rows.iterator():
        facets = {name: value for name, value in zip(MOVED, values, strict=True) if value}
        document_model.objects.filter(pk=pk).update(
            facets=json.dumps(facets, sort_keys=True, separators=(",", ":"))
        )


def columns_from_facets(apps, schema_editor):
    """Put the kind and audience back in their columns."""
    document_model = apps.get_model("search", "SearchDocument")
    for pk, facets in document_model.objects.exclude(facets="{}").values_list("pk", "facets"):
        values = json.loads(facets or "{}")
        document_model.objects.filter(pk=pk).update(
            **{name: str(values.get(name, ""))[:20] for name in MOVED}
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0006_labels_in_every_language")]

    operations = [
        migrations.RunPython(
            full_text.run_for_vendor({"sqlite": labels.SQLITE_BACKWARD}),
            full_text.run_for_vendor({"sqlite": labels.SQLITE_FORWARD}),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="facets",
            field=models.TextField(
                default="{}",
                help_text="JSON object of the facets a page type declares for itself "
                "(search_filters).",
            ),
        ),
        migrations.RunPython(facets_from_columns, columns_from_facets),
        migrations.RemoveField(model_name="searchdocument", name="kind"),
        migrations.RemoveField(model_name="searchdocument", name="audience"),
        migrations.AlterField(
            model_name="searchdocument",
            name="page_type",
            field=models.CharField(max_length=32),
        ),
        migrations.RunPython(
            full_text.run_for_vendor({"sqlite": labels.SQLITE_FORWARD}),
            full_text.run_for_vendor({"sqlite": labels.SQLITE_BACKWARD}),
        ),
    ]
