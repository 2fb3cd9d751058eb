"""The page store's hit path at the WSGI layer, in front of Django's handler.

A stored page needs nothing Django's handler builds for a request (signals, the middleware
chain, an `HttpResponse` whose headers are checked one by one): the front answers it with the
stored status line, headers and body. It asks the same questions as `PageCacheMiddleware`
(`may_be_served_from_store`, `store.Lookup`) and hands its lookup down, so a miss is stored
under the generation read before rendering, once. Conditional requests (If-None-Match,
If-Modified-Since) go through Django's own `get_conditional_response`. The middleware still
answers hits where there is no front (the test client, ASGI).
"""

from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest

from pagecache import store
from pagecache.middleware import LOOKUP_KEY, answer_from_store, may_be_served_from_store

CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
HIT_HEADER = ("X-Page-Cache", "hit")


class PageStoreFront:
    """WSGI application: stored pages straight from the store, the rest to Django."""

    def __init__(self, application):
        """Wrap Django's WSGI application."""
        self.application = application

    def __call__(self, environ, start_response):
        """Answer a hit, or pass the request (with its lookup) on to Django."""
        request = WSGIRequest(environ)
        try:
            lookup = store.Lookup(request) if may_be_served_from_store(request) else None
        except DisallowedHost:
            lookup = None  # Django answers it with its 400
        entry = lookup.find() if lookup is not None else None
        if entry is None:
            if lookup is not None:
                environ[LOOKUP_KEY] = lookup
            return self.application(environ, start_response)
        if any(name in environ for name in CONDITIONAL_HEADERS):
            response = answer_from_store(request, entry)
            status = f"{response.status_code} {response.reason_phrase}"
            start_response(status, list(response.items()))
            return [response.content]
        status, headers, body = store.wsgi_answer(entry)
        start_response(status, [*headers, HIT_HEADER])
        return [b"" if request.method == "HEAD" else body]
