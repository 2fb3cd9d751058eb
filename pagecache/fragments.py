"""What many pages share (the routing table, the header, the footer), rendered once per version.

Every change a visitor could see renews one version token: the purge path (`purge.schedule`)
and any saved or deleted page, site or privacy setting (a factory or a script saves pages
without publishing them). Fragments are kept in the default cache under that version, so a
renewed token voids them all at once. The token lives in the page store's cache, which every
worker process shares (the default cache may be per process), and is read once per request.
"""

import threading
import uuid

from django.core.cache import cache, caches
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site

from pagecache.store import CACHE_ALIAS

VERSION_KEY = "fragments:version"
FRAGMENT_SECONDS = 3600
# What this thread read during the current request: the version and each fragment are fetched
# (and unpickled) once per request, however often templates ask. None outside a request, where
# every call reads the cache (a script or a test sees its own changes at once).
_request = threading.local()


def _memo():
    return getattr(_request, "memo", None)


@receiver(request_started)
def _request_started(**kwargs):
    _request.memo = {}


@receiver(request_finished)
def _request_finished(**kwargs):
    _request.memo = None


def version():
    """The current version token (read from the shared cache once per request)."""
    memo = _memo()
    if memo is not None and VERSION_KEY in memo:
        return memo[VERSION_KEY]
    shared = caches[CACHE_ALIAS]
    token = shared.get(VERSION_KEY)
    if token is None:
        shared.add(VERSION_KEY, uuid.uuid4().hex, None)
        token = shared.get(VERSION_KEY)
    if memo is not None:
        memo[VERSION_KEY] = token
    return token


def _set_new_version():
    caches[CACHE_ALIAS].set(VERSION_KEY, uuid.uuid4().hex, None)
    if _memo() is not None:
        _request.memo = {}


def renew():
    """Void every fragment, now and again once the transaction commits (so that no worker keeps
    what it rebuilt from the database before the change was committed)."""
    _set_new_version()
    transaction.on_commit(_set_new_version)


def fragment(name, compute):
    """`compute()` (a picklable value, such as rendered HTML), kept under `name` and the current
    version; `name` says everything the value depends on, e.g. the language."""
    memo = _memo()
    if memo is not None and name in memo:
        return memo[name]
    key = f"fragments:{version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, FRAGMENT_SECONDS)
    if memo is not None:
        memo[name] = value
    return value


@receiver(post_save)
@receiver(post_delete)
def renew_on_structure_change(sender, instance, raw=False, **kwargs):
    """Pages, sites and privacy settings shape the routing table, menus and section links."""
    if not raw and isinstance(instance, (Page, Site, PageViewRestriction)):
        renew()
