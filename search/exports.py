"""CSV and JSON downloads of a search: every result of every page, as the search page orders it.

The download is prepared by the same `prepare_search` as the page (query, facets, sort, the
corrected query when the page shows a suggestion's results), so it holds exactly what the pages
show: editors' promoted pages first, then the results in the page's order. Results are read
CHUNK_SIZE at a time through the backend's own result query, without highlighting; each chunk
then costs one more query for its documents' fields and pages' publication dates. Names come
from cached labels, so memory and queries per row stay flat however many rows there are.
"""

import json
from urllib.parse import urljoin

from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, F, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from home.exports import CHUNK_SIZE as LISTING_CHUNK_SIZE
from home.exports import (
    IDENTITY_COLUMNS,
    LICENCE_COLUMNS,
    Column,
    chunked,
    download_response,
    site_licence,
)
from home.models import Country, PolicyArea, SustainableDevelopmentGoal
from search.facets import taxonomy_labels
from search.models import SearchDocument
from search.registry import indexed_models, own_filters, type_choices

CHUNK_SIZE = LISTING_CHUNK_SIZE


def own_facet_names():
    """The names of the facets page types declare for themselves, one column each."""
    return [listing_filter.param for listing_filter in own_filters()]


def columns():
    """The download's columns: the shared facets, then each type's own facets, then the year."""
    return [
        *IDENTITY_COLUMNS,
        Column("type", kind="choice"),
        Column("promoted"),
        Column("native"),
        Column("last_published_at"),
        Column("policy_areas", kind="taxonomy"),
        Column("sdgs", kind="taxonomy"),
        Column("region"),
        Column("country", kind="term"),
        *[Column(name) for name in own_facet_names()],
        Column("year"),
        *LICENCE_COLUMNS,
    ]


def headers():
    """The CSV header line: choice and taxonomy columns spread over a stable code and a name."""
    return [header for column in columns() for header in column.headers()]


def own_licence():
    """The licence a page carries itself (a type with a `licence` field), else None."""
    paths = []
    for model in indexed_models():
        try:
            model._meta.get_field("licence")
        except FieldDoesNotExist:
            continue
        paths.append(F(f"page__{model._meta.model_name}__licence"))
    if len(paths) > 1:
        return Coalesce(*paths)
    return paths[0] if paths else Value(None, output_field=CharField())


DOCUMENT_FIELDS = (
    "id",
    "page_id",
    "translation_key",
    "language_code",
    "url",
    "title",
    "summary",
    "page_type",
    "policy_areas",
    "sdgs",
    "region",
    "country",
    "facets",
    "year",
)


def result_chunks(prepared, chunk_size=None):
    """Lists of (document id, native, promoted) in the page's order, one chunk at a time.

    Promoted pages come first, as on the page's first page; external-link promotions have no
    page and are left out. Results are read by offset, like the page's own pagination.
    """
    if prepared.spec is None:
        return
    chunk_size = chunk_size or CHUNK_SIZE
    picks = [(p.document_id, True, True) for p in prepared.promotions if p.document_id]
    yield from chunked(picks, chunk_size)
    outcome = prepared.outcome
    offset = 0
    while offset < outcome.total:
        rows = prepared.backend.results(
            prepared.spec, outcome.sort, chunk_size, offset, highlight=False
        )
        if not rows:
            # Pages unpublished since the total was counted: the rest is gone.
            return
        yield [(row.id, row.native, False) for row in rows]
        offset += len(rows)


