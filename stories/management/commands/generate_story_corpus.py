"""Add synthetic reform stories for the listing benchmark (a scratch database only)."""

from django.core.management.base import BaseCommand

from stories.bench.corpus import generate


class Command(BaseCommand):
    """manage.py generate_story_corpus --stories 10000"""

    help = (
        "Write synthetic live reform stories (copies of the site's own, with random members, "
        "terms, statuses and years; a tenth also in Spanish) under the stories listing, for "
        "`make bench-listing`. Use a scratch database with the demo site loaded."
    )

    def add_arguments(self, parser):
        """--stories, --seed, --translated-share."""
        parser.add_argument("--stories", type=int, default=10000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--translated-share", type=float, default=0.1)

    def handle(self, *args, **options):
        """Generate and report the stories per language."""
        made = generate(
            options["stories"], seed=options["seed"], translated_share=options["translated_share"]
        )
        languages = ", ".join(f"{code} {n}" for code, n in sorted(made.items()))
        self.stdout.write(f"Generated {sum(made.values())} stories ({languages}).")
