"""The application's store of finished responses, shared by every worker process.

An entry is keyed by the full address (host, path with its language prefix, normalised query
string) and the encoding the visitor accepts, and holds the response exactly as it was sent,
already compressed. Purging an address does not search for its entries (a listing has one per
filter combination): it renews the address's generation token, and an entry only counts while
the generation it was stored under is current. The token is read before the page is rendered,
so a purge that lands while a worker renders the old content also voids what it stores.
One cache round trip per hit: the entry and both tokens come in one `get_many`.
"""

import hashlib
import http
import re
import time
import uuid
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

CACHE_ALIAS = "pages"
SITE_GENERATION_KEY = "pagecache:generation:*"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Headers a stored response must not carry to another visitor (it has none when stored, but
# the list says why they are never copied back).
NOT_STORED_HEADERS = {"set-cookie"}


def page_cache():
    """The cache that holds the pages (the "pages" alias of CACHES)."""
    return caches[CACHE_ALIAS]


def normalised_query(query_string):
    """The query string with its parameters in a stable order, so ?b=1&a=2 and ?a=2&b=1 share
    one entry (repeated parameters keep all their values)."""
    if not query_string:
        return ""
    return urlencode(sorted(parse_qsl(query_string, keep_blank_values=True)))


def _digest(text):
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def generation_key(path):
    """The key of the generation token of one path (every host, query and encoding of it)."""
    return "pagecache:generation:" + _digest(path)


def accepted_encoding(request):
    """ "gzip" when the visitor accepts it (GZipMiddleware then compresses), else "identity"."""
    return (
        "gzip" if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"
    )


def new_token():
    """A fresh generation token."""
    return uuid.uuid4().hex


class Lookup:
    """One request's place in the store: finds its entry, or stores the response rendered."""

    def __init__(self, request):
        """Work out the keys of this request (no cache access yet)."""
        query = normalised_query(request.META.get("QUERY_STRING", ""))
        address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
        self.entry_key = "pagecache:entry:" + _digest(f"{address}|{accepted_encoding(request)}")
        self.path_key = generation_key(request.path)
        self.generation = None

    def find(self):
        """The stored response, or None (and then the tokens the next store is checked against)."""
        cache = page_cache()
        found = cache.get_many([SITE_GENERATION_KEY, self.path_key, self.entry_key])
        site, path = found.get(SITE_GENERATION_KEY), found.get(self.path_key)
        entry = found.get(self.entry_key)
        if site is not None and path is not None:
            if entry is not None and entry[0] == (site, path):
                return entry
        else:
            # Claim the missing tokens before rendering: a purge from now on renews them.
            if site is None:
                cache.add(SITE_GENERATION_KEY, new_token(), None)
            if path is None:
                cache.add(self.path_key, new_token(), None)
            tokens = cache.get_many([SITE_GENERATION_KEY, self.path_key])
            site, path = tokens.get(SITE_GENERATION_KEY), tokens.get(self.path_key)
        self.generation = (site, path)
        return None

    def store(self, response):
        """Keep a finished response under the generation read before it was rendered."""
        if self.generation is None or None in self.generation:
            return
        headers = tuple(
            (name, value)
            for name, value in response.items()
            if name.lower() not in NOT_STORED_HEADERS
        )
        entry = (self.generation, response.status_code, headers, response.content, time.time())
        page_cache().set(self.entry_key, entry, settings.PAGE_CACHE_SECONDS)


def response_from_entry(entry, request):
    """Rebuild the stored response (no body for HEAD)."""
    _generation, status, headers, body, _stored_at = entry
    response = HttpResponse(b"" if request.method == "HEAD" else body, status=status)
    for name, value in headers:
        response.headers[name] = value
    return response


def wsgi_answer(entry):
    """The stored response as WSGI's status line, header list and body."""
    _generation, status, headers, body, _stored_at = entry
    return f"{status} {http.HTTPStatus(status).phrase}", list(headers), body


def invalidate(urls):
    """Void every stored entry of these addresses (any host, query string and encoding)."""
    paths = {urlsplit(url).path or "/" for url in urls}
    if paths:
        page_cache().set_many({generation_key(path): new_token() for path in paths}, None)


def invalidate_everything():
    """Void every stored page (after a release that changes templates, for example)."""
    page_cache().set(SITE_GENERATION_KEY, new_token(), None)
