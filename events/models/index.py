"""The events listing: upcoming first, then the archive, filterable like every listing."""

from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from events.calendar import calendar_response
from events.models.event import EventFormat, EventKind
from home.listing import (
    ChoiceFilter,
    ConditionFilter,
    LanguageListFilter,
    SortOrder,
    TaxonomyFilter,
)
from home.models import PolicyArea, Region
from home.models.listing_page import SectionIndexPage

CALENDAR_SIZE = 500


class WhenFilter(ConditionFilter):
    """Upcoming (not over yet) or past events, split at the time of the request."""

    def choices(self):
        """The two values, in the order shown."""
        return [("upcoming", _("Upcoming")), ("past", _("Past"))]

    def conditions(self):
        """The condition each value stands for, at this moment."""
        now = timezone.now()
        return {"upcoming": Q(end__gte=now), "past": Q(end__lt=now)}


class EventIndexPage(SectionIndexPage):
    """Every event, upcoming first, with filters, feeds, downloads and a calendar feed."""

    subpage_types = ["events.EventPage"]
    section = "events"
    export_ordering = ("start", "title")

    class Meta:
        verbose_name = _("events index")

    def get_filters(self):
        """When, kind, format, region, language spoken and policy area."""
        return [
            WhenFilter("when", _("When"), "end"),
            ChoiceFilter("kind", _("Kind"), "kind", choices=EventKind.choices),
            ChoiceFilter("format", _("Format"), "attendance", choices=EventFormat.choices),
            ChoiceFilter("region", _("Region"), "country__region", choices=Region.choices),
            LanguageListFilter("language", _("Language spoken"), "languages"),
            TaxonomyFilter("policy_area", _("Policy area"), "policy_areas__slug", model=PolicyArea),
        ]

    def get_sort_orders(self):
        """Upcoming first (soonest first), then the archive (latest first); or by date."""
        return [
            SortOrder(
                "upcoming",
                _("Upcoming first"),
                ("is_past", F("upcoming_start").asc(nulls_last=True), "-start", "pk"),
            ),
            SortOrder("newest", _("Latest first"), ("-start", "pk")),
            SortOrder("oldest", _("Earliest first"), ("start", "pk")),
        ]

    def get_listing_queryset(self, locale):
        """Events with what their cards show, and whether each is over at this moment."""
        now = timezone.now()
        return (
            super()
            .get_listing_queryset(locale)
            .annotate(
                is_past=Case(When(end__lt=now, then=Value(1)), default=Value(0)),
                upcoming_start=Case(When(end__gte=now, then=F("start")), default=None),
            )
            .select_related("image", "locale", "country")
        )

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """The filtered events as an iCalendar feed, to subscribe to in a calendar."""
        listing = self.get_listing(request)
        chosen = ", ".join(str(active["option"].label) for active in listing.active_filters)
        name = f"{self.title}: {chosen}" if chosen else self.title
        events = listing.queryset.select_related("country")[:CALENDAR_SIZE]
        filename = f"{self.slug}-{self.locale.language_code}.ics"
        return calendar_response(events, request, name, filename)
