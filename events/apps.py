"""Events: Open Gov Week activities, learning circles, peer exchanges, webinars and trainings."""

from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Event pages, their listing, calendars (.ics) and time-zone display."""

    name = "events"
    default_auto_field = "django.db.models.BigAutoField"
