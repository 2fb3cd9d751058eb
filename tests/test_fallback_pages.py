"""Every page is reachable in every language: an English-only page's address under /es/ (its
fallback address) serves the English page inside the Spanish interface, marked as English, with
a notice in Spanish, a canonical link to the English page, and out of the sitemap."""

import re

import pytest
from django.utils import translation

from pagecache.purge import addresses_changed_by
from tests import factories
from tests.page_builders import warm_query_count
from tests.translation.builders import translate_page

pytestmark = pytest.mark.django_db

NOTICE = "This page is not yet translated into this language: you are reading it in English."


@pytest.fixture
def tree(site_tree):
    """Spanish and Arabic home and member index pages; one member only in English, one also
    in Spanish."""
    for code in ("es", "ar"):
        translate_page(site_tree["home"], code)
        translate_page(site_tree["members"], code, {"Members": f"Members ({code})"})
    english_only = factories.MemberProfilePageFactory(
        parent=site_tree["members"], title="Kutaisi", slug="kutaisi"
    )
    translated = factories.MemberProfilePageFactory(
        parent=site_tree["members"], title="Madrid", slug="madrid"
    )
    translate_page(translated, "es", {"Madrid": "Madrid (es)"})
    return {**site_tree, "english_only": english_only, "translated": translated}


def notice_text(html):
    """The words of the page's not-yet-translated notice; fails when there is none."""
    match = re.search(r'<aside class="notice notice--untranslated".*?</aside>', html, re.S)
    assert match, "no not-yet-translated notice"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match.group(0))).strip()


def expected_notice(code):
    """The notice's sentence as a visitor reading `code` sees it."""
    with translation.override(code):
        return translation.gettext(NOTICE)


def content_attributes(html):
    """The lang and dir attributes of the page's content wrapper."""
    match = re.search(r'<div class="page-content"([^>]*)>', html)
    assert match, "no page-content wrapper"
    return dict(re.findall(r'(lang|dir)="([^"]+)"', match.group(1)))


@pytest.mark.parametrize(("code", "direction"), [("es", "ltr"), ("ar", "rtl")])
def test_an_english_only_page_answers_at_its_address_under_every_language(
    client, tree, code, direction
):
    response = client.get(f"/{code}/members/kutaisi/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}" dir="{direction}">' in html
    assert content_attributes(html) == {"lang": "en", "dir": "ltr"}
    assert notice_text(html) == expected_notice(code)
    assert expected_notice(code) != expected_notice("en")
    assert '<link rel="canonical" href="http://localhost/en/members/kutaisi/">' in html
    # The interface around it is the visitor's: the breadcrumb leads to their own index.
    assert re.search(rf'href="/{code}/members/"\s*>Members \({code}\)</a>', html)


def test_a_translated_page_is_served_at_the_same_address_without_the_notice(client, tree):
    html = client.get("/es/members/madrid/").content.decode()
    assert "Madrid (es)" in html
    assert 'class="notice notice--untranslated"' not in html
    assert content_attributes(html) == {}
    assert '<link rel="canonical" href="http://localhost/es/members/madrid/">' in html


def test_a_draft_translation_leaves_the_english_page_at_its_address(client, tree):
    translate_page(tree["english_only"], "es", {"Kutaisi": "Kutaisi (es)"}, publish=False)
    html = client.get("/es/members/kutaisi/").content.decode()
    assert "Kutaisi (es)" not in html
    assert notice_text(html) == expected_notice("es")


def test_an_address_that_is_no_page_in_any_language_is_still_a_404(client, tree):
    assert client.get("/es/members/nowhere/").status_code == 404
    assert client.get("/en/members/nowhere/").status_code == 404


def test_fallback_addresses_are_left_out_of_the_sitemap(client, tree):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "http://localhost/en/members/kutaisi/" in sitemap
    assert "/es/members/kutaisi/" not in sitemap
    assert "http://localhost/es/members/madrid/" in sitemap


def test_a_translated_listing_links_english_items_at_their_fallback_address(client, tree):
    html = client.get("/es/members/").content.decode()
    assert 'href="/es/members/kutaisi/"' in html
    assert 'href="/en/members/kutaisi/"' not in html
    assert 'href="/es/members/madrid/"' in html


def test_a_fallback_page_costs_four_queries_more_than_a_translated_one(client, tree):
    # The pages along the address in the English tree after the Spanish tree had none (1), the
    # breadcrumb's ancestors in the visitor's language (its locale, then their translations: 2),
    # the English story listing's check for the country (the Spanish tree has no story index: 2),
    # less the stale-translation check an English page does not need (-1). Terms in Spanish
    # come from the shared vocabulary fragment, no query.
    translated = warm_query_count(client, "/es/members/madrid/")
    fallback = warm_query_count(client, "/es/members/kutaisi/")
    assert fallback - translated == 4


def test_a_change_to_an_english_page_purges_its_fallback_addresses(tree):
    touched = addresses_changed_by(tree["english_only"])
    for code in ("en", "es", "ar", "uk"):
        assert f"http://localhost/{code}/members/kutaisi/" in touched
