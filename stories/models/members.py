"""The member directory and each member government's profile."""

from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock
from home.exports import Column
from home.listing import ChoiceFilter, SortOrder, TaxonomyFilter
from home.localization import live_in_language, named_in
from home.models import BasePage, Country, PolicyArea, Region
from home.models.base import absolute_rendition_url
from home.models.listing_page import SectionIndexPage
from home.serializers import TaxonomyField
from stories.blocks import ContactBlock
from stories.forms import MemberProfileForm
from stories.member_filters import MemberPolicyAreaFilter
from stories.models.commitment_figures import PartnershipFigures, plans_with_progress
from stories.models.commitments import ILLUSTRATIVE_NOTE, commitment_structured_data


class MemberKind(models.TextChoices):
    """The kinds of local government the partnership counts among its members."""

    CITY = "city", _("City")
    MUNICIPALITY = "municipality", _("Municipality")
    PROVINCE = "province", _("Province")
    STATE = "state", _("State")
    REGION = "region", _("Region")
    COUNTY = "county", _("County")
    DISTRICT = "district", _("District")
    DEPARTMENT = "department", _("Department")
    REGENCY = "regency", _("Regency")
    TERRITORY = "territory", _("Territory")
    NATION = "nation", _("Devolved nation")


class MemberIndexPage(SectionIndexPage):
    """The directory of member governments, grouped by country, with region and kind filters."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown above the directory.")
    )

    subpage_types = ["stories.MemberProfilePage"]
    section = "members"
    listing_page_size = 200

    class Meta:
        verbose_name = _("member directory")

    def get_filters(self):
        """Region, country, kind of government and policy area (of commitments and stories)."""
        return [
            ChoiceFilter("region", _("Region"), "country__region", choices=Region.choices),
            TaxonomyFilter("country", _("Country"), "country__slug", model=Country),
            ChoiceFilter("kind", _("Kind of government"), "kind", choices=MemberKind.choices),
            MemberPolicyAreaFilter(
                "policy_area", _("Policy area"), "policy_areas__slug", model=PolicyArea
            ),
        ]

    def get_sort_orders(self):
        """By country (the brochure's order), or by name."""
        return [
            SortOrder("country", _("By country"), ("country__name", "title")),
            SortOrder("name", _("A to Z"), ("title",)),
        ]

    def get_listing_queryset(self, locale):
        """Members with their country, ready for grouping."""
        return super().get_listing_queryset(locale).select_related("country", "logo")

    def get_context(self, request, *args, **kwargs):
        """Add what the members listed (every page of the filtered view) add up to (counted
        only when the listing is rendered, not when it comes from its `page_fragment`)."""
        context = super().get_context(request, *args, **kwargs)
        queryset = context["listing"].queryset
        context["figures"] = SimpleLazyObject(lambda: PartnershipFigures.of(queryset))
        return context


class MemberProfilePage(RoutablePageMixin, BasePage):
    """A member government: who it is, when it joined, its action plans and commitments."""

    base_form_class = MemberProfileForm

    official_name = models.CharField(
        _("official name"),
        max_length=255,
        blank=True,
        help_text=_("The government's official name, e.g. Ayuntamiento de Madrid."),
    )
    kind = models.CharField(
        _("kind of government"),
        max_length=20,
        choices=MemberKind.choices,
        help_text=_("City, province, region and so on."),
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The country the member is in."),
    )
    year_joined = models.PositiveSmallIntegerField(
        _("year joined"), help_text=_("The year it joined the partnership.")
    )
    population = models.PositiveBigIntegerField(
        _("population"), null=True, blank=True, help_text=_("Approximate; leave empty if unknown.")
    )
    website = models.URLField(_("website"), blank=True, help_text=_("The official website."))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The government's logo or coat of arms."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"), help_text=_("Profile."))
    contacts = StreamField(
        [("contact", ContactBlock())],
        blank=True,
        verbose_name=_("public contacts"),
        help_text=_("Optional public points of contact."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("For the map, e.g. 40.41678."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("For the map, e.g. -3.70379."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("official_name"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("year_joined"), FieldPanel("population")]),
                FieldPanel("website"),
                FieldPanel("logo"),
            ],
            heading=_("Member"),
        ),
        *BasePage.summary_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                HelpPanel(content=ILLUSTRATIVE_NOTE),
                InlinePanel("action_plans", label=_("Action plan")),
                InlinePanel("commitments", label=_("Commitment")),
            ],
            heading=_("Action plans and commitments"),
        ),
        FieldPanel("contacts"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("official_name"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("country"),
        index.FilterField("year_joined"),
        index.RelatedFields("country", [index.SearchField("name")]),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("official_name"),
        APIField("kind"),
        APIField("country", serializer=TaxonomyField("country", many=False)),
        APIField("year_joined"),
        APIField("population"),
        APIField("website"),
        APIField("logo"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("body"),
        APIField("action_plans"),
        APIField("commitments"),
        APIField("contacts"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("kind"),
        SynchronizedField("country"),
        SynchronizedField("year_joined"),
        SynchronizedField("population"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]
    # The downloads' own columns, after the common ones.
    export_columns = [
        Column("official_name"),
        Column("kind", kind="choice"),
        Column("country", kind="term"),
        Column("country_iso", attribute="country.iso_code"),
        Column("region", attribute="country.region"),
        Column("year_joined"),
        Column("population"),
        Column("website"),
        Column("latitude"),
        Column("longitude"),
    ]
    parent_page_types = ["stories.MemberIndexPage"]
    subpage_types = []
    section = "members"
    listed_untranslated = True
    route_related = (*BasePage.route_related, "country", "logo")
    search_type = "member"
    search_type_label = _("Members")
    search_weight = 0.4
    search_body = ("official_name", "body", "commitments_text")

    class Meta:
        verbose_name = _("member profile")

    def search_facets(self):
        """A member government: its place and the year it joined."""
        place = self.country.place_facets() if self.country_id else {}
        return {**place, "year": self.year_joined}

    def search_terms(self):
        """A member government is described by its country (and so its region)."""
        return [self.country] if self.country_id else [], []

    @classmethod
    def home_figures(cls, locale):
        """The home page's counts of the members its visitors read (translated or not), of their
        countries, action plans and commitments by status (`PartnershipFigures`)."""
        figures = PartnershipFigures.of(live_in_language(cls.objects.live(), locale))
        return {
            "members": figures.members,
            "countries": figures.countries,
            "action_plans": figures.action_plans,
            "commitments": figures.commitments,
            "commitments_by_status": figures.commitments_by_status,
        }

    def get_stories(self):
        """This member's live reform stories in this page's language (with fallback)."""
        from stories.models.reforms import ReformStoryPage

        stories = ReformStoryPage.objects.live().filter(
            member__translation_key=self.translation_key
        )
        return list(
            live_in_language(stories, self.locale)
            .select_related("image")
            .order_by("-start_year", "title")
        )

    def country_has_stories(self):
        """Whether the story listing in this page's language has a story from its country."""
        from stories.models.reforms import StoryIndexPage

        index = StoryIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        if index is None:
            return False
        listed = index.get_listing_queryset(self.locale)
        return listed.filter(member__country__slug=self.country.slug).exists()

    @property
    def commitments_text(self):
        """Its plans' titles and its commitments' codes, titles and descriptions, for search."""
        plans = [plan.title for plan in self.action_plans.all()]
        commitments = [f"{c.code} {c.title} {c.description}" for c in self.commitments.all()]
        return " ".join(plans + commitments)

    def get_commitment(self, code):
        """This member's commitment `code`, with its plan, in this page's language; or a 404."""
        commitment = (
            self.commitments.filter(code=code)
            .select_related("action_plan")
            .prefetch_related("policy_areas", "sdgs")
            .first()
        )
        if commitment is None:
            raise Http404(_("This member has no commitment %(code)s.") % {"code": code[:10]})
        return commitment

    @path("commitments/<str:code>/", name="commitment")
    def commitment_page(self, request, code):
        """One commitment at its own address, with its plan, terms and the stories about it."""
        commitment = self.get_commitment(code)
        self.routed_commitment = commitment
        stories = [s for s in self.get_stories() if code in s.commitment_code_list]
        area_names = named_in(commitment.policy_areas.all(), self.locale)
        context = {
            **self.get_context(request),
            "commitment": commitment,
            "area_names": area_names,
            "commitment_stories": stories,
        }
        return TemplateResponse(request, "stories/commitment_page.html", context)

    def get_context(self, request, *args, **kwargs):
        """Add the member's stories and plans."""
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = self.get_stories()
        context["plans"] = plans_with_progress(self)
        context["country_has_stories"] = bool(context["stories"]) or self.country_has_stories()
        return context

    def get_structured_data(self, request):
        """A schema.org GovernmentOrganization, or the routed commitment's data."""
        commitment = getattr(self, "routed_commitment", None)
        if commitment is not None:
            return commitment_structured_data(self, commitment, request)
        data = super().get_structured_data(request)
        data.pop("inLanguage")
        data.update(
            {
                "@type": "GovernmentOrganization",
                "name": self.official_name or self.title,
                "alternateName": self.title if self.official_name else None,
                "areaServed": {"@type": "AdministrativeArea", "name": self.title},
                "address": {"@type": "PostalAddress", "addressCountry": self.country.iso_code},
                "memberOf": self.get_publisher_data(request),
            }
        )
        if self.logo_id:
            data["logo"] = absolute_rendition_url(self.logo, "max-400x400", request)
        if self.website:
            data["sameAs"] = [self.website]
        return data
