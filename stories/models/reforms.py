"""Reform stories: what a member did, for which policy areas and goals, and what changed."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BeforeAfterFigureBlock
from home.citations import CitableMixin
from home.exports import Column
from home.listing import ChoiceFilter, SortOrder, TaxonomyFilter, YearFilter
from home.localization import live_in_language, live_versions_in, named_in
from home.models import (
    BasePage,
    Country,
    PolicyArea,
    Region,
    SustainableDevelopmentGoal,
    TaggedMixin,
)
from home.models.listing_page import SectionIndexPage
from home.serializers import PageLinkField, TaxonomyField
from stories.blocks import SourceBlock, Status, StoryBodyBlock
from stories.similar import similar_stories

commitment_codes_validator = RegexValidator(
    r"^\s*([A-Z]{3}\d{4})(\s*,\s*[A-Z]{3}\d{4})*\s*$",
    _("List codes such as MAD0001, separated by commas."),
)


class StoryIndexPage(SectionIndexPage):
    """All reform stories, filterable by policy area, goal, place, status and year."""

    subpage_types = ["stories.ReformStoryPage"]
    section = "stories"

    class Meta:
        verbose_name = _("story index")

    def get_filters(self):
        """Policy area, goal, region, country, status and year."""
        return [
            TaxonomyFilter("policy_area", _("Policy area"), "policy_areas__slug", model=PolicyArea),
            TaxonomyFilter(
                "sdg",
                _("Sustainable Development Goal"),
                "sdgs__slug",
                model=SustainableDevelopmentGoal,
            ),
            ChoiceFilter("region", _("Region"), "member__country__region", choices=Region.choices),
            TaxonomyFilter("country", _("Country"), "member__country__slug", model=Country),
            ChoiceFilter("status", _("Status"), "status", choices=Status.choices),
            YearFilter("year", _("Year"), "start_year"),
        ]

    def get_sort_orders(self):
        """Newest first, or A to Z."""
        return [
            SortOrder("newest", _("Newest first"), ("-start_year", "-first_published_at", "title")),
            SortOrder("title", _("A to Z"), ("title",)),
        ]

    def get_listing_queryset(self, locale):
        """Stories with what their cards show, fetched up front."""
        return (
            super()
            .get_listing_queryset(locale)
            .select_related("image", "member", "member__country", "locale")
            .prefetch_related("policy_areas")
            # No card, feed or download shows them; sorting thousands of stories to find one
            # page would otherwise carry every body along.
            .defer("body", "key_figures", "sources")
        )


class ReformStoryPage(CitableMixin, TaggedMixin, BasePage):
    """A reform a member carried out: its policy areas, goals, figures and story."""

    member = models.ForeignKey(
        "stories.MemberProfilePage",
        verbose_name=_("member"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The member government that carried out the reform."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.IN_PROGRESS,
        help_text=_("Where the reform stands."),
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), help_text=_("When it began."))
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, help_text=_("When it ended or is due to end.")
    )
    key_figures = StreamField(
        [("figure", BeforeAfterFigureBlock())],
        blank=True,
        verbose_name=_("key figures"),
        help_text=_("What changed, in figures: a value before and after, with its source."),
    )
    body = StreamField(StoryBodyBlock(), blank=True, verbose_name=_("body"), help_text=_("Story."))
    sources = StreamField(
        [("source", SourceBlock())],
        blank=True,
        verbose_name=_("sources and evidence"),
        help_text=_("Links to the evidence behind the story."),
    )
    commitment_codes = models.CharField(
        _("related commitment codes"),
        max_length=255,
        blank=True,
        validators=[commitment_codes_validator],
        help_text=_("Codes of the member's commitments, e.g. MAD0001, MAD0002."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("member"),
        *BasePage.summary_panels,
        MultiFieldPanel(
            [
                FieldPanel("policy_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel(
                    [FieldPanel("status"), FieldPanel("start_year"), FieldPanel("end_year")]
                ),
                FieldPanel("commitment_codes"),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("key_figures"),
        FieldPanel("body"),
        FieldPanel("sources"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("key_figures"),
        index.FilterField("status"),
        index.FilterField("start_year"),
        index.RelatedFields("member", [index.SearchField("title")]),
        index.RelatedFields("policy_areas", [index.SearchField("name")]),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("member", serializer=PageLinkField("member")),
        APIField("policy_areas", serializer=TaxonomyField("policy_areas")),
        APIField("sdgs", serializer=TaxonomyField("sdgs")),
        APIField("status"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("key_figures"),
        APIField("body"),
        APIField("sources"),
        APIField("commitment_codes"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("member"),
        SynchronizedField("policy_areas"),
        SynchronizedField("sdgs"),
        SynchronizedField("status"),
        SynchronizedField("start_year"),
        SynchronizedField("end_year"),
        SynchronizedField("commitment_codes"),
    ]
    # The downloads' own columns (after the common ones) and what "newest" means in its feeds.
    export_columns = [
        Column("member", kind="page"),
        Column("member_url", kind="page_url", attribute="member"),
        Column("country", kind="term", attribute="member.country"),
        Column("policy_areas", kind="taxonomy"),
        Column("sdgs", kind="taxonomy"),
        Column("status", kind="choice"),
        Column("start_year"),
        Column("end_year"),
        Column("commitment_codes"),
    ]
    feed_ordering = ("-first_published_at", "-pk")
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    section = "stories"
    required_tags = ("policy_areas",)
    search_type = "story"
    search_type_label = _("Reform stories")
    search_body = ("body", "key_figures", "member.title", "commitment_codes")
    listed_untranslated = True
    featured_on_home = True
    route_related = (*BasePage.route_related, "member", "member__country")
    route_prefetch = ("policy_areas", "sdgs")

    class Meta:
        verbose_name = _("reform story")

    @classmethod
    def home_figures(cls, locale):
        """The home page's count of stories, translated or not."""
        return {"stories": live_in_language(cls.objects.live(), locale).count()}

    def clean(self):
        """A story needs a summary, and cannot end before it starts."""
        super().clean()
        errors = {}
        if not self.summary.strip():
            errors["summary"] = _("Write a summary of at most 300 characters.")
        if self.end_year and self.start_year and self.end_year < self.start_year:
            errors["end_year"] = _("The end year cannot be before the start year.")
        if errors:
            raise ValidationError(errors)

    def search_facets(self):
        """A story's policy areas, goals, its member's place and its start year."""
        member = self.member if self.member_id else None
        place = member.country.place_facets() if member and member.country_id else {}
        return {**self.tag_facets(), **place, "year": self.start_year}

    def search_terms(self):
        """A story is described by its policy areas, goals, its member and the member's country."""
        member = self.member if self.member_id else None
        country = member.country if member is not None and member.country_id else None
        return [*self.tag_terms(), *([country] if country else [])], [member] if member else []

    @property
    def commitment_code_list(self):
        """The related commitment codes as a list."""
        return [code.strip() for code in self.commitment_codes.split(",") if code.strip()]

    @cached_property
    def shown_member(self):
        """The story's member as live in the story's language (else in the source language), or
        None: looked up once for what the page and its structured data name."""
        if not self.member_id:
            return None
        return live_versions_in([self.member], self.locale)[0]

    def get_similar_stories(self, limit=3):
        """Other members' stories sharing this one's policy areas and goals, in their terms or
        their members' commitments, each with why it is suggested (stories/similar.py)."""
        return similar_stories(self, limit)

    def get_context(self, request, *args, **kwargs):
        """Add similar reforms by other members (looked up only when the page's content is
        rendered, not when it comes from its `page_fragment`)."""
        context = super().get_context(request, *args, **kwargs)
        context["similar_stories"] = SimpleLazyObject(self.get_similar_stories)
        return context

    def get_structured_data(self, request):
        """A schema.org Article about the reform, its terms and member in the page's language."""
        data = super().get_structured_data(request)
        published = (
            self.first_published_at or self.last_published_at or self.latest_revision_created_at
        )
        modified = self.last_published_at or published
        publisher = self.get_publisher_data(request)
        data.update(
            {
                "@type": "Article",
                "headline": self.title[:110],
                "datePublished": published.isoformat() if published else None,
                "dateModified": modified.isoformat() if modified else None,
                "about": [
                    {"@type": "Thing", "name": name}
                    for name in named_in(self.policy_areas.all(), self.locale)
                ],
                "author": publisher,
                "publisher": publisher,
            }
        )
        member = self.shown_member
        if member is not None:
            data["spatialCoverage"] = {"@type": "Place", "name": member.title}
            data["mentions"] = {
                "@type": "GovernmentOrganization",
                "name": member.title,
                "url": member.get_full_url(request),
            }
        return data
