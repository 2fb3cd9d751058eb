"""`make bench-pages`: every page type served by gunicorn (2 sync workers, production settings,
a scratch SQLite database with the demo site), beside a one-view hello-world, driven by wrk.

Prints per page type: queries, bytes, requests/s uncached (page store off) and cached (on),
each as a ratio to hello-world measured in the same run, p50/p99, errors, and the workers' CPU
time per request; then LOAD_SECONDS at 32 connections against a story, a filtered listing and a
search. Never touches the developer's database. The report is also written to
bench-results/pages.txt.
"""

import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.load import WRK, drive
from bench.servers import Server

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench-results"
DATABASE = RESULTS / "pages.sqlite3"
SECONDS = int(os.environ.get("SECONDS_PER_PAGE", "10"))
LOAD_SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
LOAD_PAGES = ("story", "filtered listing", "search")
HEADERS = ("Accept-Encoding: gzip",)
SECRET = secrets.token_urlsafe(64)
REPORT = []


def say(line=""):
    """Print a line of the report and keep it for bench-results/pages.txt."""
    print(line, flush=True)
    REPORT.append(line)


def environment(**extra):
    """Production settings on the scratch database, plain HTTP on loopback, no Redis."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=SECRET,
        DATABASE_URL=f"sqlite:///{DATABASE}",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(RESULTS / "static"),
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    env.pop("REDIS_URL", None)
    return env


def prepare():
    """The scratch database with the demo site, and the static files (built once)."""
    RESULTS.mkdir(exist_ok=True)
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    fresh, env = not DATABASE.exists(), environment()
    # Migrated on every run: a database built before the latest migrations would fail.
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], env=env, check=True)
    if fresh:
        subprocess.run([*manage, "load_demo_content"], env=env, check=True)
    if not (RESULTS / "static" / "staticfiles.json").exists():
        subprocess.run(
            [*manage, "collectstatic", "--no-input", "-v", "0"], env=environment(), check=True
        )


def page_addresses():
    """Address, queries and bytes of each page type, measured with Django's test client (which
    also makes the images' renditions, so that the servers do not spend their first requests
    on them)."""
    os.environ.update(environment(PAGE_CACHE_IN_APP="false"))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    def first(model_name, locale="en"):
        pages = Page.objects.live().filter(
            content_type__model=model_name, locale__language_code=locale
        )
        return pages.order_by("path").first().specific

    story = first("reformstorypage")
    story_es = story.get_translations().filter(locale__language_code="es").live().first()
    areas = list(story.policy_areas.values_list("slug", flat=True)[:1]) or ["open-data"]
    listing = first("storyindexpage")
    filtered = f"{listing.url}?policy_area={areas[0]}&status={story.status}&year={story.start_year}"
    addresses = {
        "home": "/en/",
        "story": story.url,
        "story (es)": (story_es or story).url,
        "stories listing": listing.url,
        "filtered listing": filtered,
        "member directory": first("memberindexpage").url,
        "member": first("memberprofilepage").url,
        "knowledge product": first("knowledgeproductpage").url,
        "training module": first("trainingmodulepage").url,
        "search": "/en/search/?q=transparency",
    }
    client, measured = Client(), {}
    for name, url in addresses.items():
        client.get(url)  # warm the per-process caches, as a running site has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        measured[name] = {"url": url, "queries": len(queries), "bytes": len(response.content)}
    return measured


def measure(server, url, seconds, connections=8):
    """One wrk run (both workers warmed first) with the workers' CPU time per request."""
    server.warm(url, HEADERS)
    before = server.cpu_seconds()
    result = drive(server.url + url, seconds, connections, HEADERS)
    result["cpu_ms"] = (server.cpu_seconds() - before) * 1000 / max(result["requests"], 1)
    result["rps"] = result["requests"] / seconds
    if "report" in result:
        say(f"  {url}: wrk completed no request or failed:\n{result['report']}")
    return result


