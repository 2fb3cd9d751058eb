"""Empty the application's page store (after a release that changes templates, for example)."""

from django.core.management.base import BaseCommand

from pagecache.store import invalidate_everything


class Command(BaseCommand):
    """Void every stored page at once; each is rendered again on its next visit."""

    help = "Empty the application's page store (every worker sees it at once)."

    def handle(self, *args, **options):
        """Renew the store's site-wide generation."""
        invalidate_everything()
        self.stdout.write("Page store emptied.")
