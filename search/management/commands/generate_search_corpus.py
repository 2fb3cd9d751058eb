"""Fill the search tables with a synthetic corpus for benchmarking (never on a real site)."""

from django.core.management.base import BaseCommand

from search.bench.corpus import generate
from search.indexing import clear, rebuild_vocabulary


class Command(BaseCommand):
    """manage.py generate_search_corpus --documents 10000"""

    help = (
        "Write synthetic search documents (stories, knowledge, training, members and pages in "
        "the seven languages) straight into the search tables, for bench_search. Use a scratch "
        "database: the documents are searchable until removed with --clear."
    )

    def add_arguments(self, parser):
        """--documents, --seed, --clear."""
        parser.add_argument("--documents", type=int, default=10000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--clear", action="store_true", help="Remove earlier synthetic documents first."
        )

    def handle(self, *args, **options):
        """Generate and report the documents per language."""
        if options["clear"]:
            clear(synthetic_only=True)
            if not options["documents"]:
                rebuild_vocabulary()
        if options["documents"] > 0:
            made = generate(options["documents"], seed=options["seed"])
            if options["verbosity"]:
                languages = ", ".join(f"{code} {n}" for code, n in sorted(made.items()))
                self.stdout.write(f"Generated {sum(made.values())} documents ({languages}).")
