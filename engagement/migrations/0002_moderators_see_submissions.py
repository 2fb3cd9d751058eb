"""Moderators may read, mark, export and delete form submissions (and so answer data requests)."""

import importlib

from django.db import migrations

# The helper that creates model permissions before post_migrate (one way to do it).
ensure_model_permissions = importlib.import_module(
    "home.migrations.0002_editorial_workflow"
).ensure_model_permissions

CODENAMES = ["view_submission", "change_submission", "delete_submission"]


def grant(apps, schema_editor):
    """Give the Moderators group the submission permissions (created here if needed)."""
    ensure_model_permissions(apps, "engagement")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(
        *Permission.objects.filter(content_type__app_label="engagement", codename__in=CODENAMES)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0001_initial"),
        ("home", "0002_editorial_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
