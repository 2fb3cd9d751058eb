"""One filter-and-paginate mechanism for every listing (stories, members, knowledge, training).

A listing page declares its filters and sort orders; `Listing` reads the GET parameters through
the shared `UrlState` (home/url_state.py, which the search uses too), narrows the queryset,
counts each filter's options against the other choices (faceting), and paginates. The same
object feeds the HTML page, its feeds and its CSV/JSON exports, so they always agree.
Counting costs one query for all the filters whatever the number of options or items shown:
each filter gives the rows (filter, value, count) its options come from, joined by UNION ALL.
"""

import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db.models import CharField, Count, F, Q, Value
from django.db.models.functions import Cast
from wagtail.models import Locale

from home.localization import vocabulary
from home.url_state import SortOrder, UrlState
from pagecache.fragments import fragment

__all__ = [
    "ChoiceFilter",
    "FilterOption",
    "Listing",
    "ListingFilter",
    "SortOrder",
    "TaxonomyFilter",
    "YearFilter",
]


# The counting query's rows for the number of results (no filter has an empty parameter).
TOTAL = ""


@dataclass
class FilterOption:
    """One value a visitor can choose, with how many items it would give."""

    value: str
    label: str
    count: int
    selected: bool = False
    css_class: str = ""


@dataclass
class ListingFilter:
    """A filter bound to one GET parameter; subclasses say how to narrow and how to count."""

    param: str
    label: str
    lookup: str
    values: list = field(default_factory=list)
    options: list = field(default_factory=list)

    def parse(self, querydict):
        """Keep the requested values; unknown ones are dropped by `resolve`. A value holding a
        NUL can match nothing (and PostgreSQL refuses it in a query), so it is dropped here."""
        values = querydict.getlist(self.param)
        self.values = [v for v in values if v.strip() and "\x00" not in v][:20]

    def counting_key(self):
        """What this filter's part of the counts depends on besides the content and the
        listing's query: its kind, lookup and chosen values."""
        return (type(self).__qualname__, self.param, self.lookup, tuple(self.values))

    def keep_known(self, locale):
        """Drop the requested values that are no option (an old link, a typo) before anything is
        counted or narrowed by them."""
        if self.values:
            known = self.labels(set(self.values), locale)
            self.values = [v for v in self.values if v in known]

    def apply(self, queryset):
        """Narrow the queryset to items matching any of the selected values: through a subquery
        where an item has many values (its policy areas), which a join would repeat it for."""
        if not self.values:
            return queryset
        condition = {f"{self.lookup}__in": self.values}
        if single_valued(queryset.model, self.lookup):
            return queryset.filter(**condition)
        matching = queryset.model.objects.filter(**condition)
        return queryset.filter(pk__in=matching.values("pk"))

    def count_parts(self, queryset):
        """The querysets of (param, value, count) rows this filter's counts come from, to be
        joined into the listing's one counting query; [] for a filter that counts alone."""
        grouped = queryset.order_by().annotate(facet_value=Cast(F(self.lookup), CharField()))
        # Only a many-valued lookup's join repeats an item: DISTINCT (a sort of every row's
        # key, the dearest part of counting) is left out where it cannot.
        count = Count("pk", distinct=not single_valued(queryset.model, self.lookup))
        counted = grouped.values("facet_value").annotate(facet_count=count)
        return [facet_rows(counted, self.param)]

    def read_counts(self, rows):
        """A dict value -> count from this filter's (value, count) rows."""
        return {value: n for value, n in rows if value is not None}

    def counts(self, queryset):
        """A dict value -> number of distinct items in `queryset` having it (one query)."""
        return self.read_counts(value_rows(self.count_parts(queryset)))

    def labels(self, values, locale):
        """A dict value -> (label, css class) for the given values."""
        return {value: (value, "") for value in values}

    def build_options(self, counts, locale):
        """Compute the options shown for this filter from its counts, most relevant first."""
        known = set(counts) | set(self.values)
        labels = self.labels(known, locale)
        self.values = [v for v in self.values if v in labels]
        self.options = [
            FilterOption(
                value=value,
                label=labels[value][0],
                count=counts.get(value, 0),
                selected=value in self.values,
                css_class=labels[value][1],
            )
            for value in self.order(labels)
        ]

    def order(self, labels):
        """Option order: alphabetical by label."""
        return sorted(labels, key=lambda v: str(labels[v][0]).casefold())


