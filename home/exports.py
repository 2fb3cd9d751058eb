"""CSV and JSON downloads of a listing, streamed chunk by chunk.

A download holds exactly the items of the listing view it comes from (same GET parameters, every
page of results), in that view's language. Items are read with `queryset.iterator()` in chunks,
so memory stays flat however many rows there are: only one chunk is held at a time, and the
references a chunk needs (members, taxonomy names) are resolved once per chunk.
"""

import csv
import json
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice

from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse
from django.utils import timezone
from wagtail.models import Locale

from home.localization import localized_live_pages, vocabulary
from home.models.settings import SiteSettings
from home.spreadsheets import spreadsheet_safe

CHUNK_SIZE = 500
LIST_SEPARATOR = ";"


@dataclass
class Column:
    """One exported field: a plain value, a choice (code + label) or taxonomy (slugs + names)."""

    name: str
    kind: str = "value"
    attribute: str = ""

    def source(self):
        """The page attribute the column reads."""
        return self.attribute or self.name

    def headers(self):
        """CSV headers: choices and taxonomy spread over two columns (stable code, shown name)."""
        if self.kind == "choice":
            return [self.name, f"{self.name}_label"]
        if self.kind in ("taxonomy", "term"):
            return [self.name, f"{self.name}_names"]
        return [self.name]


# What identifies a page in any download (listing or search), first; the licence, last.
IDENTITY_COLUMNS = [
    Column("id"),
    Column("translation_key"),
    Column("locale"),
    Column("url"),
    Column("title"),
    Column("summary"),
]
LICENCE_COLUMNS = [Column("licence"), Column("licence_url")]
COMMON_COLUMNS = [
    *IDENTITY_COLUMNS,
    Column("first_published_at"),
    Column("last_published_at"),
    *LICENCE_COLUMNS,
]


def columns_for(model):
    """The columns of an export of `model` items: the common ones (a type that is not a page
    declares its own `export_common_columns`), then the type's own (`export_columns`)."""
    common = getattr(model, "export_common_columns", COMMON_COLUMNS)
    return [*common, *getattr(model, "export_columns", [])]


def with_related(queryset, columns):
    """The queryset with every relation the columns read fetched up front (per chunk)."""
    selects, prefetches = {"locale"}, set()
    for column in columns:
        path = column.source().split(".")
        if column.kind == "taxonomy":
            prefetches.add("__".join(path))
        elif column.kind in ("page", "page_url", "term"):
            selects.add("__".join(path))
        elif len(path) > 1:
            selects.add("__".join(path[:-1]))
    return queryset.select_related(*sorted(selects)).prefetch_related(*sorted(prefetches))


def chunked(iterable, size):
    """Lists of at most `size` consecutive items."""
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _dig(obj, dotted):
    for name in dotted.split("."):
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


def site_licence(request):
    """(name, url) of the site's default licence for its content (a site setting)."""
    site_settings = SiteSettings.for_request(request)
    return site_settings.licence_name, site_settings.licence_url


