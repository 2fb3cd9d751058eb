"""Serve anonymous visitors from the page cache, and give every response its caching headers.

First in MIDDLEWARE, so a hit skips every other layer (no session, no query, no template) and
a miss stores the response as the whole stack finished it: compressed, with the security
headers, exactly what `pagecache.front` sends back from the store without Django's handler.
Static files pass straight through to WhiteNoise.
"""

from django.conf import settings
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from pagecache import store
from pagecache.headers import has_session_cookie, is_shareable, mark_personal, mark_shared

# Where pagecache.front leaves the lookup it made for a request it could not answer.
LOOKUP_KEY = "pagecache.lookup"


def is_static_file(request):
    """Whether WhiteNoise answers this request (the page store never looks at it)."""
    return request.path_info.startswith(settings.STATIC_URL)


def may_be_served_from_store(request):
    """Whether this request may be answered with (and fill) a stored page."""
    if not settings.PAGE_CACHE_IN_APP or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if is_static_file(request):
        return False
    if request.method not in ("GET", "HEAD") or has_session_cookie(request):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)


def conditional(request, response):
    """A 304 when the browser's copy (If-None-Match / If-Modified-Since) is still current."""
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


def answer_from_store(request, entry):
    """The stored response, marked as a hit, or a 304 when the browser's copy is current."""
    response = conditional(request, store.response_from_entry(entry, request))
    response["X-Page-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    """Answer from the shared page store when possible; otherwise serve, mark and store."""

    def __init__(self, get_response):
        """Standard middleware constructor."""
        self.get_response = get_response

    def __call__(self, request):
        """Serve from the store, or render and (for anonymous public pages) store."""
        if is_static_file(request):
            return self.get_response(request)
        lookup = request.META.get(LOOKUP_KEY)
        if lookup is None and may_be_served_from_store(request):
            lookup = store.Lookup(request)
            entry = lookup.find()
            if entry is not None:
                return answer_from_store(request, entry)
        response = self.get_response(request)
        if not is_shareable(request, response):
            mark_personal(request, response)
            return response
        mark_shared(response)
        if lookup is not None and request.method == "GET" and not response.streaming:
            lookup.store(response)
            response["X-Page-Cache"] = "miss"
        return conditional(request, response)
