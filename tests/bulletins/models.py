"""A bulletins section: its listing's filter and sort, feeds, download columns, search type and
facet, citation and translation-dashboard section, all declared here (README, "Adding a listed
page type")."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index

from home.citations import CitableMixin
from home.exports import Column
from home.listing import ChoiceFilter, SortOrder
from home.models import BasePage
from home.models.listing_page import SectionIndexPage


class BulletinTopic(models.TextChoices):
    """What a bulletin is about."""

    BUDGET = "budget", _("Budget")
    PROCUREMENT = "procurement", _("Procurement")


class BulletinIndexPage(SectionIndexPage):
    """Every bulletin, newest first, filterable by topic."""

    subpage_types = ["bulletins.BulletinPage"]
    section = "bulletins"

    class Meta:
        verbose_name = _("bulletins index")

    def get_filters(self):
        """By topic."""
        return [ChoiceFilter("topic", _("Topic"), "topic", choices=BulletinTopic.choices)]

    def get_sort_orders(self):
        """Newest issue first."""
        return [SortOrder("newest", _("Newest first"), ("-issued", "pk"))]


class BulletinPage(CitableMixin, BasePage):
    """One bulletin: its topic, the day it was issued and its text (no policy areas)."""

    topic = models.CharField(_("topic"), max_length=20, choices=BulletinTopic.choices)
    issued = models.DateField(_("issued"))
    body = models.TextField(_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("topic"),
        FieldPanel("issued"),
        *BasePage.summary_panels,
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("topic"), APIField("issued"), APIField("body")]
    parent_page_types = ["bulletins.BulletinIndexPage"]
    subpage_types = []
    section = "bulletins"
    listed_untranslated = True
    # The listing's downloads and feeds.
    export_columns = [Column("topic", kind="choice"), Column("issued")]
    feed_ordering = ("-issued", "-pk")
    # The site search.
    search_type = "bulletin"
    search_type_label = _("Bulletins")

    class Meta:
        verbose_name = _("bulletin")

    @classmethod
    def search_filters(cls):
        """The search's facet over a bulletin's topic."""
        topics = BulletinTopic.choices
        return [ChoiceFilter("bulletin_topic", _("Bulletin topic"), "topic", choices=topics)]

    def search_facets(self):
        """Its topic and the year it was issued."""
        return {"bulletin_topic": self.topic, "year": self.issued.year}

    def search_date(self):
        """The search's "newest": the day it was issued."""
        return datetime.datetime.combine(self.issued, datetime.time(12), datetime.UTC)

    def feed_date(self):
        """The feeds' publication date: the day it was issued."""
        return self.search_date()
