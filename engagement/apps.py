"""Ways in: the expression of interest in joining the partnership, and the contact form."""

from django.apps import AppConfig


class EngagementConfig(AppConfig):
    """Join and contact forms, their stored submissions, e-mail and abuse checks."""

    name = "engagement"
    default_auto_field = "django.db.models.BigAutoField"
