"""Members and what they did."""

from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Member profiles, reform stories and their listings."""

    name = "stories"
    default_auto_field = "django.db.models.BigAutoField"
