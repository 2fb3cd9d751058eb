"""Per-address rate limits kept in Django's cache (shared by every server when Redis is used)."""

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The visitor's address as the server sees it (the proxy's client when it is trusted)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def over_rate_limit(request, scope):
    """Count one submission from this address; True once it exceeds the hourly limit."""
    key = f"engagement:rate:{scope}:{client_address(request)}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > settings.FORM_RATE_LIMIT_PER_HOUR
