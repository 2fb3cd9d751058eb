"""`make bench-listing`: the stories listing with 10,000 stories, filtered three ways.

A scratch copy of the page benchmark's database (the demo site) gets STORIES synthetic stories
(`manage.py generate_story_corpus`); each address is then requested REPEAT times through
Django's test client under production settings (page store off): queries, bytes, p50/p95 wall
time and CPU per request. Targets: at most 15 queries, p95 under 100 ms. The report is also
written to bench-results/listing.txt. LISTING_DATABASE_URL=postgres://... measures on PostgreSQL
(migrated and loaded with the demo site first if empty).
"""

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import time

from bench import pages

STORIES = int(os.environ.get("STORIES", "10000"))
REPEAT = int(os.environ.get("REPEAT", "30"))
SQLITE = pages.RESULTS / "listing.sqlite3"
DATABASE_URL = os.environ.get("LISTING_DATABASE_URL", f"sqlite:///{SQLITE}")
REPORT = []


def say(line=""):
    """Print a line of the report and keep it."""
    print(line, flush=True)
    REPORT.append(line)


def manage(*args):
    """Run a management command on the benchmark's database."""
    env = pages.environment(DATABASE_URL=DATABASE_URL)
    command = [sys.executable, str(pages.BASE_DIR / "manage.py"), *args]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


def prepare():
    """The database with the demo site and the corpus (built once)."""
    if DATABASE_URL.startswith("sqlite") and not SQLITE.exists():
        pages.prepare()
        shutil.copy(pages.DATABASE, SQLITE)
    manage("migrate", "--no-input", "-v", "0")
    count = "from stories.models import ReformStoryPage as R; print(R.objects.count())"
    if int(manage("shell", "-v", "0", "-c", count)) < 14:
        manage("load_demo_content")
    english = (
        "from stories.models import ReformStoryPage as R;"
        " print(R.objects.filter(slug__startswith='corpus-', locale__language_code='en').count())"
    )
    missing = STORIES - int(manage("shell", "-v", "0", "-c", english))
    if missing > 0:
        say(manage("generate_story_corpus", "--stories", str(missing)).strip())


def addresses():
    """The listing without and with filters, in English and Spanish."""
    from home.models import PolicyArea

    area = PolicyArea.objects.filter(locale__language_code="en").order_by("slug").first().slug
    three = f"policy_area={area}&status=in_progress&year=2021"
    return {
        "listing": "/en/stories/",
        "3 filters": f"/en/stories/?{three}",
        "3 filters, page 2": f"/en/stories/?{three}&page=2",
        "3 filters, A-Z": f"/en/stories/?{three}&sort=title",
        "4 filters (region)": f"/en/stories/?{three}&region=europe",
        "listing (es)": "/es/stories/",
        "3 filters (es)": f"/es/stories/?{three}",
    }


@contextlib.contextmanager
def counted_queries():
    """A list that gets one entry per query run inside (the connection's query log is emptied
    at the start of every request, so it cannot be read across one)."""
    from django.db import connection

    seen = []

    def count(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield seen


def warming(url):
    """Another address of the same listing and language (one filter): visited first, it builds
    the shared fragments (vocabulary, frame) but counts other filters than `url`."""
    return url.split("?")[0] + "?status=planned"


def measure(client, url):
    """Queries and time of a first visit since the content changed (its counts and page
    fragments not kept yet), then queries, bytes and timings of REPEAT visits after it."""
    from pagecache import fragments

    fragments.renew()
    client.get(warming(url))
    wall, cpu = time.perf_counter(), time.process_time()
    with counted_queries() as first_queries:
        response = client.get(url)
    first = ((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000)
    if response.status_code == 404:
        return None  # a page 2 that a small corpus does not have
    assert response.status_code == 200, (url, response.status_code)
    assert "X-Page-Cache" not in response, "the page store answered"
    with counted_queries() as queries:
        client.get(url)
    walls, cpus = [], []
    for _ in range(REPEAT):
        wall, cpu = time.perf_counter(), time.process_time()
        client.get(url)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    cuts = statistics.quantiles(walls, n=20)
    return {
        "first queries": len(first_queries),
        "first": first,
        "queries": len(queries),
        "bytes": len(response.content),
        "p50": statistics.median(walls),
        "p95": cuts[18],
        "cpu": statistics.median(cpus),
    }


def main():
    """Prepare, measure, print."""
    prepare()
    os.environ.update(pages.environment(DATABASE_URL=DATABASE_URL, PAGE_CACHE_IN_APP="false"))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from stories.models import ReformStoryPage

    say(
        f"{ReformStoryPage.objects.live().count()} live stories, {connection.vendor},"
        f" {REPEAT} requests each (test client, production settings, page store off)"
    )
    say(f"Load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    say("First visit: the first since a change (counts and page fragments built), after another")
    say("address of the listing built the shared fragments; then REPEAT visits (counts kept).")
    say(
        f"{'address':<20} {'queries first/then':>18} {'KB':>6} {'first ms (CPU)':>15}"
        f" {'p50 ms':>7} {'p95 ms':>7} {'CPU ms':>7}"
    )
    client = Client()
    for name, url in addresses().items():
        r = measure(client, url)
        if r is None:
            say(f"{name:<20} (not found: too few stories)")
            continue
        first = f"{r['first'][0]:.1f} ({r['first'][1]:.1f})"
        say(
            f"{name:<20} {r['first queries']:>10} / {r['queries']:<5} {r['bytes'] / 1024:>6.1f}"
            f" {first:>15} {r['p50']:>7.1f} {r['p95']:>7.1f} {r['cpu']:>7.1f}"
        )
    (pages.RESULTS / f"listing-{connection.vendor}.txt").write_text("\n".join(REPORT) + "\n")


if __name__ == "__main__":
    main()
