"""The visitor's way in: search page, facets, autocomplete, promoted results."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search across stories, members, knowledge and training."""

    name = "search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        """Connect the receivers that keep the search tables in step with publishing."""
        from search import signals  # noqa: F401
