"""`make bench-profile`: CPU per uncached request of each page type, in process, and where it goes.

Builds (or reuses) the scratch demo database of `make bench-pages` (bench-results/pages.sqlite3,
never the developer's database), then under production settings with the page store off
requests every page type through Django's test client: one warm-up, then REQUESTS more, timed
with time.process_time. Prints CPU ms per request, then the top cumulative functions (cProfile)
of PROFILE_PAGE ("member directory" unless told). Its figures track the workers' CPU column of
`make bench-pages` (no gunicorn, no gzip, no load generator).
"""

import cProfile
import io
import os
import pstats
import time

from bench.pages import page_addresses, prepare

REQUESTS = int(os.environ.get("REQUESTS", "20"))
PROFILE_PAGE = os.environ.get("PROFILE_PAGE", "member directory")
TOP = int(os.environ.get("TOP", "40"))


def cpu_ms(client, url, requests):
    """Mean CPU milliseconds of this process per request of `url` (already warmed)."""
    start = time.process_time()
    for _ in range(requests):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    return (time.process_time() - start) * 1000 / requests


def main():
    """The table, then the profile of one page."""
    prepare()
    pages = page_addresses()
    from django.test import Client

    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    print(f"{'page':<18} {'queries':>7} {'KB':>6} {'CPU ms':>7}   ({REQUESTS} requests each)")
    for name, page in pages.items():
        client.get(page["url"])
        ms = cpu_ms(client, page["url"], REQUESTS)
        print(f"{name:<18} {page['queries']:>7} {page['bytes'] / 1024:>6.1f} {ms:>7.1f}")
    url = pages[PROFILE_PAGE]["url"]
    profiler = cProfile.Profile()
    profiler.enable()
    cpu_ms(client, url, REQUESTS)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(TOP)
    print(f"\nProfile of {PROFILE_PAGE} ({url}), {REQUESTS} requests, by cumulative time:")
    print(out.getvalue())


if __name__ == "__main__":
    main()
