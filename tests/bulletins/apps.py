"""Bulletins: a listed, searched, citable page type that lives wholly in its own app."""

from django.apps import AppConfig


class BulletinsConfig(AppConfig):
    """The bulletins listing and its pages (test-only: the README's "Adding a listed page
    type" example)."""

    name = "tests.bulletins"
    label = "bulletins"
    default_auto_field = "django.db.models.BigAutoField"
