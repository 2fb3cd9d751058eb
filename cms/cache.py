"""HTTP caching of public pages: shared caches in front (CDN, Varnish, nginx) may keep what an
anonymous visitor sees, so a burst of readers costs the app servers one render per page."""

from django.conf import settings
from django.utils.cache import patch_cache_control


class PublicPageCacheMiddleware:
    """Mark anonymous, cookie-free GET responses of public pages cacheable for
    PAGE_CACHE_SECONDS; responses that set their own Cache-Control keep it."""

    def __init__(self, get_response):
        """Standard middleware constructor."""
        self.get_response = get_response

    def __call__(self, request):
        """Serve the request, then mark the response cacheable when it is safe to share."""
        response = self.get_response(request)
        if self.is_shareable(request, response):
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def is_shareable(request, response):
        """True for a public page's 200 answered to a visitor with nothing personal about it."""
        if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
            return False
        if response.status_code != 200 or response.has_header("Cache-Control"):
            return False
        if response.cookies or request.path_info.startswith(settings.ADMIN_URL_PREFIXES):
            return False
        # A page with a CSRF token in a form gets its cookie from an outer middleware later.
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        # A session with anything in it (a page password passed, a message waiting) is personal.
        session = getattr(request, "session", None)
        return session is None or session.is_empty()
