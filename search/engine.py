"""One search, from GET parameters to what the page shows: the work the benchmark times.

`prepare_search` reads the query, facets and sort, then asks the database backend for the
total and all facet counts (one query), finds promoted results (one query) and, when little is
found, a spelling suggestion. `run_search` adds one page of results with its highlighted
snippets (one query on PostgreSQL; SQLite adds an in-process one); the downloads of
search/exports.py read every page of the same prepared search instead. Facet labels come from a
cache. The number of queries does not depend on how many documents match.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale
from wagtail.search.utils import normalise_query_string

from home.localization import source_language_code
from home.url_state import SortOrder, UrlState
from search.backends import SearchSpec, get_backend
from search.backends.base import KNOWN_WORDS
from search.facets import build_facets
from search.models import SearchDocument
from search.query import SearchQuery
from search.suggest import suggest, suggestible_words

PAGE_SIZE = 10
AUTOCOMPLETE_LIMIT = 8
# The backends order by the value: "relevance" (rank) or "newest" (publication date).
SORT_ORDERS = (
    SortOrder("relevance", _("Most relevant first")),
    SortOrder("newest", _("Newest first")),
)


class LazyResults:
    """A sequence for Django's Paginator: the total is known, a slice runs the page query."""

    def __init__(self, backend, spec, sort, total):
        self.backend, self.spec, self.sort, self.total = backend, spec, sort, total

    def count(self):
        """The number of results (already computed with the facet counts)."""
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, window):
        start = window.start or 0
        if window.stop <= start:
            return []
        return self.backend.results(self.spec, self.sort, window.stop - start, start)


@dataclass
class Promotion:
    """An editor's pick for this query, shown above the results.

    `document_id` is the picked page's search document; external links have none.
    """

    title: str
    url: str
    description: str
    document_id: int = None


class SearchOutcome(UrlState):
    """What the search page shows for one request: the shared URL state (the query kept in every
    link, facets as filters, sort, page) plus the total, promotions and spelling suggestion."""

    def __init__(self, querydict, query, facets, locale):
        """Read facets and sort from `querydict`; unknown facet values are dropped (and said)."""
        super().__init__(querydict, facets, SORT_ORDERS, kept=[("q", query.text)])
        self.query = query
        self.total = 0
        self.promotions = []
        self.suggestion = None
        self.showing_suggestion = False
        self.ignored_filters = False
        for facet in facets:
            known = facet.known_values(facet.values, locale)
            self.ignored_filters = self.ignored_filters or len(known) != len(facet.values)
            facet.values = known

    @property
    def facets(self):
        """The search's facets (its filters)."""
        return self.filters

    @property
    def suggestion_url(self):
        """The link that searches for the suggested spelling."""
        return "?" + urlencode({"q": self.suggestion}) if self.suggestion else ""

    @property
    def has_downloads(self):
        """True when a download of this search would hold rows (results or promoted pages)."""
        return bool(self.total or any(p.document_id for p in self.promotions))

    def download_url(self, export_format):
        """The CSV or JSON download of every result of this search (all pages)."""
        querystring = self.querystring()
        url = reverse(f"search:export_{export_format}")
        return f"{url}?{querystring}" if querystring else url

    @property
    def csv_url(self):
        """The CSV download of this search."""
        return self.download_url("csv")

    @property
    def json_url(self):
        """The JSON download of this search."""
        return self.download_url("json")


def promoted(query, locale):
    """Editors' picks for this query in the visitor's language (and external links), in order."""
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query.text))
        .filter(Q(page__isnull=True) | Q(page__locale=locale, page__live=True))
        .order_by("sort_order")
    )
    picks = list(picks)
    documents = {
        document.page_id: document
        for document in SearchDocument.objects.filter(
            page_id__in=[pick.page_id for pick in picks if pick.page_id]
        )
    }
    promotions = []
    for pick in picks:
        if pick.page_id is None:
            promotions.append(
                Promotion(
                    pick.external_link_text or pick.external_link_url,
                    pick.external_link_url,
                    pick.description,
                )
            )
        elif pick.page_id in documents:
            document = documents[pick.page_id]
            promotions.append(
                Promotion(
                    document.title,
                    document.url,
                    pick.description or document.summary,
                    document_id=document.id,
                )
            )
    return promotions, [pick.page_id for pick in picks if pick.page_id in documents]


@dataclass
class PreparedSearch:
    """A search ready to read results from, shared by the page and the downloads.

    `backend` and `spec` are None when the query cannot be searched (the page explains why).
    `promotions` are the editors' picks, which the page shows on its first page only.
    """

    outcome: SearchOutcome
    backend: object = None
    spec: SearchSpec = None
    promotions: list = field(default_factory=list)


def prepare_search(querydict, locale=None):
    """Query, facets, sort, total, facet counts, suggestion and promotions; no page of results.

    When nothing is found and the suggestion finds something, the spec searches for the
    suggestion (`outcome.showing_suggestion`), as the page says.
    """
    locale = locale or Locale.get_active()
    query = SearchQuery.parse(querydict.get("q", ""))
    outcome = SearchOutcome(querydict, query, build_facets(), locale)
    facets = outcome.facets
    if not query.searchable:
        return PreparedSearch(outcome)
    backend = get_backend()
    source_language = source_language_code()
    promotions, promoted_ids = promoted(query, locale)
    spec = SearchSpec(
        query=query,
        locale=locale,
        fallback_language=(source_language if locale.language_code != source_language else None),
        filters=[(facet, facet.values) for facet in facets if facet.values],
        facets=facets,
        exclude_page_ids=promoted_ids,
    )
    total, counts = backend.facet_counts(spec, words=suggestible_words(query))
    # "Did you mean" when a word is in no text the visitor can be shown, even when stemming
    # found something ("transparancy" shares its stem with "transparency"); the corrected
    # query's results are shown instead only when the query found nothing.
    known = set(counts.pop(KNOWN_WORDS, {}))
    outcome.suggestion = suggest(query, locale, backend, known)
    if outcome.suggestion and total == 0:
        corrected = SearchQuery.parse(outcome.suggestion)
        spec.query = corrected
        corrected_total, corrected_counts = backend.facet_counts(spec)
        if corrected_total:
            total, counts = corrected_total, corrected_counts
            outcome.showing_suggestion = True
        else:
            spec.query = query
    outcome.total = total
    for facet in facets:
        facet.build_options(facet.counts(counts), locale)
    return PreparedSearch(outcome, backend, spec, promotions)


def run_search(querydict, locale=None):
    """Search as the search page does; a page number that does not exist raises Http404."""
    prepared = prepare_search(querydict, locale)
    outcome = prepared.outcome
    if prepared.spec is None:
        return outcome
    outcome.paginate(
        LazyResults(prepared.backend, prepared.spec, outcome.sort, outcome.total), PAGE_SIZE
    )
    if outcome.page.number == 1:
        outcome.promotions = prepared.promotions
    return outcome


def autocomplete(raw, locale=None):
    """Up to AUTOCOMPLETE_LIMIT titles in the visitor's language starting with what was typed."""
    locale = locale or Locale.get_active()
    query = SearchQuery.parse(raw)
    if not query.searchable:
        return []
    rows = get_backend().autocomplete(query, locale, AUTOCOMPLETE_LIMIT)
    return [{"title": title, "url": url, "type": page_type} for title, url, page_type in rows]
