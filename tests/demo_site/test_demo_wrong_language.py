"""No interface text in another language: every page of every translated language in the demo,
walked element by element, shows no English outside the elements marked lang="en" (see
wrong_language.py for what counts as English: catalogue strings, and the fields of English pages,
snippets, settings, menus and alt text that the language has written otherwise)."""

import pytest
from wagtail.models import Page

from tests.demo_site.conftest import DEMO_GROUP
from tests.demo_site.wrong_language import LanguageWalker, english_on, english_texts

TRANSLATED_LANGUAGES = ["es", "fr", "pt", "ar", "id", "uk"]

pytestmark = [pytest.mark.django_db, DEMO_GROUP]


def test_the_walker_finds_english_outside_marked_elements():
    html = (
        '<html lang="es"><head><title>Home</title></head><body><p>Read more</p>'
        '<div lang="en"><p>Read more</p><img alt="Read more"></div>'
        '<img alt="Read more"><p lang="es">Leer más</p></body></html>'
    )
    assert english_on(html, "es", {"Read more"}) == [("p", "Read more"), ("img[alt]", "Read more")]
    walker = LanguageWalker("es")
    walker.feed(html)
    assert ("p", "Leer más") in walker.found


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_no_page_of_a_translated_language_shows_unmarked_english(client, demo, code):
    english = english_texts(code)
    assert "Reform stories" in english or code == "en"
    pages = list(Page.objects.live().filter(locale__language_code=code, depth__gt=1))
    assert len(pages) >= 8
    found = {}
    for page in pages:
        response = client.get(page.get_url())
        assert response.status_code == 200, page.get_url()
        wrong = english_on(response.content.decode(), code, english)
        if wrong:
            found[page.get_url()] = wrong
    assert found == {}
