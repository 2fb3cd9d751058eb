"""Shared vocabulary: translatable snippets with stable slugs, compared by translation key."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

# Synonyms are separated by commas, Latin or Arabic.
SYNONYM_SEPARATOR = re.compile("[,\u060c]")


def split_synonyms(text):
    """The synonyms written in a text, without blanks."""
    return [word.strip() for word in SYNONYM_SEPARATOR.split(text or "") if word.strip()]


class Region(models.TextChoices):
    """The partnership's four regions, as the brochure groups members."""

    AFRICA_MIDDLE_EAST = "africa-middle-east", _("Africa and Middle East")
    AMERICAS = "americas", _("Americas")
    ASIA_PACIFIC = "asia-pacific", _("Asia and Pacific")
    EUROPE = "europe", _("Europe")


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """A named term with a slug shared by all its translations (the slug is synchronized)."""

    name = models.CharField(_("name"), max_length=255, help_text=_("Shown to visitors."))
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Stable identifier used in filter links; the same in every language."),
    )
    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_(
            "Other words visitors search with for this term, separated by commas; the site "
            "search finds what is tagged with the term through them."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("synonyms")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("synonyms"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class PolicyArea(TaxonomyTerm):
    """A policy area that reforms and knowledge products are tagged with."""

    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences shown on filter pages.")
    )

    panels = [*TaxonomyTerm.panels, FieldPanel("description")]
    translatable_fields = [*TaxonomyTerm.translatable_fields, TranslatableField("description")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_policyarea_slug"),
        ]


class SustainableDevelopmentGoal(TaxonomyTerm):
    """One of the 17 UN Sustainable Development Goals, with its number and official colour."""

    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("The goal's number, 1 to 17.")
    )
    colour = models.CharField(
        _("colour"), max_length=7, help_text=_("The UN's official colour, as #RRGGBB.")
    )

    panels = [FieldPanel("number"), *TaxonomyTerm.panels, FieldPanel("colour")]
    translatable_fields = [
        *TaxonomyTerm.translatable_fields,
        SynchronizedField("number"),
        SynchronizedField("colour"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_sdg_slug"),
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def css_class(self):
        """The stylesheet class that carries this goal's colour (no inline styles under CSP)."""
        return f"sdg-{self.number}"


class Country(TaxonomyTerm):
    """A country with its ISO 3166-1 code and the partnership region it belongs to."""

    iso_code = models.CharField(
        _("ISO code"), max_length=2, help_text=_("Two-letter ISO 3166-1 code, e.g. ES.")
    )
    region = models.CharField(
        _("region"), max_length=32, choices=Region.choices, help_text=_("Partnership region.")
    )

    panels = [*TaxonomyTerm.panels, FieldPanel("iso_code"), FieldPanel("region")]
    translatable_fields = [
        *TaxonomyTerm.translatable_fields,
        SynchronizedField("iso_code"),
        SynchronizedField("region"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_country_slug"),
        ]

    def place_facets(self):
        """The search facets of a place in this country: its region and its own slug."""
        return {"region": self.region, "country": self.slug}


class TaggedMixin(models.Model):
    """The policy areas and goals a page or record is tagged with, declared once for every type
    that has them (terms of any language; home.localization shows them in the visitor's)."""

    policy_areas = ParentalManyToManyField(
        PolicyArea,
        verbose_name=_("policy areas"),
        blank=True,
        related_name="+",
        help_text=_("Policy areas it covers."),
    )
    sdgs = ParentalManyToManyField(
        SustainableDevelopmentGoal,
        verbose_name=_("Sustainable Development Goals"),
        blank=True,
        related_name="+",
        help_text=_("UN goals it relates to."),
    )

    # The tag fields editors must fill for this type, e.g. ("policy_areas",) (home/forms.py).
    required_tags = ()

    class Meta:
        abstract = True

    def tag_facets(self):
        """The search facets of its tags: sorted slugs of its policy areas and goals."""
        return {
            "policy_area": sorted({term.slug for term in self.policy_areas.all()}),
            "sdg": sorted({term.slug for term in self.sdgs.all()}),
        }

    def tag_terms(self):
        """Its policy areas and goals, whose names describe it in every language."""
        return [*self.policy_areas.all(), *self.sdgs.all()]
