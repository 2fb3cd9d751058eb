"""Shared fixtures: locales and the English site tree that most tests build on."""

import pytest
from django.conf import settings
from wagtail.models import Locale, Page, Site

from tests import factories


@pytest.fixture
def locales(db):
    """Every configured language as a wagtail Locale, English first."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


@pytest.fixture
def site_tree(locales):
    """An English home page as the default site's root, with the four listing pages under it."""
    root = Page.get_first_root_node()
    # Wagtail's own migration leaves a "Welcome" page; the site tree replaces it.
    for child in root.get_children():
        child.delete()
    home = factories.HomePageFactory(parent=root, locale=locales["en"], slug="home")
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Open Cities"
    )
    return {
        "home": home,
        "stories": factories.StoryIndexPageFactory(parent=home),
        "members": factories.MemberIndexPageFactory(parent=home),
        "knowledge": factories.KnowledgeIndexPageFactory(parent=home),
        "training": factories.TrainingIndexPageFactory(parent=home),
    }