class ExportContext:
    """What every row shares: the request, the language, the licence, and per-chunk lookups."""

    def __init__(self, request, locale, columns):
        """Read the licence once; taxonomy and member lookups happen per chunk."""
        self.request = request
        self.locale = locale
        self.columns = columns
        self.licence_name, self.licence_url = site_licence(request)
        self.pages = {}
        self.terms = {}

    def prepare(self, chunk):
        """Resolve the chunk's member pages and terms into this language (a query per kind)."""
        self.pages, self.terms = {}, {}
        for column in self.columns:
            if column.kind in ("page", "page_url"):
                targets = [_dig(page, column.source()) for page in chunk]
                targets = [t for t in targets if t is not None]
                if targets:
                    model = type(targets[0])
                    keys = {t.translation_key for t in targets}
                    for target in localized_live_pages(model, keys, self.locale):
                        if target is not None:
                            self.pages[target.translation_key] = target
            elif column.kind in ("taxonomy", "term"):
                terms = []
                for page in chunk:
                    value = _dig(page, column.source())
                    if column.kind == "taxonomy":
                        terms.extend(value.all())
                    elif value is not None:
                        terms.append(value)
                if terms:
                    model = type(terms[0])
                    self.terms[model] = vocabulary(model, self.locale)

    def term_name(self, term):
        """A term's name in the export's language (the source name where untranslated)."""
        return self.terms.get(type(term), {}).get(term.translation_key, term).name

    def cells(self, page, column):
        """The (header, value) pairs a column contributes for one page."""
        name = column.name
        if name == "locale":
            return [(name, page.locale.language_code)]
        if name == "url":
            return [(name, page.get_full_url(self.request))]
        if name == "licence":
            return [(name, getattr(page, "licence", "") or self.licence_name)]
        if name == "licence_url":
            own = getattr(page, "licence", "")
            return [(name, self.licence_url if not own or own == self.licence_name else "")]
        value = _dig(page, column.source())
        if column.kind == "choice":
            return [(name, value), (f"{name}_label", getattr(page, f"get_{name}_display")())]
        if column.kind == "taxonomy":
            terms = list(value.all())
            return [(name, terms), (f"{name}_names", [self.term_name(t) for t in terms])]
        if column.kind == "term":
            return [(name, value), (f"{name}_names", self.term_name(value) if value else None)]
        if column.kind in ("page", "page_url"):
            target = self.pages.get(value.translation_key) if value is not None else None
            if column.kind == "page":
                return [(name, target.title if target else None)]
            return [(name, target.get_full_url(self.request) if target else None)]
        if column.kind == "codes":
            return [(name, [code for code in (value or "").split("|") if code])]
        if column.kind == "call":
            return [(name, value())]
        return [(name, value)]


def iter_rows(queryset, context, chunk_size=CHUNK_SIZE):
    """Rows as (header, value) lists, reading the queryset one chunk at a time."""
    for chunk in chunked(queryset.iterator(chunk_size=chunk_size), chunk_size):
        context.prepare(chunk)
        for page in chunk:
            yield [cell for column in context.columns for cell in context.cells(page, column)]


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_csv_value(getattr(v, "slug", v)) for v in value)
    if hasattr(value, "slug"):
        return value.slug
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _json_value(value):
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if hasattr(value, "slug"):
        return value.slug
    if isinstance(value, Decimal):
        return float(value)
    return value


class _Echo:
    """A file-like object whose write() hands the line back, so csv.writer can stream."""

    def write(self, value):
        return value


def stream_csv(rows, headers):
    """CSV text, a header line then one line per row, produced lazily."""
    writer = csv.writer(_Echo())
    yield writer.writerow(headers)
    for row in rows:
        yield writer.writerow([spreadsheet_safe(_csv_value(value)) for _header, value in row])


def stream_json(rows, metadata):
    """A JSON object `{...metadata, "items": [...]}` written item by item."""
    head = json.dumps(metadata, cls=DjangoJSONEncoder, ensure_ascii=False)
    yield head[:-1] + ', "items": ['
    separator = "\n"
    for row in rows:
        item = {header: _json_value(value) for header, value in row}
        yield separator + json.dumps(item, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def download_response(rows, export_format, headers, metadata, filename):
    """A streamed attachment: CSV (`headers`, then rows) or JSON (`metadata`, then items)."""
    if export_format == "json":
        response = StreamingHttpResponse(
            stream_json(rows, metadata), content_type="application/json; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            stream_csv(rows, headers), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Open data: other sites' scripts may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def export_response(index_page, request, queryset, querystring, export_format):
    """A streamed CSV or JSON download of `queryset`, in the index page's language.

    `querystring` is the URL state of the view the items come from (empty for the whole list).
    """
    locale = getattr(index_page, "locale", None) or Locale.get_active()
    columns = columns_for(queryset.model)
    context = ExportContext(request, locale, columns)
    rows = iter_rows(with_related(queryset, columns), context)
    metadata = None
    if export_format == "json":
        metadata = {
            "source": index_page.get_full_url(request) + (f"?{querystring}" if querystring else ""),
            "locale": locale.language_code,
            "licence": {"name": context.licence_name, "url": context.licence_url},
            "generated_at": timezone.now(),
        }
    headers = [header for column in columns for header in column.headers()]
    filename = f"{index_page.slug}-{locale.language_code}.{export_format}"
    return download_response(rows, export_format, headers, metadata, filename)
