"""Recreate the search tables from the live pages (after bulk imports or a restore)."""

from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    """manage.py rebuild_search_documents"""

    help = "Recreate the site search's documents, facets and vocabulary from the live pages."

    def handle(self, *args, **options):
        """Rebuild and report how many documents were written."""
        written = rebuild()
        if options["verbosity"]:
            self.stdout.write(f"Indexed {written} pages for the site search.")
