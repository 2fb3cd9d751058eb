"""The search page's facets, built on the listing filters of home/listing.py.

The listing filters already know how to read GET parameters, label values in the visitor's
language and order options; the search only changes where the counts come from: one GROUP BY
over its own facet table (see search/backends/), passed in instead of a queryset.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from home.listing import ChoiceFilter, TaxonomyFilter, YearFilter
from home.models import Country, PolicyArea, Region, SustainableDevelopmentGoal
from knowledge.models import Audience, KnowledgeKind
from search.models import PageType


class PrecountedMixin:
    """A listing filter whose counts were computed by the search's facet query.

    `build_options(facet_counts, locale)` receives the dict {param: {value: count}} where a
    listing passes a queryset. `column` names the document column of a single-valued facet;
    multi-valued facets (no column) are filtered through the facet table.
    """

    column = None

    def counts(self, facet_counts):
        """This facet's value -> count, from the search's facet query."""
        return facet_counts.get(self.param, {})

    def known_values(self, values):
        """The requested values that exist; the others are dropped before searching."""
        labels = self.labels(values, None)
        return [value for value in values if value in labels]


@dataclass
class ChoiceFacet(PrecountedMixin, ChoiceFilter):
    """A facet over a field with fixed choices."""

    column: str = None


@dataclass
class TaxonomyFacet(PrecountedMixin, TaxonomyFilter):
    """A facet over translatable terms, compared by their shared slug."""

    column: str = None

    def known_values(self, values):
        """Slugs that name a term (one query, only when values were requested)."""
        if not values:
            return []
        found = set(self.model.objects.filter(slug__in=values).values_list("slug", flat=True))
        return [value for value in values if value in found]


@dataclass
class YearFacet(PrecountedMixin, YearFilter):
    """A facet over years (four digits; any year is a valid filter)."""

    column: str = None


def build_facets():
    """Fresh facet objects for one search, in the order the page shows them."""
    return [
        ChoiceFacet(
            "type", _("Content type"), "page_type", choices=PageType.choices, column="page_type"
        ),
        TaxonomyFacet("policy_area", _("Policy area"), "policy_area", model=PolicyArea),
        TaxonomyFacet(
            "sdg", _("Sustainable Development Goal"), "sdg", model=SustainableDevelopmentGoal
        ),
        ChoiceFacet("region", _("Region"), "region", choices=Region.choices, column="region"),
        TaxonomyFacet("country", _("Country"), "country", model=Country, column="country"),
        ChoiceFacet(
            "kind",
            _("Kind of knowledge product"),
            "kind",
            choices=KnowledgeKind.choices,
            column="kind",
        ),
        ChoiceFacet(
            "audience",
            _("Training audience"),
            "audience",
            choices=Audience.choices,
            column="audience",
        ),
        YearFacet("year", _("Year"), "year", column="year"),
    ]
