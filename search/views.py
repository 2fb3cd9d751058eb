"""The search page and its autocomplete endpoint, under /<lang>/search/."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from wagtail.models import Locale

from home.localization import shown_locale
from search.analytics import record_search
from search.engine import autocomplete, prepare_search, run_search
from search.exports import search_download
from search.query import MIN_QUERY_LENGTH
from search.registry import type_choices


def private_noindex(response):
    """Search answers are personal and endless: never cached publicly, never indexed."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def search(request):
    """Results in the visitor's language with facets, promotions and a spelling suggestion.

    Bad input (empty, too short, unknown filters) gets a message on the page; a page number
    that does not exist gets a 404 page saying so.
    """
    # The request's memo of the active locale, which the footer reads too.
    locale = shown_locale(request, None)
    outcome = run_search(request.GET, locale)
    if outcome.query.searchable and outcome.page.number == 1 and not outcome.is_filtered:
        record_search(outcome.query.text, locale, outcome.total)
    response = TemplateResponse(
        request,
        "search/search_page.html",
        {
            "search": outcome,
            "noindex": True,
            "min_query_length": MIN_QUERY_LENGTH,
        },
    )
    return private_noindex(response)


def search_autocomplete(request):
    """JSON suggestions for the search field: titles in the visitor's language."""
    results = autocomplete(request.GET.get("q", ""))
    labels = dict(type_choices())
    for result in results:
        result["type_label"] = str(labels.get(result["type"], ""))
    return private_noindex(JsonResponse({"results": results}))


def search_export(request, export_format):
    """Every result of the search as CSV or JSON: the page's GET parameters, all its pages.

    No login; bad input never fails: a query too short to search gives an empty download and
    unknown filter values are left out, as on the page. The search is not logged again.
    """
    locale = Locale.get_active()
    prepared = prepare_search(request.GET, locale)
    return private_noindex(search_download(request, prepared, locale, export_format))
