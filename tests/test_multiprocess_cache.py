"""A change published from one process is seen at once by pages served from others: gunicorn
with two workers in front of the test database, with the settings' own choice of cache (Redis
with REDIS_URL; without it the folders every process of one server shares), the publish made by
a third process."""

import os
import secrets
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from urllib.request import urlopen

import pytest
import redis
from django.conf import settings
from django.db import connection

from bench.servers import Server
from tests import factories
from tests.conftest import make_locales, make_site_tree
from tests.pagecache_helpers import REDIS_URL, redis_answers

BASE_DIR = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Run by another process, as an editor's publish would be (Page ids filled in).
CHANGE = """
from wagtail.models import Page
from home.models import PolicyArea
story = Page.objects.get(pk={story}).specific
story.title = "After the change"
story.save_revision().publish()
area = PolicyArea.objects.get(pk={area})
area.name = "Renamed area"
area.save()
"""


def database_url(tmp_path):
    """An address other processes can open for the test database: PostgreSQL's own, or for
    SQLite (in memory in the tests) a copy in a file, made with SQLite's backup."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
        return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    connection.ensure_connection()
    path = tmp_path / "site.sqlite3"
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    copy.close()
    return f"sqlite:///{path}"


CACHES = [
    pytest.param(
        {"REDIS_URL": REDIS_URL},
        id="redis",
        marks=pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379"),
    ),
    pytest.param({}, id="files"),
]


@pytest.fixture(params=CACHES)
def environment(request, tmp_path):
    """Production settings (static files without a manifest) on the test database, the page
    store on, and the cache the settings choose for this environment."""
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.multiprocess_settings",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="*",
        SECURE_SSL_REDIRECT="false",
        PAGE_CACHE_IN_APP="true",
        CACHE_DIR=str(tmp_path / "cache"),
        PAGE_CACHE_DIR=str(tmp_path / "pages"),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        LOG_LEVEL="WARNING",
        **request.param,
    )
    if "REDIS_URL" in env:
        # The workers read Redis, not this process's caches: entries left by an earlier run on
        # another database (ids reused, labels renamed) would be served as this test's own.
        flush_redis(env["REDIS_URL"])
    yield env
    if "REDIS_URL" in env:
        flush_redis(env["REDIS_URL"])


def flush_redis(url):
    """Empty the Redis database at `url` (this test worker's own, see pagecache_helpers)."""
    redis.Redis.from_url(url).flushdb()


def get_in_parallel(url, times=2):
    """Bodies and X-Page-Cache of `times` concurrent GETs (so both workers answer)."""
    answers = []

    def get():
        with urlopen(url, timeout=120) as response:
            answers.append((response.headers.get("X-Page-Cache"), response.read()))

    threads = [threading.Thread(target=get) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == times, "a request failed"
    return answers


def test_a_change_published_by_one_process_shows_at_once_on_every_worker(environment, tmp_path):
    tree = make_site_tree(make_locales())
    area = factories.PolicyAreaFactory(name="Original area", slug="original-area")
    story = factories.ReformStoryPageFactory(
        parent=tree["stories"], title="Before the change", slug="story", policy_areas=[area]
    )
    environment["DATABASE_URL"] = database_url(tmp_path)
    story_url, search_url = "/en/stories/story/", "/en/search/?q=change"
    with Server("cms.wsgi:application", environment, BASE_DIR) as server:
        for _ in range(3):  # both workers have stored the story and cached the labels
            for _state, body in get_in_parallel(server.url + story_url):
                assert b"Before the change" in body
            for _state, body in get_in_parallel(server.url + search_url):
                assert b"Original area" in body
        assert "hit" in {state for state, _ in get_in_parallel(server.url + story_url)}
        change = CHANGE.format(story=story.pk, area=area.pk)
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", change],
            cwd=BASE_DIR,
            env=environment,
            check=True,
        )
        for _ in range(3):
            for _state, body in get_in_parallel(server.url + story_url):
                assert b"After the change" in body and b"Before the change" not in body
            for _state, body in get_in_parallel(server.url + search_url):
                assert b"Renamed area" in body and b"Original area" not in body
