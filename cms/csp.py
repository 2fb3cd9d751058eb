"""Browser policies: a strict Content-Security-Policy everywhere, relaxed only where Wagtail's
admin needs it, and framing, permissions and resource policies that agree with it."""

from csp.middleware import CSPMiddleware
from django.conf import settings

# Wagtail's admin and Django's admin use inline styles and a few inline scripts; the public
# site uses neither, so only these prefixes get 'unsafe-inline'. Nothing loads from another
# host, in the admin either (no Gravatar: WAGTAIL_GRAVATAR_PROVIDER_URL is None).
ADMIN_RELAXATION = {
    "script-src": ["'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
# The admin previews pages (and wagtail-localize previews translations) in a same-origin
# iframe, so admin responses may be framed by the admin itself and by nobody else; the public
# site is never framed. X-Frame-Options says the same for browsers without frame-ancestors.
ADMIN_FRAMING = {"frame-ancestors": ["'self'"]}
ADMIN_X_FRAME_OPTIONS = "SAMEORIGIN"
PUBLIC_X_FRAME_OPTIONS = "DENY"
# No page uses the camera, location, payment and the like; embedded players may go fullscreen.
EMBED_ORIGINS = ('"https://www.youtube-nocookie.com"', '"https://player.vimeo.com"')
PERMISSIONS_POLICY = ", ".join(
    [
        *(
            f"{feature}=()"
            for feature in (
                "accelerometer",
                "browsing-topics",
                "camera",
                "display-capture",
                "geolocation",
                "gyroscope",
                "magnetometer",
                "microphone",
                "midi",
                "payment",
                "usb",
            )
        ),
        f"fullscreen=(self {' '.join(EMBED_ORIGINS)})",
    ]
)
# Pages, API answers and media are for this site's own pages; other sites link, not embed.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"


def is_admin_request(request):
    """Whether the request is for Wagtail's or Django's admin."""
    return request.path_info.startswith(settings.ADMIN_URL_PREFIXES)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin relaxation, plus the framing, permissions and
    resource policies (one place decides what may frame or embed each response)."""

    def process_response(self, request, response):
        """Add the content policy, then the other browser policies that must agree with it."""
        response = super().process_response(request, response)
        admin = is_admin_request(request)
        # Set before XFrameOptionsMiddleware sees the response, which keeps a value it finds.
        response.headers.setdefault(
            "X-Frame-Options", ADMIN_X_FRAME_OPTIONS if admin else PUBLIC_X_FRAME_OPTIONS
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", CROSS_ORIGIN_RESOURCE_POLICY)
        return response

    def get_policy_parts(self, request, response, report_only=False):
        """Add the admin relaxation for admin URLs; public URLs keep the strict policy."""
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_admin_request(request):
            update = dict(parts.update or {})
            for directive, sources in ADMIN_RELAXATION.items():
                update[directive] = list(update.get(directive, [])) + sources
            parts.update = update
            parts.replace = {**(parts.replace or {}), **ADMIN_FRAMING}
        return parts