class SearchExport:
    """Rows of a search download; names and the licence are read once, before streaming."""

    def __init__(self, request, prepared, locale):
        """Resolve labels now: the stream runs after the view returns, maybe in another language."""
        self.prepared = prepared
        self.licence_name, self.licence_url = site_licence(request)
        # Addresses on the site's own root, as the listings' downloads give them; documents
        # of another site already carry their full address.
        site = Site.find_for_request(request)
        self.root_url = site.root_url if site else request.build_absolute_uri("/")
        self.type_labels = {value: str(label) for value, label in type_choices()}
        self.own_facets = own_facet_names()
        self.headers = headers()
        self.names = {
            model: {slug: name for slug, (name, _css) in taxonomy_labels(model, locale).items()}
            for model in (PolicyArea, SustainableDevelopmentGoal, Country)
        }

    def absolute(self, url):
        """`url` made absolute on the site's root (an absolute one is kept)."""
        return urljoin(self.root_url, url)

    def documents(self, ids):
        """{id: fields} of a chunk's documents with their page's publication date and licence.

        One query: documents without a page (the benchmark corpus) get None for both.
        """
        rows = SearchDocument.objects.filter(pk__in=ids).values(
            *DOCUMENT_FIELDS,
            last_published_at=F("page__last_published_at"),
            own_licence=own_licence(),
        )
        return {row["id"]: row for row in rows}

    def slugs_and_names(self, model, slugs):
        """The slugs and their names in the export's language (the slug where a term is gone)."""
        names = self.names[model]
        return [slugs, [names.get(slug, slug) for slug in slugs]]

    def licence(self, own):
        """(name, url): a product's own licence, else the site's; the site's URL fits its name."""
        if own and own != self.licence_name:
            return own, ""
        return self.licence_name, self.licence_url

    def row(self, document, native, promoted):
        """One download row as (header, value) pairs, in `columns()` order."""
        policy_areas = json.loads(document["policy_areas"] or "[]")
        sdgs = json.loads(document["sdgs"] or "[]")
        country = document["country"] or None
        licence_name, licence_url = self.licence(document["own_licence"])
        facets = json.loads(document["facets"] or "{}")
        page_type = document["page_type"]
        values = [
            document["page_id"],
            document["translation_key"],
            document["language_code"],
            self.absolute(document["url"]),
            document["title"],
            document["summary"],
            page_type,
            self.type_labels.get(page_type, ""),
            promoted,
            native,
            document["last_published_at"],
            *self.slugs_and_names(PolicyArea, policy_areas),
            *self.slugs_and_names(SustainableDevelopmentGoal, sdgs),
            document["region"] or None,
            country,
            self.names[Country].get(country, country) if country else None,
            *[facets.get(name) for name in self.own_facets],
            document["year"],
            licence_name,
            licence_url,
        ]
        return list(zip(self.headers, values, strict=True))

    def rows(self, chunk_size=None):
        """Every row, reading one chunk of results (and its documents) at a time."""
        for chunk in result_chunks(self.prepared, chunk_size):
            documents = self.documents([document_id for document_id, *_flags in chunk])
            for document_id, native, promoted in chunk:
                # A document deleted between the two queries is skipped, not reported half-empty.
                if document_id in documents:
                    yield self.row(documents[document_id], native, promoted)


def search_download(request, prepared, locale, export_format):
    """The streamed CSV or JSON download of a prepared search, named `search-<lang>.<format>`.

    A query too short to search gives a valid empty download (CSV header only, JSON items []).
    """
    export = SearchExport(request, prepared, locale)
    outcome = prepared.outcome
    metadata = None
    if export_format == "json":
        querystring = outcome.querystring()
        source = export.absolute(reverse("search:search"))
        metadata = {
            "source": f"{source}?{querystring}" if querystring else source,
            "locale": locale.language_code,
            "query": outcome.query.text,
            # When nothing matched the query, the page (and so this download) shows the
            # suggestion's results: say which query the items answer.
            "results_for": outcome.suggestion if outcome.showing_suggestion else outcome.query.text,
            "total": outcome.total
            + sum(1 for promotion in prepared.promotions if promotion.document_id),
            "licence": {"name": export.licence_name, "url": export.licence_url},
            "generated_at": timezone.now(),
        }
    filename = f"search-{locale.language_code}.{export_format}"
    return download_response(export.rows(), export_format, export.headers, metadata, filename)