@dataclass
class TaxonomyFilter(ListingFilter):
    """Filter by a translatable snippet, compared across languages by its shared slug."""

    model: type = None

    def labels(self, values, locale):
        """Names in the visitor's language, for slugs that exist: from the vocabulary the page
        reads anyway, and one more query only for a slug it lacks (a term in a third language)."""
        if not values:
            return {}
        localized = vocabulary(self.model, locale)
        terms = {t.slug: t for t in localized.values() if t.slug in values}
        missing = set(values) - set(terms)
        if missing:
            for term in self.model.objects.filter(slug__in=missing):
                terms.setdefault(term.slug, localized.get(term.translation_key, term))
        return {slug: (str(term), getattr(term, "css_class", "")) for slug, term in terms.items()}

    def order(self, labels):
        """Goals keep their UN number order; other terms are alphabetical."""
        if hasattr(self.model, "number"):
            return sorted(labels, key=lambda v: int(labels[v][0].split(".")[0]))
        return super().order(labels)


@dataclass
class ChoiceFilter(ListingFilter):
    """Filter by a field with fixed choices (status, kind, audience, region)."""

    choices: list = field(default_factory=list)

    def labels(self, values, locale):
        """Translated choice labels for the values that are real choices."""
        names = dict(self.choices)
        return {value: (str(names[value]), "") for value in values if value in names}

    def order(self, labels):
        """Choices keep the order they are declared in."""
        return [value for value, _label in self.choices if value in labels]


class ConditionFilter(ListingFilter):
    """Filter by named conditions rather than stored values (upcoming/past, lengths).

    Subclasses give `choices()` (value, label) in the order shown and `conditions()`, the Q
    each value stands for; applying, counting in one query and labelling are shared.
    """

    def counting_key(self):
        """Also the conditions themselves: one that reads the clock ("upcoming") is never the
        same twice, so its counts are never taken for another moment's."""
        return (*super().counting_key(), repr(sorted(self.conditions().items())))

    def apply(self, queryset):
        """Items meeting any of the chosen conditions; an unknown value matches nothing."""
        if not self.values:
            return queryset
        conditions = self.conditions()
        condition = Q()
        for value in self.values:
            condition |= conditions.get(value, Q(pk__in=[]))
        return queryset.filter(condition)

    def count_parts(self, queryset):
        """One row per condition: how many items meet it."""
        return [
            facet_rows(
                queryset.order_by().filter(q).annotate(facet_value=Value(value)),
                self.param,
                "facet_value",
                Count("pk", distinct=True),
            )
            for value, q in self.conditions().items()
        ]

    def labels(self, values, locale):
        """Translated names of the chosen values that are real choices."""
        names = dict(self.choices())
        return {value: (str(names[value]), "") for value in values if value in names}

    def order(self, labels):
        """Choices keep the order they are declared in."""
        return [value for value, _label in self.choices() if value in labels]


@dataclass
class YearFilter(ListingFilter):
    """Filter by a year (an integer field, or a date field's year)."""

    def parse(self, querydict):
        """Only four-digit years are kept."""
        super().parse(querydict)
        self.values = [v for v in self.values if v.isdigit() and len(v) == 4]

    def labels(self, values, locale):
        """Years label themselves."""
        return {value: (value, "") for value in values}

    def order(self, labels):
        """Newest year first."""
        return sorted(labels, reverse=True)


@dataclass
class LanguageListFilter(ListingFilter):
    """Filter by language codes stored as one `|en|es|` text in the `lookup` field."""

    def apply(self, queryset):
        """Items whose list holds any of the chosen languages."""
        if not self.values:
            return queryset
        condition = Q()
        for code in self.values:
            condition |= Q(**{f"{self.lookup}__contains": f"|{code}|"})
        return queryset.filter(condition)

    def count_parts(self, queryset):
        """Items per stored list of languages (few distinct lists), split in `read_counts`."""
        counted = (
            queryset.order_by()
            .annotate(facet_value=F(self.lookup))
            .values("facet_value")
            .annotate(facet_count=Count("pk", distinct=True))
        )
        return [facet_rows(counted, self.param)]

    def read_counts(self, rows):
        """Items per language, adding up the lists holding it."""
        counts = {}
        for languages, n in rows:
            for code in filter(None, (languages or "").split("|")):
                counts[code] = counts.get(code, 0) + n
        return counts

    def labels(self, values, locale):
        """Languages by their own names."""
        names = dict(settings.LANGUAGES)
        return {value: (names[value], "") for value in values if value in names}


