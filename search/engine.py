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

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale
from wagtail.search.utils import normalise_query_string

from home.localization import source_language_code
from search.backends import SearchSpec, get_backend
from search.facets import build_facets
from search.models import SearchDocument
from search.query import SearchQuery
from search.suggest import suggest

PAGE_SIZE = 10
AUTOCOMPLETE_LIMIT = 8
SORTS = ("relevance", "newest")
# "Did you mean" is looked for when a search finds fewer results than this.
SUGGEST_BELOW = 5


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


@dataclass
class SearchOutcome:
    """What the search page shows for one request."""

    query: SearchQuery
    facets: list
    sort: str = "relevance"
    total: int = 0
    page: object = None
    promotions: list = field(default_factory=list)
    suggestion: str = None
    showing_suggestion: bool = False
    ignored_filters: bool = False

    @property
    def is_filtered(self):
        """True when any facet value is chosen."""
        return any(facet.values for facet in self.facets)

    def params(self):
        """The search's parameters as (name, value) pairs, without the page number."""
        pairs = [("q", self.query.text)] if self.query.text else []
        pairs += [(facet.param, value) for facet in self.facets for value in facet.values]
        if self.sort != SORTS[0]:
            pairs.append(("sort", self.sort))
        return pairs

    def querystring(self, remove=None, **extra):
        """This search's query string, minus one (name, value) pair, plus extra parameters."""
        pairs = [pair for pair in self.params() if pair != remove]
        pairs += [(key, value) for key, value in extra.items() if value is not None]
        return urlencode(pairs)

    @property
    def active_filters(self):
        """The chosen facet options, each with the link that removes it."""
        return [
            {
                "facet": facet,
                "option": option,
                "remove_url": "?" + self.querystring(remove=(facet.param, option.value)),
            }
            for facet in self.facets
            for option in facet.options
            if option.selected
        ]

    def page_url(self, number):
        """The link to another page of these results."""
        return "?" + self.querystring(page=number)

    @property
    def page_links(self):
        """Links to the first, last and nearby pages, with None where numbers are skipped."""
        if self.page is None or self.page.paginator.num_pages < 2:
            return []
        current, last = self.page.number, self.page.paginator.num_pages
        shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
        links = []
        for number in shown:
            if links and links[-1] and number - links[-1]["number"] > 1:
                links.append(None)
            links.append(
                {"number": number, "url": self.page_url(number), "current": number == current}
            )
        return links

    @property
    def previous_url(self):
        """The link to the previous page, if any."""
        return self.page_url(self.page.number - 1) if self.page and self.page.has_previous() else ""

    @property
    def next_url(self):
        """The link to the next page, if any."""
        return self.page_url(self.page.number + 1) if self.page and self.page.has_next() else ""

    @property
    def clear_filters_url(self):
        """The same search without any facet chosen."""
        pairs = [("q", self.query.text)] + ([("sort", self.sort)] if self.sort != SORTS[0] else [])
        return "?" + urlencode(pairs)

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


def read_facets(querydict, locale):
    """The facets with the values asked for; unknown values are dropped (and reported)."""
    facets = build_facets()
    ignored = False
    for facet in facets:
        facet.parse(querydict)
        known = facet.known_values(facet.values, locale)
        ignored = ignored or len(known) != len(facet.values)
        facet.values = known
    return facets, ignored


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
    facets, ignored = read_facets(querydict, locale)
    sort = querydict.get("sort", SORTS[0])
    outcome = SearchOutcome(
        query=query,
        facets=facets,
        sort=sort if sort in SORTS else SORTS[0],
        ignored_filters=ignored,
    )
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
    total, counts = backend.facet_counts(spec)
    if total < SUGGEST_BELOW:
        outcome.suggestion = suggest(query, locale, backend)
    if total == 0 and outcome.suggestion:
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
        facet.build_options(counts, locale)
    return PreparedSearch(outcome, backend, spec, promotions)


def run_search(querydict, locale=None, page_number="1"):
    """Search as the search page does; a page number that does not exist raises Http404."""
    prepared = prepare_search(querydict, locale)
    outcome = prepared.outcome
    if prepared.spec is None:
        return outcome
    paginator = Paginator(
        LazyResults(prepared.backend, prepared.spec, outcome.sort, outcome.total), PAGE_SIZE
    )
    try:
        outcome.page = paginator.page(page_number)
    except PageNotAnInteger as exc:
        raise Http404(_("The page number must be a whole number.")) from exc
    except EmptyPage as exc:
        raise Http404(
            _("There is no page %(number)s of these results.") % {"number": str(page_number)[:10]}
        ) from exc
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
