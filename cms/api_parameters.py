"""The API's query parameters checked before any query runs: a bad value is a 400 naming it.

Wagtail's API endpoints convert some parameters themselves and hand others straight to the
database, where a value out of range, of the wrong type or holding a NUL character fails as a
500. Every value is checked here first; messages are English, like Wagtail's own API messages.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from taggit.managers import TaggableManager
from wagtail.api.v2.utils import BadRequestError

# Wagtail's ids are 32-bit integers (AutoField) on every database.
MAX_ID = 2**31 - 1
# Far beyond any result count, and small enough for every database's OFFSET.
MAX_OFFSET = 2**31 - 1
SEARCH_OPERATORS = ("and", "or")
# Parameters naming another page: a positive id, or "root" where Wagtail accepts it.
PAGE_REFERENCES = {
    "child_of": True,
    "descendant_of": True,
    "translation_of": True,
    "ancestor_of": False,
}
# Integer ranges by field type, the same on every database (Django's portable ranges).
INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges


def integer(name, value, low, high):
    """`value` as an integer from `low` to `high`, else a 400 naming the parameter."""
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise BadRequestError(f"{name} must be an integer from {low} to {high}")
    return number


def check_text(name, value):
    """Refuse a NUL character, which no database column can hold or compare."""
    if "\x00" in value:
        raise BadRequestError(f"{name}: null characters are not allowed")


def check_site(value):
    """`site` is a host name, optionally with a port number."""
    check_text("site", value)
    hostname, _colon, port = value.partition(":")
    if not hostname:
        raise BadRequestError("site must be a host name, optionally followed by :port")
    if port:
        integer("site port", port, 1, 65535)


def check_field_value(name, field, value):
    """A filter on a model field: the value must be one the field can hold."""
    if isinstance(field, TaggableManager):
        return  # tag names: any text
    while field.is_relation:
        # Related objects (a member, policy areas, lessons) are filtered by their id, which
        # may itself be a link to a parent table (a page's `page_ptr`).
        field = field.related_model._meta.pk
    internal_type = field.get_internal_type()
    if internal_type in INTEGER_RANGES:
        integer(name, value, *INTEGER_RANGES[internal_type])
    elif not isinstance(field, models.BooleanField):
        try:
            field.to_python(value)
        except ValidationError as error:
            raise BadRequestError(f"{name}: '{value}' is not a valid value") from error


def check_common(request):
    """What every endpoint and view accepts: no NUL anywhere, and the paging and search words."""
    for name, values in request.GET.lists():
        for value in values:
            # Search text may hold anything: the search backend keeps only its words.
            if name != "search":
                check_text(name, value)
    if "offset" in request.GET:
        integer("offset", request.GET["offset"], 0, MAX_OFFSET)
    if "limit" in request.GET:
        integer("limit", request.GET["limit"], 0, settings.WAGTAILAPI_LIMIT_MAX)
    operator = request.GET.get("search_operator")
    if operator is not None and operator.lower() not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")


def check_listing(request, view, model):
    """Every parameter of a listing: the common ones, page references, language, field filters."""
    check_common(request)
    for name, allows_root in PAGE_REFERENCES.items():
        value = request.GET.get(name)
        if value is not None and not (allows_root and value == "root"):
            integer(name, value, 1, MAX_ID)
    if "locale" in request.GET:
        codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        if request.GET["locale"] not in codes:
            raise BadRequestError(f"locale must be one of {', '.join(codes)}")
    filterable = set(view.get_available_fields(model, db_fields_only=True)) - {"locale"}
    for name in filterable.intersection(request.GET):
        check_field_value(name, model._meta.get_field(name), request.GET[name])


def check_find(request):
    """The find view: an id that can exist, a path without NUL."""
    check_common(request)
    if "id" in request.GET:
        integer("id", request.GET["id"], 1, MAX_ID)
    if "html_path" in request.GET:
        check_text("html_path", request.GET["html_path"])


class ValidatedParametersMixin:
    """An API endpoint whose listing, detail and find views check every parameter first."""

    def check_query_parameters(self, queryset):
        """Unknown parameters (Wagtail's check), then every value of the known ones."""
        super().check_query_parameters(queryset)
        check_listing(self.request, self, queryset.model)

    def detail_view(self, request, pk):
        """One object, once its parameters are checked."""
        check_common(request)
        return super().detail_view(request, pk)

    def find_object(self, queryset, request):
        """The object found by id (or path), once those are checked."""
        check_find(request)
        return super().find_object(queryset, request)