def single_valued(model, lookup):
    """Whether `lookup` (e.g. "member__country__region") reaches one value per row of `model`:
    its own fields and forward foreign keys only, no many-to-many nor reverse relation."""
    for name in lookup.split("__"):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return True  # a transform or lookup such as "year"
        if field.many_to_many or field.one_to_many:
            return False
        if not field.is_relation:
            return True
        model = field.related_model
    return True


def facet_rows(queryset, param, value="facet_value", count=None):
    """`queryset` as (param, value, count) rows, the shape every part of the one counting query
    has; `count` is the aggregate when `queryset` is not grouped yet."""
    if count is not None:
        queryset = queryset.values(value).annotate(facet_count=count)
    named = queryset.annotate(facet_param=Value(param, output_field=CharField()))
    return named.values_list("facet_param", value, "facet_count")


def value_rows(parts):
    """The (value, count) rows of one filter's parts, read on their own."""
    return [(value, n) for part in parts for _param, value, n in part]


class Listing(UrlState):
    """A filtered, counted and paginated view of a queryset, driven by GET parameters."""

    def __init__(
        self, request, queryset, filters, sort_orders, page_size=None, locale=None, kept=()
    ):
        """Read the request's parameters and compute results and facets (not the page yet).

        `kept` are (name, value) pairs every link keeps, e.g. a search within the listing.
        """
        super().__init__(request.GET, filters, sort_orders, kept=kept)
        self.request = request
        self.base_queryset = queryset
        self.page_size = page_size or settings.LISTING_PAGE_SIZE
        self.locale = locale or Locale.get_active()
        for listing_filter in filters:
            listing_filter.keep_known(self.locale)
        counts = self._count(queryset)
        for listing_filter in filters:
            listing_filter.build_options(counts[listing_filter.param], self.locale)
        self.queryset = self._apply_filters(queryset).order_by(*self.sort_order.ordering)

    def _count(self, queryset):
        """{param: {value: count}}: each filter's options counted against the other filters'
        choices (faceting), every filter and the total of results in one query; a filter with
        no parts counts alone. Kept per version of the content (a shared fragment) under a
        digest of the listing's query and filters, so the same listing, filters and language
        are counted once, not on every request of every worker. Sets `total`."""
        rows, alone = fragment(
            f"listing-counts:{self._counting_digest(queryset)}",
            lambda: self._count_rows(queryset),
        )
        self.total = sum(n for _value, n in rows[TOTAL])
        counts = {f.param: f.read_counts(rows[f.param]) for f in self.filters if f.param in rows}
        counts.update(alone)
        return counts

    def _count_rows(self, queryset):
        """The counting query's (value, count) rows by parameter, and the counts of the filters
        that count alone."""
        total = self._apply_filters(queryset).order_by().annotate(facet_value=Value(""))
        parts = [facet_rows(total, TOTAL, "facet_value", Count("pk"))]
        alone = {}
        for listing_filter in self.filters:
            others = self._apply_filters(queryset, exclude=listing_filter)
            own = listing_filter.count_parts(others)
            if own:
                parts.extend(own)
            else:
                alone[listing_filter.param] = listing_filter.counts(others)
        rows = {TOTAL: [], **{f.param: [] for f in self.filters if f.param not in alone}}
        for param, value, n in parts[0].union(*parts[1:], all=True):
            rows[param].append((value, n))
        return rows, alone

    def _counting_digest(self, queryset):
        """What the counts depend on besides the content: the listing's query (its SQL, which
        holds its language and search) and each filter's kind, lookup and chosen values. Cheaper
        than compiling the counting query itself, which a kept count never runs."""
        try:
            sql, params = queryset.order_by().query.sql_with_params()
        except EmptyResultSet:
            sql, params = "", ()
        state = [listing_filter.counting_key() for listing_filter in self.filters]
        described = repr((queryset.db, queryset.model._meta.label, sql, params, state))
        return hashlib.sha256(described.encode()).hexdigest()

    def _apply_filters(self, queryset, exclude=None):
        for listing_filter in self.filters:
            if listing_filter is not exclude:
                queryset = listing_filter.apply(queryset)
        return queryset

    def get_page(self):
        """The requested page of results; a page that does not exist is a 404 with a message."""
        return self.paginate(self.queryset, self.page_size, count=self.total)
