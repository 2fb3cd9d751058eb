"""The page cache app: connects the purge signal handlers when Django starts."""

from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Caching and purging of public pages (see README, "Deploying at scale")."""

    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        """Connect the handlers that purge what a change touches and renew shared fragments."""
        from pagecache import fragments, signals  # noqa: F401
