"""Every page lives under its language's prefix; the switcher leads to the same page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from localization.templatetags.localization_tags import language_links_for
from tests import factories
from tests.translation.builders import (
    TARGETS,
    translate_page,
)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-CA,fr;q=0.9,en;q=0.5", "/fr/"),
        ("de-DE,de;q=0.9,es;q=0.4", "/es/"),
        ("pt-BR", "/pt/"),
        ("uk,ru;q=0.5", "/uk/"),
        ("de", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_sends_visitor_to_best_accepted_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


@pytest.mark.django_db
def test_a_page_address_without_language_goes_to_the_visitors_language(client, site_tree):
    response = client.get("/stories/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert response["Location"] == "/es/stories/"
    assert "Accept-Language" in response["Vary"]


@pytest.mark.django_db
def test_every_language_home_answers_with_its_lang_and_direction(client, site_tree):
    for code in TARGETS:
        translate_page(site_tree["home"], code)
    for code in TARGETS:
        response = client.get(f"/{code}/")
        assert response.status_code == 200, code
        direction = "rtl" if code == "ar" else "ltr"
        assert f'<html lang="{code}" dir="{direction}">' in response.content.decode(), code


@pytest.mark.django_db
def test_hreflang_lists_exactly_the_live_translations_and_x_default(client, story, spanish_tree):
    translate_page(story, "es")
    translate_page(story, "fr", publish=False)
    html = client.get("/en/stories/lobby-register/").content.decode()
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    assert sorted(alternates) == [
        ("en", "http://localhost/en/stories/lobby-register/"),
        ("es", "http://localhost/es/stories/lobby-register/"),
        ("x-default", "http://localhost/en/stories/lobby-register/"),
    ]


# --- Language switcher ----------------------------------------------------------------------


def switcher_links(html):
    """{language code: (href, whether the link says the page is not translated)} of the switcher."""
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    links = {}
    for match in re.finditer(r"<a ([^>]*)>(.*?)</a>", nav, re.S):
        attrs, text = match.groups()
        code = re.search(r'hreflang="([^"]+)"', attrs).group(1)
        href = re.search(r'href="([^"]+)"', attrs).group(1)
        links[code] = (href, "page not translated" in text)
    return links


@pytest.mark.django_db
def test_switcher_goes_to_the_translation_or_to_the_pages_fallback_address(
    client, site_tree, story, spanish_tree
):
    translate_page(story, "es")
    translate_page(site_tree["home"], "pt")
    links = switcher_links(client.get("/en/stories/lobby-register/").content.decode())
    assert links["es"] == ("/es/stories/lobby-register/", False)
    # French has the story index but not the story, Portuguese only the home page, Arabic
    # nothing: each leads to the English story served under its prefix, and says so.
    for code in ("fr", "pt", "ar"):
        assert links[code] == (f"/{code}/stories/lobby-register/", True), code
        response = client.get(links[code][0])
        assert response.status_code == 200, code
        assert 'lang="en"' in response.content.decode(), code
    assert "en" not in links  # the current language is not a link
    # From the Spanish translation and from the story's own fallback address alike.
    for address in ("/es/stories/lobby-register/", "/fr/stories/lobby-register/"):
        links = switcher_links(client.get(address).content.decode())
        assert links["ar"][0] == "/ar/stories/lobby-register/", address
        assert links["uk"][0] == "/uk/stories/lobby-register/", address


@pytest.mark.django_db
def test_switcher_on_a_page_with_no_source_version_falls_back_to_a_translated_section(
    client, story, spanish_tree
):
    # Written in Spanish and not in English: no English page to serve under /fr/.
    factories.ReformStoryPageFactory(
        parent=spanish_tree["es"]["stories"], member=story.member, slug="solo-es"
    )
    links = switcher_links(client.get("/es/stories/solo-es/").content.decode())
    assert links["fr"][0] == "/fr/stories/"
    assert links["en"][0] == "/en/stories/"


@pytest.mark.django_db
def test_switcher_note_is_visible_text_in_the_visitors_language(client, story, spanish_tree):
    html = client.get("/es/stories/").content.decode()
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    with translation.override("es"):
        note = translation.gettext("page not translated")
    assert note != "page not translated"
    # Portuguese has no translation of the index: the note is shown, outside the hidden text.
    assert f"({note}<span" in nav


@pytest.mark.django_db
def test_switcher_queries_do_not_grow_with_the_number_of_translations(
    rf, site_tree, story, spanish_tree
):
    def count_queries():
        request = rf.get("/en/stories/lobby-register/")
        with translation.override("en"), CaptureQueriesContext(connection) as queries:
            language_links_for(request, Page.objects.get(pk=story.pk).specific)
        return len(queries)

    before = count_queries()
    for code in ("pt", "ar", "id", "uk"):
        translate_page(site_tree["home"], code)
        translate_page(site_tree["stories"], code)
        translate_page(story, code)
    assert count_queries() <= before
