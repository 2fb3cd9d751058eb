"""Time the search page's work (results, total, every facet count) on a generated corpus."""

import math
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.http import Http404, QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from search.bench.corpus import generate
from search.engine import autocomplete, run_search
from search.indexing import clear, rebuild_vocabulary
from search.models import SearchDocument

# A fixed mix: common and rare words, phrases, typos, filters, several values, sorting, paging,
# in every language.
QUERIES = [
    ("en", "q=transparency"),
    ("en", "q=lobby+registry"),
    ("en", "q=participatory+budget&type=story"),
    ("en", "q=corruption&policy_area=anti-corruption"),
    ("en", "q=open+data&year=2020&year=2021&sort=newest"),
    ("en", "q=citizens&page=3"),
    ("en", "q=corruptoin"),
    ("en", "q=guide&type=knowledge&kind=guide"),
    ("en", "q=transparency&region=europe&sdg=sdg-16&policy_area=open-data"),
    ("en", "q=audit+spending+revenue"),
    ("es", "q=corrupción"),
    ("es", "q=presupuesto+participativo&type=story"),
    ("es", "q=transparencia&sort=newest"),
    ("fr", "q=transparence"),
    ("fr", "q=budget+participatif&type=story&type=knowledge"),
    ("pt", "q=orçamento+participativo"),
    ("id", "q=anggaran"),
    ("ar", "q=الشفافية"),
    ("uk", "q=прозорість"),
]
AUTOCOMPLETE = [("en", "trans"), ("es", "corr"), ("fr", "budg"), ("ar", "الش")]


def percentile(samples, fraction):
    """The nearest-rank percentile of a list of numbers."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


class Command(BaseCommand):
    """manage.py bench_search --documents 10000"""

    help = (
        "Generate a synthetic corpus into the current DATABASE (use a scratch database), time "
        "the search page's work for a fixed set of queries and report p50/p95."
    )

    def add_arguments(self, parser):
        """--documents, --repeat, --seed, --keep."""
        parser.add_argument("--documents", type=int, default=10000)
        parser.add_argument("--repeat", type=int, default=20)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--keep", action="store_true", help="Keep the synthetic documents afterwards."
        )

    def handle(self, *args, **options):
        """Generate (unless the same corpus is there), analyse, time, report, clean up."""
        out = self.stdout.write
        documents = options["documents"]
        existing = SearchDocument.objects.filter(page__isnull=True).count()
        if existing != documents:
            clear(synthetic_only=True)
            started = time.perf_counter()
            generate(documents, seed=options["seed"])
            out(f"Generated {documents} documents in {time.perf_counter() - started:.1f} s.")
        self.analyse()
        out(f"Database: {connection.vendor}; {SearchDocument.objects.count()} documents.")
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        everything = []
        out(f"{'query':<62} {'lang':>4} {'hits':>6} {'SQL':>4} {'p50 ms':>7} {'p95 ms':>7}")
        for code, querystring in QUERIES:
            samples, hits, queries = self.time_search(locales[code], querystring, options["repeat"])
            everything.extend(samples)
            out(
                f"{querystring:<62} {code:>4} {hits:>6} {queries:>4} "
                f"{percentile(samples, 0.5):7.1f} {percentile(samples, 0.95):7.1f}"
            )
        out(
            f"Search page work, all queries: p50 {percentile(everything, 0.5):.1f} ms, "
            f"p95 {percentile(everything, 0.95):.1f} ms, mean {statistics.mean(everything):.1f} ms "
            f"({len(everything)} runs)."
        )
        typed = []
        for code, text in AUTOCOMPLETE:
            with translation.override(code):
                autocomplete(text, locales[code])
                for _ in range(options["repeat"]):
                    started = time.perf_counter()
                    autocomplete(text, locales[code])
                    typed.append((time.perf_counter() - started) * 1000)
        out(
            f"Autocomplete: p50 {percentile(typed, 0.5):.1f} ms, "
            f"p95 {percentile(typed, 0.95):.1f} ms ({len(typed)} runs)."
        )
        if not options["keep"]:
            clear(synthetic_only=True)
            rebuild_vocabulary()

    def time_search(self, locale, querystring, repeat):
        """(milliseconds per run, total hits, SQL queries per run) for one search."""
        params = QueryDict(querystring)

        def search():
            try:
                return run_search(params, locale).total
            except Http404:  # a page beyond the results on a small corpus: the view's 404
                return 0

        with translation.override(locale.language_code):
            search()  # warm the label cache, as a running site has it
            with CaptureQueriesContext(connection) as captured:
                hits = search()
            samples = []
            for _ in range(repeat):
                started = time.perf_counter()
                search()
                samples.append((time.perf_counter() - started) * 1000)
        return samples, hits, len(captured)

    def analyse(self):
        """Fresh planner statistics (and a merged FTS5 index), as a live database would have."""
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql" and not connection.in_atomic_block:
                # What autovacuum does on a live database: statistics and the visibility map
                # (index-only scans skip the heap).
                cursor.execute("VACUUM ANALYZE search_searchdocument, search_searchterm")
            elif connection.vendor == "postgresql":
                cursor.execute("ANALYZE search_searchdocument, search_searchterm")
            else:
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
                cursor.execute("ANALYZE")
