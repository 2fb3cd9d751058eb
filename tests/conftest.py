"""Shared fixtures: locales and the English site tree that most tests build on.

Modules whose tests only read a shared set of pages build it once with `rolled_back` (the
builders below are plain functions for that reason) and hand each test fresh copies through
`shared` fixtures, so one test's changes in memory never reach the next.
"""

import contextlib

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.models import SiteSettings
from tests import factories


def make_locales():
    """Every configured language as a wagtail Locale, English first."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


def make_site_tree(locales):
    """An English home page as the default site's root, with the four listing pages under it."""
    root = Page.get_first_root_node()
    # Wagtail's own migration leaves a "Welcome" page; the site tree replaces it.
    for child in root.get_children():
        child.delete()
    home = factories.HomePageFactory(parent=root, locale=locales["en"], slug="home")
    Site.objects.all().delete()
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Open Cities"
    )
    # As the demo loader does: the first page view would otherwise create the row.
    SiteSettings.for_site(site)
    return {
        "home": home,
        "stories": factories.StoryIndexPageFactory(parent=home),
        "members": factories.MemberIndexPageFactory(parent=home),
        "knowledge": factories.KnowledgeIndexPageFactory(parent=home),
        "training": factories.TrainingIndexPageFactory(parent=home),
    }


@contextlib.contextmanager
def rolled_back(django_db_blocker):
    """Database access outside any test, undone on exit: data built once for a module.

    Each test then runs in a savepoint inside this transaction, as pytest-django nests it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def built_once(build, scope="module", name=None):
    """A `module_data` fixture: a fresh site (locales, site tree) and what `build(site_tree,
    locales)` adds to it ({name: {key: instance}}, or under `name` when given), built once per
    `scope` and rolled back after."""

    @pytest.fixture(scope=scope, name="module_data")
    def fixture(django_db_setup, django_db_blocker):
        with rolled_back(django_db_blocker):
            locales = make_locales()
            site_tree = make_site_tree(locales)
            built = build(site_tree, locales)
            yield {"locales": locales, "site_tree": site_tree, **({name: built} if name else built)}

    fixture.__doc__ = f"The site and {build.__name__}'s pages, built once per {scope}."
    return fixture


def refetch(instance):
    """A fresh copy of a model instance from the database (same class, same primary key)."""
    return type(instance)._default_manager.get(pk=instance.pk)


def refetch_all(instances):
    """`refetch` over the values of a dict."""
    return {name: refetch(instance) for name, instance in instances.items()}


def shared(*names):
    """Test fixtures named `names`, each fresh copies of that entry of the module's `module_data`.

    A module defines a module-scoped `module_data` fixture yielding {"locales": {...}, ...}
    (`module_data = built_once(build)`) and then `locales, site_tree = shared("locales",
    "site_tree")`.
    """

    def make(name):
        # `module_data` as an argument (not looked up inside) so that pytest sets it up before
        # the test's transaction, which must nest inside the module's.
        @pytest.fixture(name=name)
        def fixture(module_data, db):
            return refetch_all(module_data[name])

        fixture.__doc__ = f"Fresh copies of module_data[{name!r}] for one test."
        return fixture

    return [make(name) for name in names]


@pytest.fixture
def locales(db):
    """Every configured language as a wagtail Locale, English first."""
    return make_locales()


@pytest.fixture
def site_tree(locales):
    """An English home page as the default site's root, with the four listing pages under it."""
    return make_site_tree(locales)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, so no entry made from another test's (rolled back)
    data is reused: renditions, site root paths, the shared fragments of pagecache.fragments."""
    cache.clear()


@pytest.fixture
def vocabulary(locales):
    """Two policy areas, two goals and two countries in two regions (tests.page_builders)."""
    from tests.page_builders import make_vocabulary

    return make_vocabulary()
