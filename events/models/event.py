"""An event page: what, when (in its own time zone), where, in which languages, with whom."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.blocks import EventBodyBlock, FollowUpStreamBlock
from events.calendar import calendar_response
from events.forms import EventPageForm
from events.timezones import in_zone, validate_zone_name
from home.exports import Column
from home.models import BasePage, Country, TaggedMixin
from home.serializers import PageLinkField, TaxonomyField


class EventKind(models.TextChoices):
    """The kinds of gathering the partnership runs or takes part in."""

    OPEN_GOV_WEEK = "open_gov_week", _("Open Gov Week activity")
    LEARNING_CIRCLE = "learning_circle", _("Learning circle")
    PEER_EXCHANGE = "peer_exchange", _("Peer exchange")
    WEBINAR = "webinar", _("Webinar")
    TRAINING = "training", _("Training session")
    MENTORSHIP = "mentorship", _("Mentorship")


class EventFormat(models.TextChoices):
    """Where people take part, with the schema.org attendance mode each one is."""

    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


ATTENDANCE_MODES = {
    EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def split_codes(value):
    """Language codes stored as |en|es| as a list."""
    return [code for code in (value or "").split("|") if code]


class EventPage(RoutablePageMixin, TaggedMixin, BasePage):
    """One event: kind, start and end in its own IANA time zone, format, place and organiser."""

    base_form_class = EventPageForm

    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    start = models.DateTimeField(_("starts"), help_text=_("In the event's own time zone."))
    end = models.DateTimeField(_("ends"), help_text=_("In the event's own time zone."))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_zone_name],
        help_text=_("Where the times are given, e.g. Asia/Jakarta."),
    )
    attendance = models.CharField(
        _("format"), max_length=16, choices=EventFormat.choices, default=EventFormat.ONLINE
    )
    city = models.CharField(
        _("city"), max_length=120, blank=True, help_text=_("Where it takes place, if in person.")
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organiser = models.ForeignKey(
        "stories.MemberProfilePage",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The member that organises it; leave empty when the partnership does."),
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=100,
        blank=True,
        help_text=_("The languages people can speak and listen in."),
    )
    registration_url = models.URLField(
        _("registration address"), blank=True, help_text=_("Where people sign up.")
    )
    related_stories = ParentalManyToManyField(
        "stories.ReformStoryPage", verbose_name=_("related stories"), blank=True, related_name="+"
    )
    related_knowledge = ParentalManyToManyField(
        "knowledge.KnowledgeProductPage",
        verbose_name=_("related knowledge products"),
        blank=True,
        related_name="+",
    )
    body = StreamField(EventBodyBlock(), blank=True, verbose_name=_("body"))
    follow_up = StreamField(
        FollowUpStreamBlock(),
        blank=True,
        verbose_name=_("recordings and reports"),
        help_text=_("Shown once the event is over."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("time_zone")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("organiser"),
                FieldPanel("languages"),
                FieldPanel("registration_url"),
            ],
            heading=_("Where and with whom"),
        ),
        *BasePage.summary_panels,
        FieldPanel("body"),
        FieldPanel("follow_up"),
        MultiFieldPanel(
            [
                FieldPanel("policy_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_stories"),
                FieldPanel("related_knowledge"),
            ],
            heading=_("Classification"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("city"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("time_zone"),
        APIField("attendance"),
        APIField("city"),
        APIField("country", serializer=TaxonomyField("country", many=False)),
        APIField("languages"),
        APIField("registration_url"),
        APIField("policy_areas", serializer=TaxonomyField("policy_areas")),
        APIField("sdgs", serializer=TaxonomyField("sdgs")),
        APIField("related_stories", serializer=PageLinkField("related_stories", many=True)),
        APIField("related_knowledge", serializer=PageLinkField("related_knowledge", many=True)),
        APIField("body"),
        APIField("follow_up"),
    ]
    # Titles, summaries, bodies, city names and follow-up labels are translated; the facts of
    # the event (when, where, who, links) are the same in every language.
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *(
            SynchronizedField(name)
            for name in (
                "kind",
                "start",
                "end",
                "time_zone",
                "attendance",
                "country",
                "organiser",
                "languages",
                "registration_url",
                "policy_areas",
                "sdgs",
                "related_stories",
                "related_knowledge",
            )
        ),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    section = "events"
    listed_untranslated = True

    # What the listing's feed calls newest, and what its downloads hold beyond the common columns.
    feed_ordering = ("-start", "-pk")
    export_columns = [
        Column("kind", kind="choice"),
        Column("start"),
        Column("end"),
        Column("time_zone"),
        Column("attendance", kind="choice"),
        Column("city"),
        Column("country", kind="term"),
        Column("languages", kind="codes"),
        Column("registration_url"),
        Column("policy_areas", kind="taxonomy"),
        Column("sdgs", kind="taxonomy"),
    ]

    class Meta:
        verbose_name = _("event")

    def clean(self):
        """An event ends after it starts; in person and hybrid events say where."""
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.attendance != EventFormat.ONLINE and not self.city.strip():
            errors["city"] = _("Say in which city people meet.")
        if errors:
            raise ValidationError(errors)

    @property
    def local_start(self):
        """The start in the event's own zone (18:00 WIB)."""
        return in_zone(self.start, self.time_zone)

    @property
    def local_end(self):
        """The end in the event's own zone."""
        return in_zone(self.end, self.time_zone)

    def is_past(self, now=None):
        """Whether the event is over at `now` (the current time by default)."""
        return self.end < (now or timezone.now())

    @property
    def language_codes(self):
        """The codes of the languages spoken."""
        return split_codes(self.languages)

    @property
    def language_names(self):
        """The languages spoken by their own names."""
        names = dict(settings.LANGUAGES)
        return [names.get(code, code) for code in self.language_codes]

    @path("calendar/", name="ics")
    def ics(self, request):
        """This event as an iCalendar file, to add it to a calendar."""
        return calendar_response([self], request, self.title, f"{self.slug}.ics")

    def get_structured_data(self, request):
        """A schema.org Event with its attendance mode, place and organiser."""
        data = super().get_structured_data(request)
        locations = []
        if self.attendance != EventFormat.IN_PERSON:
            locations.append(
                {"@type": "VirtualLocation", "url": self.registration_url or data["url"]}
            )
        if self.attendance != EventFormat.ONLINE:
            locations.append(
                {
                    "@type": "Place",
                    "name": self.city,
                    "address": {
                        "@type": "PostalAddress",
                        "addressLocality": self.city,
                        "addressCountry": self.country.iso_code if self.country_id else "",
                    },
                }
            )
        organiser = (
            {"@type": "GovernmentOrganization", "name": self.organiser.title}
            if self.organiser_id
            else self.get_publisher_data(request)
        )
        data.update(
            {
                "@type": "Event",
                "startDate": self.local_start.iso,
                "endDate": self.local_end.iso,
                "eventAttendanceMode": ATTENDANCE_MODES[self.attendance],
                "eventStatus": "https://schema.org/EventScheduled",
                "location": locations,
                "organizer": organiser,
                "inLanguage": self.language_codes or data["inLanguage"],
            }
        )
        if self.registration_url:
            data["offers"] = {
                "@type": "Offer",
                "url": self.registration_url,
                "price": 0,
                "priceCurrency": "USD",
                "availability": "https://schema.org/InStock",
            }
        return data
