"""The search page's facets, built on the listing filters of home/listing.py.

The listing filters already know how to read GET parameters, label values in the visitor's
language and order options; the search only changes where the counts come from: one query
over the matched documents' facet columns (see search/backends/), passed in instead of a
queryset. The shared vocabulary's facets have columns; the `type` facet's choices and the
facets a page type declares for itself (`search_filters()`, kept in the document's `facets`
JSON object under their name) come from the types (search/registry.py).
"""

import uuid
from dataclasses import dataclass, fields

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from home.listing import ChoiceFilter, TaxonomyFilter, YearFilter
from home.models import Country, PolicyArea, Region, SustainableDevelopmentGoal
from search.labels import LABELS_CACHE_SECONDS, LABELS_VERSION_KEY
from search.registry import own_filters, type_choices


class PrecountedMixin:
    """A listing filter whose counts were computed by the search's facet query.

    `counts(facet_counts)` picks this facet's counts out of the dict {param: {value: count}},
    which `build_options` then receives as a listing's filters receive theirs. `column` names
    the document column holding the facet, or `key` its name in the `facets` JSON object; a
    multi-valued facet holds a JSON array of slugs.
    """

    column = None
    key = None
    multi_valued = False

    def counts(self, facet_counts):
        """This facet's value -> count, from the search's facet query."""
        return facet_counts.get(self.param, {})

    def known_values(self, values, locale):
        """The requested values that exist; the others are dropped before searching."""
        labels = self.labels(values, locale)
        return [value for value in values if value in labels]


def taxonomy_labels(model, locale):
    """{slug: (name in `locale`, css class)} for every term of a taxonomy, cached.

    The listing filter's own labelling does the work on a cache miss; the cache is dropped
    whenever a term is saved or deleted (search/signals.py) and expires after
    LABELS_CACHE_SECONDS, which bounds staleness where each process has its own cache.
    """
    version = cache.get(LABELS_VERSION_KEY) or "0"
    key = f"search:labels:{version}:{model._meta.label_lower}:{locale.pk}"
    labels = cache.get(key)
    if labels is None:
        slugs = list(model.objects.values_list("slug", flat=True).distinct())
        labeller = TaxonomyFilter(param="", label="", lookup="slug", model=model)
        labels = {
            slug: (str(name), css) for slug, (name, css) in labeller.labels(slugs, locale).items()
        }
        cache.set(key, labels, LABELS_CACHE_SECONDS)
    return labels


def forget_taxonomy_labels():
    """Have taxonomy labels recomputed on the next search (by every process sharing the cache)."""
    cache.set(LABELS_VERSION_KEY, uuid.uuid4().hex, None)


@dataclass
class ChoiceFacet(PrecountedMixin, ChoiceFilter):
    """A facet over a field with fixed choices."""

    column: str = None
    key: str = None


@dataclass
class TaxonomyFacet(PrecountedMixin, TaxonomyFilter):
    """A facet over translatable terms, compared by their shared slug."""

    column: str = None
    multi_valued: bool = False
    key: str = None

    def labels(self, values, locale):
        """Names in the visitor's language, from the cached labels of the whole taxonomy."""
        labels = taxonomy_labels(self.model, locale)
        return {value: labels[value] for value in values if value in labels}


@dataclass
class YearFacet(PrecountedMixin, YearFilter):
    """A facet over years (four digits; any year is a valid filter)."""

    column: str = None
    key: str = None


FACET_OF_FILTER = {ChoiceFilter: ChoiceFacet, TaxonomyFilter: TaxonomyFacet, YearFilter: YearFacet}


def own_facet(listing_filter):
    """The search facet of a filter a page type declares, read from the `facets` JSON object."""
    facet_class = FACET_OF_FILTER[type(listing_filter)]
    values = {f.name: getattr(listing_filter, f.name) for f in fields(listing_filter)}
    extra = {"multi_valued": True} if facet_class is TaxonomyFacet else {}
    return facet_class(**values, key=listing_filter.param, **extra)


def build_facets():
    """Fresh facet objects for one search, in the order the page shows them."""
    return [
        ChoiceFacet(
            "type", _("Content type"), "page_type", choices=type_choices(), column="page_type"
        ),
        TaxonomyFacet(
            "policy_area",
            _("Policy area"),
            "policy_area",
            model=PolicyArea,
            column="policy_areas",
            multi_valued=True,
        ),
        TaxonomyFacet(
            "sdg",
            _("Sustainable Development Goal"),
            "sdg",
            model=SustainableDevelopmentGoal,
            column="sdgs",
            multi_valued=True,
        ),
        ChoiceFacet("region", _("Region"), "region", choices=Region.choices, column="region"),
        TaxonomyFacet("country", _("Country"), "country", model=Country, column="country"),
        *[own_facet(listing_filter) for listing_filter in own_filters()],
        YearFacet("year", _("Year"), "year", column="year"),
    ]