def hello_world():
    """Requests/s and CPU per request of the one-view hello-world."""
    with Server("bench.hello:application", environment(), BASE_DIR) as hello:
        return measure(hello, "/", SECONDS)


def ms(value):
    """A latency for the table (wrk prints none when nothing completed)."""
    return f"{value:.1f}" if value is not None else "-"


def print_pages(pages, results, hello_rps):
    """The table: one line per page type, uncached then cached."""
    say(
        f"{'page':<18} {'queries':>7} {'KB':>6} | {'rps':>6} {'x hello':>7} {'p50':>6} {'p99':>6}"
        f" {'CPU ms':>6} | {'rps':>6} {'x hello':>7} {'p50':>5} {'p99':>6} {'CPU ms':>6}"
        f" | {'errors':>6}"
    )
    say(f"{'':<34} | uncached (page store off){'':<14} | cached (page store on)")
    for name, page in pages.items():
        cold, warm = results[(name, "uncached")], results[(name, "cached")]
        failed = sum(r["errors"] + r["timeouts"] for r in (cold, warm))
        say(
            f"{name:<18} {page['queries']:>7} {page['bytes'] / 1024:>6.1f} |"
            f" {cold['rps']:>6.0f} {cold['rps'] / hello_rps:>7.3f} {ms(cold['p50']):>6}"
            f" {ms(cold['p99']):>6} {cold['cpu_ms']:>6.1f} |"
            f" {warm['rps']:>6.0f} {warm['rps'] / hello_rps:>7.3f} {ms(warm['p50']):>5}"
            f" {ms(warm['p99']):>6} {warm['cpu_ms']:>6.1f} | {failed:>6}"
        )


def main():
    """Prepare, measure, print."""
    prepare()
    pages = page_addresses()
    client = "wrk -t2" if WRK else "Python client"
    say(f"Client: {client}, {SECONDS} s per page at 8 connections, Accept-Encoding: gzip")
    say(f"Load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    started = time.monotonic()
    hello_before = hello_world()
    results, load = {}, {}
    store_dir = tempfile.mkdtemp(prefix="bench-pages-")
    for label, env in (
        ("uncached", {"PAGE_CACHE_IN_APP": "false"}),
        ("cached", {"PAGE_CACHE_IN_APP": "true", "PAGE_CACHE_DIR": store_dir}),
    ):
        with Server("cms.wsgi:application", environment(**env), BASE_DIR) as server:
            for name, page in pages.items():
                results[(name, label)] = measure(server, page["url"], SECONDS)
            if label == "cached":
                for name in LOAD_PAGES:
                    load[name] = measure(server, pages[name]["url"], LOAD_SECONDS, 32)
    hello_after = hello_world()
    hello_rps = (hello_before["rps"] + hello_after["rps"]) / 2
    if not hello_rps:
        raise SystemExit("The hello-world server answered no request: is the machine overloaded?")
    say(
        f"hello-world: {hello_before['rps']:.0f} requests/s before the pages,"
        f" {hello_after['rps']:.0f} after (ratios below use the mean, {hello_rps:.0f});"
        f" CPU {hello_before['cpu_ms']:.2f} / {hello_after['cpu_ms']:.2f} ms per request"
    )
    print_pages(pages, results, hello_rps)
    say(f"\n{LOAD_SECONDS} s at 32 connections (page store on, as in production):")
    for name, result in load.items():
        say(
            f"{name:<18} {result['rps']:>7.0f} rps  p50 {ms(result['p50'])} ms"
            f"  p99 {ms(result['p99'])} ms  errors {result['errors']}"
            f"  timeouts {result['timeouts']}"
        )
    load_failures = sum(r["errors"] + r["timeouts"] for r in load.values())
    say(f"Load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    say(f"Took {time.monotonic() - started:.0f} s")
    (RESULTS / "pages.txt").write_text("\n".join(REPORT) + "\n")
    if load_failures:
        raise SystemExit(f"{load_failures} errors or timeouts under load")


if __name__ == "__main__":
    main()
