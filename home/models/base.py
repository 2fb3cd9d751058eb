"""The abstract page every public page type builds on: summary, image, metadata, translations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.addresses import absolute_url
from home.citations import site_name
from home.forms import PageFormInItsLanguage
from home.permissions import CheckedPagePermissionTester

SUMMARY_MAX_LENGTH = 300


def absolute_rendition_url(image, spec, request=None):
    """The absolute address of an image rendition, for metadata read by other sites."""
    rendition = image.get_rendition(spec)
    return absolute_url(rendition.url, request)


class BasePage(Page):
    """A public page with a summary, a listing/sharing image and structured-data hooks."""

    base_form_class = PageFormInItsLanguage

    summary = models.TextField(
        _("summary"),
        max_length=SUMMARY_MAX_LENGTH,
        blank=True,
        help_text=_(
            "At most 300 characters. Shown in listings, search results and as the page's "
            "description for search engines and social media."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in listings and when the page is shared. Landscape, 1200 px wide."),
    )
    image_alt = models.CharField(
        _("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows. Required when an image is chosen."),
    )

    summary_panels = [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt")],
            heading=_("Image"),
        ),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        # The same in every translation of a page: how API users link the languages up.
        APIField("translation_key"),
        APIField("summary"),
        APIField("image"),
        APIField("image_alt"),
        APIField(
            "image_rendition", serializer=ImageRenditionField("fill-1200x630", source="image")
        ),
    ]
    override_translatable_fields = [
        TranslatableField("summary"),
        TranslatableField("image_alt"),
        SynchronizedField("image"),
    ]

    # Facts about each page type that home/ reads instead of naming types (STYLE.md rule 11).
    # The section a type belongs to (translation dashboard, `section_indexes`), e.g. "stories".
    section = ""
    # Whether the type is its section's entry page, found by `home.localization.section_indexes`.
    section_index = False
    # Whether translated sites list its untranslated items (in the source language) meanwhile.
    listed_untranslated = False
    # Whether editors can feature it on the home page.
    featured_on_home = False
    # What `home.routing` loads with the page, because its templates read it more than once:
    # foreign keys (select_related) and many-to-many terms (prefetch_related).
    route_related = ("locale", "image")
    route_prefetch = ()
    # What the site search (search/) reads of a type, as Wagtail reads `search_fields`: a type
    # with a `search_type` (its value in the search's `type` facet) is searched, named there by
    # `search_type_label`; `search_weight` scales its relevance (a member's profile stub names
    # many topics in passing); `search_body` lists the attribute paths of its searched text.
    search_type = ""
    search_type_label = ""
    search_weight = 1.0
    search_body = ("body",)

    class Meta:
        abstract = True

    @classmethod
    def home_figures(cls, locale):
        """Figures this type adds to the home page in `locale`, e.g. {"stories": 12}: counted
        over what its visitors read (`home.localization.live_in_language`), so every
        language's home shows the partnership's real figures."""
        return {}

    @classmethod
    def home_context(cls, home):
        """Items this type adds to the home page's context, e.g. {"latest_knowledge": [...]}."""
        return {}

    @classmethod
    def search_filters(cls):
        """The search facets of this type's own, beyond the shared ones (type, policy area,
        goal, region, country, year): fresh `home.listing` filters, e.g. a ChoiceFilter."""
        return []

    def search_facets(self):
        """This page's facet values by parameter, e.g. {"policy_area": ["health"], "year": 2024}."""
        published = self.first_published_at or self.last_published_at
        return {"year": published.year if published else None}

    def search_terms(self):
        """(taxonomy terms, pages) whose names, in every language, describe the page."""
        return [], []

    def search_date(self):
        """What the search's "newest" sorts by: when the page first went live."""
        return self.first_published_at or self.last_published_at

    def permissions_for_user(self, user):
        """Wagtail's permissions with the project's rules on deleting and moving pages."""
        return CheckedPagePermissionTester(user, self)

    def clean(self):
        """An image needs its alternative text; the admin form shows the error on the field."""
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it.")}
            )

    def get_view_restrictions(self):
        """Wagtail's, without its two queries when routing found no private page on the site."""
        if getattr(self, "has_no_view_restrictions", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def meta_description(self):
        """The description for search engines: the SEO field, else the summary."""
        return self.search_description or self.summary

    def get_structured_data(self, request):
        """schema.org data for this page as a dict (JSON-LD); page types refine it.

        Empty values are left out when the data is rendered.
        """
        data = {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": self.title,
            "description": self.meta_description,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
        }
        if self.image_id:
            data["image"] = absolute_rendition_url(self.image, "fill-1200x630", request)
        return data

    def get_publisher_data(self, request):
        """The partnership as a schema.org Organization, named as the site is."""
        return {"@type": "Organization", "name": site_name(self, request)}
