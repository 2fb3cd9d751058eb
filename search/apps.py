"""The visitor's way in: search page, facets, autocomplete, promoted results."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search across stories, members, knowledge and training."""

    name = "search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"
