"""What the cache tests share: the page store switched on, on local memory or the real Redis."""

import os
import socket

import pytest
from django.core.cache import caches


def _worker_database():
    """Redis database 3 for the first test worker, 4 for the next, and so on: a worker clearing
    its store (Redis FLUSHDB) must not empty the entries another worker's test is reading."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return 3 + int(worker.removeprefix("gw") or 0) % 12


REDIS_URL = f"redis://127.0.0.1:6379/{_worker_database()}"


def redis_answers():
    """Whether a Redis server listens on 127.0.0.1:6379 (.ci/run starts one)."""
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


STORE_BACKENDS = [
    pytest.param({"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, id="locmem"),
    pytest.param(
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "test-pagecache",
        },
        id="redis",
        marks=pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379"),
    ),
]


@pytest.fixture(params=STORE_BACKENDS)
def page_store(request, settings):
    """The application's page store switched on, on each cache backend, empty."""
    settings.CACHES = {**settings.CACHES, "pages": request.param}
    settings.PAGE_CACHE_IN_APP = True
    settings.WAGTAILFRONTENDCACHE = {"pages": {"BACKEND": "pagecache.backends.PageCacheBackend"}}
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


def served_from_store(response):
    """Whether the page store answered (the middleware says so in X-Page-Cache)."""
    state = response.headers.get("X-Page-Cache")
    assert state in ("hit", "miss", None), state
    return state == "hit"
