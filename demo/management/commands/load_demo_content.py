"""`manage.py load_demo_content`: load or refresh the demo site (safe to run again)."""

from django.core.management.base import BaseCommand

from demo.loading.loader import load_demo_content


class Command(BaseCommand):
    """Load the demo content from demo/data/ with its translations."""

    help = "Load the demo site (members, stories, knowledge, training, translations). Idempotent."

    def handle(self, *args, **options):
        load_demo_content(stdout=self.stdout, verbosity=options["verbosity"])
