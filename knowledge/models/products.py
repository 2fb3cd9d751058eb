"""Knowledge products: research, guides, toolkits and more, with files in several languages."""

import datetime
from dataclasses import replace

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock
from home.citations import LICENCE_URLS, CitableMixin, split_authors
from home.exports import Column
from home.listing import (
    ChoiceFilter,
    LanguageListFilter,
    SortOrder,
    TaxonomyFilter,
    YearFilter,
)
from home.localization import live_in_language, named_in
from home.models import BasePage, PolicyArea, SustainableDevelopmentGoal, TaggedMixin
from home.models.listing_page import SectionIndexPage
from home.serializers import PageLinkField, TaxonomyField
from knowledge.blocks import FileBlock


class KnowledgeKind(models.TextChoices):
    """The kinds of knowledge product the partnership publishes."""

    RESEARCH_REPORT = "research_report", _("Research report")
    GUIDE = "guide", _("Guide")
    TOOLKIT = "toolkit", _("Toolkit")
    POLICY_BRIEF = "policy_brief", _("Policy brief")
    CASE_STUDY_COLLECTION = "case_study_collection", _("Case study collection")
    VIDEO = "video", _("Video")
    DATASET = "dataset", _("Dataset")


# Kinds as BibTeX entry types and RIS reference types; another kind is cited as a web page.
BIBTEX_TYPES = {
    KnowledgeKind.RESEARCH_REPORT: "techreport",
    KnowledgeKind.POLICY_BRIEF: "techreport",
    KnowledgeKind.GUIDE: "manual",
    KnowledgeKind.TOOLKIT: "manual",
    KnowledgeKind.CASE_STUDY_COLLECTION: "techreport",
}
RIS_TYPES = {
    KnowledgeKind.RESEARCH_REPORT: "RPRT",
    KnowledgeKind.POLICY_BRIEF: "RPRT",
    KnowledgeKind.CASE_STUDY_COLLECTION: "RPRT",
    KnowledgeKind.GUIDE: "BOOK",
    KnowledgeKind.TOOLKIT: "BOOK",
    KnowledgeKind.VIDEO: "VIDEO",
    KnowledgeKind.DATASET: "DATA",
}


class KnowledgeIndexPage(SectionIndexPage):
    """All knowledge products, filterable by kind, policy area, goal, file language and year."""

    subpage_types = ["knowledge.KnowledgeProductPage"]
    section = "knowledge"

    class Meta:
        verbose_name = _("knowledge index")

    def get_filters(self):
        """Kind, policy area, goal, file language and year."""
        return [
            ChoiceFilter("kind", _("Kind"), "kind", choices=KnowledgeKind.choices),
            TaxonomyFilter("policy_area", _("Policy area"), "policy_areas__slug", model=PolicyArea),
            TaxonomyFilter(
                "sdg",
                _("Sustainable Development Goal"),
                "sdgs__slug",
                model=SustainableDevelopmentGoal,
            ),
            LanguageListFilter("language", _("Language of the files"), "file_languages"),
            YearFilter("year", _("Year"), "publication_date__year"),
        ]

    def get_sort_orders(self):
        """Newest first, or A to Z."""
        return [
            SortOrder("newest", _("Newest first"), ("-publication_date", "title")),
            SortOrder("title", _("A to Z"), ("title",)),
        ]

    def get_listing_queryset(self, locale):
        """Products with what their cards show, fetched up front."""
        return (
            super()
            .get_listing_queryset(locale)
            .select_related("image", "locale")
            .prefetch_related("policy_areas")
        )


