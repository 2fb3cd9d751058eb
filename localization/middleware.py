"""Language negotiation for requests: Django's LocaleMiddleware, minus one redirect."""

from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguagePrefixMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 answered by a view is kept as it is.

    Django redirects any 404 without a language prefix to the same path under the visitor's
    language whenever that path resolves, and Wagtail's page route resolves every path: an API
    404 (/api/v2/pages/999/) became a redirect to an HTML page. Paths that matched no view are
    still sent to their language, where the page route answers them.
    """

    def process_response(self, request, response):
        """Keep the 404 of a view that answered; otherwise behave as LocaleMiddleware."""
        answered = response.status_code == 404 and getattr(request, "resolver_match", None)
        if not answered:
            return super().process_response(request, response)
        # The headers LocaleMiddleware gives any response it does not redirect (our URLs use
        # language prefixes, so only a path without one varies by Accept-Language).
        if not translation.get_language_from_path(request.path_info):
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
