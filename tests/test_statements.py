"""The footer links the site's accessibility statement and privacy notice in the visitor's
language: the translation where it is live, the original meanwhile, nothing when none is set."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import Site

from home.models import SiteSettings
from tests import factories


@pytest.fixture(autouse=True)
def empty_cache():
    """No footer cached by another test is reused."""
    cache.clear()


@pytest.fixture
def statements(site_tree, locales):
    """English statements chosen in the site settings; the accessibility one translated into
    Spanish, and a Spanish home page."""
    home = site_tree["home"]
    accessibility = factories.StandardPageFactory(
        parent=home, title="Accessibility statement", slug="accessibility"
    )
    privacy = factories.StandardPageFactory(parent=home, title="Privacy notice", slug="privacy")
    home_es = home.copy_for_translation(locales["es"])
    home_es.save_revision().publish()
    accessibility_es = accessibility.copy_for_translation(locales["es"])
    accessibility_es.title = "Declaración de accesibilidad"
    accessibility_es.save_revision().publish()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.accessibility_page = accessibility
    site_settings.privacy_page = privacy
    site_settings.save()
    return {
        "accessibility": accessibility,
        "privacy": privacy,
        "accessibility_es": accessibility_es,
        "home_es": home_es,
    }


def footer_links(client, url):
    """[(address, text)] of the footer's statement links; fails when the footer has none."""
    html = client.get(url).content.decode()
    match = re.search(
        r'<ul class="site-footer__links site-footer__statements">.*?</ul>', html, re.S
    )
    assert match, "no statement links"
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', match.group(0))


@pytest.mark.django_db
def test_the_footer_links_both_statements_in_english(client, statements):
    assert footer_links(client, "/en/") == [
        ("/en/accessibility/", "Accessibility statement"),
        ("/en/privacy/", "Privacy notice"),
    ]


@pytest.mark.django_db
def test_a_spanish_footer_links_the_translation_and_the_original_until_it_is_translated(
    client, statements
):
    assert footer_links(client, statements["home_es"].url) == [
        ("/es/accessibility/", "Declaración de accesibilidad"),
        ("/en/privacy/", "Privacy notice"),
    ]


@pytest.mark.django_db
def test_a_statement_taken_offline_leaves_the_footer(client, statements):
    statements["privacy"].unpublish()
    assert footer_links(client, "/en/") == [("/en/accessibility/", "Accessibility statement")]


@pytest.mark.django_db
def test_no_statement_chosen_no_statement_links(client, site_tree):
    assert "site-footer__statements" not in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_the_menu_ends_with_join_and_the_footer_links_the_contact_form_in_spanish(
    client, statements
):
    html = client.get(statements["home_es"].url).content.decode()
    menu = re.search(r'<nav class="main-menu".*?</nav>', html, re.S).group(0)
    last = re.findall(r'<a class="main-menu__join"\s+href="([^"]+)"\s*>([^<]+)</a>', menu)
    assert last == [("/es/join-us/", "Únase")]
    assert re.findall(r'href="([^"]+)"', menu)[-1] == "/es/join-us/"
    footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)
    assert '<a href="/es/write-to-us/">Escríbanos</a>' in footer
