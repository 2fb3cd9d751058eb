"""Content Security Policy: strict everywhere, relaxed only where Wagtail's admin needs it."""

from csp.middleware import CSPMiddleware
from django.conf import settings

# Wagtail's admin and Django's admin use inline styles and a few inline scripts; the public
# site uses neither, so only these prefixes get 'unsafe-inline'.
ADMIN_RELAXATION = {
    "script-src": ["'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:", "https:"],
    "frame-src": ["https:"],
}
# The admin previews pages in a same-origin iframe.
ADMIN_REPLACEMENT = {"frame-ancestors": ["'self'"]}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin relaxation added for admin paths."""

    def get_policy_parts(self, request, response, report_only=False):
        """Add the admin relaxation for admin URLs; public URLs keep the strict policy."""
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_URL_PREFIXES):
            update = dict(parts.update or {})
            for directive, sources in ADMIN_RELAXATION.items():
                update[directive] = list(update.get(directive, [])) + sources
            parts.update = update
            parts.replace = {**(parts.replace or {}), **ADMIN_REPLACEMENT}
        return parts
