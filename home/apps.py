"""The site's frame and shared vocabulary."""

from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Home page, standard pages, site settings, taxonomy snippets and shared blocks."""

    name = "home"
    default_auto_field = "django.db.models.BigAutoField"
