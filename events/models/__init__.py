"""Models of the events app."""

from events.models.event import EventFormat, EventKind, EventPage
from events.models.index import EventIndexPage

__all__ = ["EventFormat", "EventIndexPage", "EventKind", "EventPage"]
