"""What a response tells browsers and shared caches (CDN, Varnish, nginx) about keeping it.

Anonymous public pages: a short `max-age` for browsers (they are not purged), a long
`s-maxage` for shared caches (they are purged on publish), `stale-while-revalidate` and
`stale-if-error`, no `Vary: Cookie`, and an `ETag`/`Last-Modified` pair so that a browser's
revalidation is answered with a 304. Admin, previews and signed-in visitors: private, no-store.
"""

import hashlib

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

# Cache-Control directives that keep a response out of shared caches.
PERSONAL_DIRECTIVES = ("private", "no-store", "no-cache")


def has_session_cookie(request):
    """Whether the visitor carries a session or messages cookie (signed in, or something
    personal waiting for them): such a visitor is never served nor given a shared page."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def is_admin_path(request):
    """Admin and Django admin addresses (previews are served under them too)."""
    return request.path_info.startswith(settings.ADMIN_URL_PREFIXES)


def is_signed_in(request):
    """Whether the request was answered for a signed-in user (read only when a session cookie
    came with it, so an anonymous visitor costs no query)."""
    if not has_session_cookie(request):
        return False
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def is_shareable(request, response):
    """True for a public page's 200 answered to a visitor with nothing personal about it."""
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    if response.status_code != 200 or response.cookies or is_admin_path(request):
        return False
    if getattr(request, "is_preview", False) or is_signed_in(request):
        return False
    control = response.get("Cache-Control", "")
    if any(directive in control for directive in PERSONAL_DIRECTIVES):
        return False
    # A session with anything in it (a page password passed, a message waiting) is personal.
    session = getattr(request, "session", None)
    return session is None or session.is_empty()


def drop_vary_cookie(response):
    """Take Cookie out of Vary: the shared answer is the same whatever cookies come with it
    (the session middleware adds it whenever a template looked at `request.user`)."""
    if not response.has_header("Vary"):
        return
    kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def mark_shared(response):
    """Headers of an anonymous public page: cacheable by browsers briefly, by shared caches
    long (they are purged), with validators for 304 answers."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_BROWSER_CACHE_SECONDS,
            s_maxage=settings.PAGE_CACHE_SECONDS,
            stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
            stale_if_error=settings.PAGE_CACHE_STALE_IF_ERROR_SECONDS,
        )
    drop_vary_cookie(response)
    if not response.streaming:
        # ConditionalGetMiddleware has set the ETag (from the uncompressed page); Last-Modified
        # is when this copy was made, which the page store keeps until the next purge.
        if not response.has_header("ETag"):
            digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
            response["ETag"] = f'"{digest}"'
        response.headers.setdefault("Last-Modified", http_date())


def mark_personal(request, response):
    """Admin screens, previews and pages served to signed-in users stay in the browser that
    asked for them, and not even there."""
    if is_admin_path(request) or getattr(request, "is_preview", False) or is_signed_in(request):
        patch_cache_control(response, private=True, no_store=True)
