"""`make bench-pages`: every page type served by gunicorn (2 workers, production settings, a
scratch SQLite database with the demo site), beside a one-view hello-world, driven by wrk.

Prints per page type: queries, bytes, requests/s uncached (page store off) and cached (on),
each as a ratio to hello-world measured in the same run, p50/p99, errors, and the workers' CPU
time per uncached request; then LOAD_SECONDS at 32 connections against a story, a filtered
listing and a search. Never touches the developer's database.
"""

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.load import WRK, drive

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench-results"
DATABASE = RESULTS / "pages.sqlite3"
PYTHON = sys.executable
SECONDS = int(os.environ.get("SECONDS_PER_PAGE", "10"))
LOAD_SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
HEADERS = ("Accept-Encoding: gzip",)
TICKS = os.sysconf("SC_CLK_TCK")


def environment(**extra):
    """Production settings on the scratch database, plain HTTP on loopback."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=f"sqlite:///{DATABASE}",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(RESULTS / "static"),
        LOG_LEVEL="WARNING",
        **extra,
    )
    env.pop("REDIS_URL", None)
    return env


def prepare():
    """The scratch database with the demo site, and the static files (built once)."""
    RESULTS.mkdir(exist_ok=True)
    manage = [PYTHON, str(BASE_DIR / "manage.py")]
    if not DATABASE.exists():
        env = environment()
        subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], env=env, check=True)
        subprocess.run([*manage, "load_demo_content"], env=env, check=True)
    if not (RESULTS / "static" / "staticfiles.json").exists():
        subprocess.run(
            [*manage, "collectstatic", "--no-input", "-v", "0"], env=environment(), check=True
        )


def page_addresses():
    """Address, queries and bytes of each page type, measured with Django's test client."""
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


def free_port():
    """A free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with 2 sync workers on a free port; reads its workers' CPU time."""

    def __init__(self, app, **env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [PYTHON, "-m", "gunicorn", app, "-w", "2", "-b", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            command + ["--log-level", "warning"], cwd=BASE_DIR, env=environment(**env)
        )
        deadline = time.monotonic() + 60
        while len(self.workers()) < 2 or not self.answers():
            assert time.monotonic() < deadline and self.process.poll() is None, "no server"
            time.sleep(0.2)

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return True
        except OSError:
            return False

    def workers(self):
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return path.read_text().split() if path.exists() else []

    def cpu_seconds(self):
        """User plus system time of the workers so far."""
        total = 0
        for pid in self.workers():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        return total / TICKS

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def measure(server, url, seconds, connections=8):
    """One wrk run (warmed first) with the workers' CPU time per request."""
    drive(server.url + url, 1, 2, HEADERS)
    before = server.cpu_seconds()
    result = drive(server.url + url, seconds, connections, HEADERS)
    result["cpu_ms"] = (server.cpu_seconds() - before) * 1000 / max(result["requests"], 1)
    result["rps"] = result["requests"] / seconds
    return result


def main():
    """Prepare, measure, print."""
    prepare()
    pages = page_addresses()
    client = "wrk -t2" if WRK else "Python client"
    print(f"Client: {client}, {SECONDS} s per page at 8 connections, Accept-Encoding: gzip")
    hello = Server("bench.hello:application")
    hello_rps = measure(hello, "/", SECONDS)["rps"]
    hello.stop()
    if not hello_rps:
        raise SystemExit("The hello-world server answered no request: is the machine overloaded?")
    results = {}
    store_dir = tempfile.mkdtemp(prefix="bench-pages-")
    for label, env in (
        ("uncached", {"PAGE_CACHE_IN_APP": "false"}),
        ("cached", {"PAGE_CACHE_IN_APP": "true", "PAGE_CACHE_DIR": store_dir}),
    ):
        server = Server("cms.wsgi:application", **env)
        for name, page in pages.items():
            results[(name, label)] = measure(server, page["url"], SECONDS)
        if label == "cached":
            load = {
                name: measure(server, pages[name]["url"], LOAD_SECONDS, connections=32)
                for name in ("story", "filtered listing", "search")
            }
        server.stop()
    print(f"hello-world: {hello_rps:.0f} requests/s")
    head = (
        f"{'page':<18} {'queries':>7} {'KB':>6} {'rps':>7} {'x hello':>8} {'p50 ms':>7}"
        f" {'p99 ms':>7} {'CPU ms':>7} {'cached rps':>10} {'x hello':>8} {'p50 ms':>7}"
        f" {'p99 ms':>7} {'errors':>6}"
    )
    print(head)
    for name, page in pages.items():
        cold, warm = results[(name, "uncached")], results[(name, "cached")]
        print(
            f"{name:<18} {page['queries']:>7} {page['bytes'] / 1024:>6.1f} {cold['rps']:>7.0f}"
            f" {cold['rps'] / hello_rps:>8.3f} {cold['p50']:>7.1f} {cold['p99']:>7.1f}"
            f" {cold['cpu_ms']:>7.1f} {warm['rps']:>10.0f} {warm['rps'] / hello_rps:>8.3f}"
            f" {warm['p50']:>7.1f} {warm['p99']:>7.1f} {cold['errors'] + warm['errors']:>6}"
        )
    print(f"\n{LOAD_SECONDS} s at 32 connections (page store on):")
    for name, result in load.items():
        print(
            f"{name:<18} {result['rps']:>7.0f} rps  p50 {result['p50']:.1f} ms"
            f"  p99 {result['p99']:.1f} ms  errors {result['errors']}"
            f"  timeouts {result['timeouts']}"
        )


if __name__ == "__main__":
    main()