class KnowledgeProductPage(CitableMixin, TaggedMixin, BasePage):
    """A research report, guide, toolkit or other product, with files or an external link."""

    kind = models.CharField(
        _("kind"), max_length=32, choices=KnowledgeKind.choices, help_text=_("What it is.")
    )
    authors = models.CharField(
        _("authors"), max_length=255, blank=True, help_text=_("People or teams who wrote it.")
    )
    publisher = models.CharField(
        _("publisher"),
        max_length=255,
        default="Open Cities Partnership",
        help_text=_("Who publishes it."),
    )
    publication_date = models.DateField(_("publication date"), help_text=_("When it came out."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"), help_text=_("Content."))
    files = StreamField(
        [("file", FileBlock())],
        blank=True,
        verbose_name=_("files"),
        help_text=_("Downloadable files, each with its language."),
    )
    external_url = models.URLField(
        _("external link"), blank=True, help_text=_("Where it is published, if not as a file.")
    )
    file_languages = models.CharField(
        max_length=100,
        blank=True,
        editable=False,
        help_text="Languages of the files as |en|es|, kept for filtering.",
    )
    related_members = ParentalManyToManyField(
        "stories.MemberProfilePage",
        verbose_name=_("related members"),
        blank=True,
        related_name="+",
        help_text=_("Members it is about."),
    )
    related_stories = ParentalManyToManyField(
        "stories.ReformStoryPage",
        verbose_name=_("related stories"),
        blank=True,
        related_name="+",
        help_text=_("Reform stories it draws on."),
    )
    licence = models.CharField(
        _("licence"), max_length=80, default="CC BY 4.0", help_text=_("e.g. CC BY 4.0.")
    )

    # Its header, structured data and citation each name its terms: loaded once, with the page.
    route_prefetch = ("policy_areas", "sdgs")

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("authors"),
                FieldPanel("publisher"),
                FieldPanel("publication_date"),
                FieldPanel("licence"),
            ],
            heading=_("Publication"),
        ),
        *BasePage.summary_panels,
        MultiFieldPanel(
            [FieldPanel("files"), FieldPanel("external_url")],
            heading=_("Files or link"),
            help_text=_("Give at least one file or an external link."),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("policy_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_members"),
                FieldPanel("related_stories"),
            ],
            heading=_("Classification"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("authors"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
        index.RelatedFields("policy_areas", [index.SearchField("name")]),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("authors"),
        APIField("publisher"),
        APIField("publication_date"),
        APIField("licence"),
        APIField("policy_areas", serializer=TaxonomyField("policy_areas")),
        APIField("sdgs", serializer=TaxonomyField("sdgs")),
        APIField("files"),
        APIField("external_url"),
        APIField("body"),
        APIField("related_members", serializer=PageLinkField("related_members", many=True)),
        APIField("related_stories", serializer=PageLinkField("related_stories", many=True)),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("kind"),
        SynchronizedField("publication_date"),
        SynchronizedField("files"),
        SynchronizedField("external_url"),
        SynchronizedField("policy_areas"),
        SynchronizedField("sdgs"),
        SynchronizedField("related_members"),
        SynchronizedField("related_stories"),
        SynchronizedField("licence"),
        SynchronizedField("publisher"),
        SynchronizedField("authors"),
    ]
    # The downloads' own columns (after the common ones) and what "newest" means in its feeds.
    export_columns = [
        Column("kind", kind="choice"),
        Column("authors"),
        Column("publisher"),
        Column("publication_date"),
        Column("policy_areas", kind="taxonomy"),
        Column("sdgs", kind="taxonomy"),
        Column("file_languages", kind="codes"),
        Column("external_url"),
    ]
    feed_ordering = ("-publication_date", "-first_published_at", "-pk")
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    section = "knowledge"
    listed_untranslated = True
    search_type = "knowledge"
    search_type_label = _("Knowledge products")
    search_body = ("authors", "body")

    class Meta:
        verbose_name = _("knowledge product")

    @classmethod
    def search_filters(cls):
        """The search's facet over the kind of product."""
        kinds = KnowledgeKind.choices
        return [ChoiceFilter("kind", _("Kind of knowledge product"), "kind", choices=kinds)]

    def search_facets(self):
        """A knowledge product: kind, policy areas, goals and publication year."""
        return {"kind": self.kind, **self.tag_facets(), "year": self.publication_date.year}

    def search_terms(self):
        """A knowledge product is described by its policy areas and goals."""
        return self.tag_terms(), []

    def search_date(self):
        """Newest by publication date (at midnight UTC), not by when it went online."""
        return datetime.datetime.combine(
            self.publication_date, datetime.time(), tzinfo=datetime.UTC
        )

    @classmethod
    def home_context(cls, home, limit=3):
        """The home page's newest knowledge products in its language, translated or not."""
        latest = (
            live_in_language(cls.objects.live(), home.locale)
            .select_related("image")
            .order_by("-publication_date")[:limit]
        )
        return {"latest_knowledge": list(latest)}

    def clean(self):
        """A product needs files or an external link, and a summary."""
        super().clean()
        errors = {}
        if not len(self.files) and not self.external_url:
            errors["external_url"] = _("Add at least one file or an external link.")
        if not self.summary.strip():
            errors["summary"] = _("Write a summary of at most 300 characters.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Keep the file languages in step with the files, for the language filter."""
        codes = sorted({block.value["language"] for block in self.files})
        self.file_languages = "|" + "|".join(codes) + "|" if codes else ""
        return super().save(*args, **kwargs)

    @property
    def year(self):
        """The publication year."""
        return self.publication_date.year

    def feed_date(self):
        """When it came out, for its feeds: the publication date."""
        return datetime.datetime.combine(
            self.publication_date, datetime.time.min, tzinfo=datetime.UTC
        )

    def get_citation(self, request=None):
        """Cited with its authors, publisher, publication date and its kind's entry types."""
        cited = super().get_citation(request)
        publisher = self.publisher or cited.publisher
        return replace(
            cited,
            key=f"opencities{self.pk}-{self.publication_date.year}",
            authors=split_authors(self.authors) or [publisher],
            publisher=publisher,
            date=self.publication_date,
            bibtex_type=BIBTEX_TYPES.get(self.kind, cited.bibtex_type),
            ris_type=RIS_TYPES.get(self.kind, cited.ris_type),
        )

    def get_structured_data(self, request):
        """A schema.org Report (or the CreativeWork types for videos and datasets)."""
        data = super().get_structured_data(request)
        schema_type = {
            KnowledgeKind.VIDEO: "VideoObject",
            KnowledgeKind.DATASET: "Dataset",
        }.get(self.kind, "Report")
        authors = split_authors(self.authors) or [self.publisher]
        data.update(
            {
                "@type": schema_type,
                "headline": self.title[:110],
                "datePublished": self.publication_date.isoformat(),
                "dateModified": self.last_published_at and self.last_published_at.isoformat(),
                "author": [{"@type": "Organization", "name": name} for name in authors],
                "publisher": {"@type": "Organization", "name": self.publisher},
                "license": LICENCE_URLS.get(self.licence, self.licence),
                "about": [
                    {"@type": "Thing", "name": name}
                    for name in named_in(self.policy_areas.all(), self.locale)
                ],
            }
        )
        if self.kind == KnowledgeKind.VIDEO:
            data["uploadDate"] = data["datePublished"]
            data["thumbnailUrl"] = data.get("image")
        if self.external_url:
            data["sameAs"] = self.external_url
        return data
