"""Per-address rate limits kept in Django's cache (shared by every server when Redis is used)."""

from django.conf import settings
from django.core.cache import cache

from cms.sign_in import client_ip_address


def over_rate_limit(request, scope):
    """Count one submission from this address; True once it exceeds the hourly limit.

    The address is read as the sign-in lockout reads it (only trusted proxies' X-Forwarded-For),
    so a client cannot escape the limit by writing the header itself.
    """
    key = f"engagement:rate:{scope}:{client_ip_address(request)}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > settings.FORM_RATE_LIMIT_PER_HOUR
