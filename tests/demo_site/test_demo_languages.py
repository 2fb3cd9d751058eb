"""The demo's seven sites are first-class: every language's home shows the partnership's real
figures, and every English page answers under every language's prefix, marked as English, with
a notice in the visitor's language and a canonical link to the English page, and out of that
language's sitemap."""

import re

import pytest
from django.utils import translation
from wagtail.models import Page

from home.models import HomePage
from tests.demo_site.conftest import DEMO_GROUP

TRANSLATED_LANGUAGES = ["es", "fr", "pt", "ar", "id", "uk"]
NOTICE = "This page is not yet translated into this language: you are reading it in English."

pytestmark = [pytest.mark.django_db, DEMO_GROUP]


def home_in(code):
    """The live home page of language `code`."""
    return HomePage.objects.live().get(locale__language_code=code)


def shown_figures(html):
    """The figures of a rendered home page, as shown (digits only)."""
    block = re.search(r'<dl class="figures">(.*?)</dl>', html, re.S)
    assert block, "no figures on the home page"
    return [re.sub(r"\D", "", value) for value in re.findall(r"<dd>(.*?)</dd>", block.group(1))]


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_every_home_page_shows_the_english_figures(client, demo, code):
    english = home_in("en").get_figures()
    assert english["members"] >= 90 and english["stories"] == 14
    assert home_in(code).get_figures() == english
    assert shown_figures(client.get(f"/{code}/").content.decode()) == shown_figures(
        client.get("/en/").content.decode()
    )


def english_only_pages(code):
    """Live English pages (below the home page) with no live translation into `code`."""
    translated = Page.objects.live().filter(locale__language_code=code).values("translation_key")
    return list(
        Page.objects.live()
        .filter(locale__language_code="en", depth__gt=2)
        .exclude(translation_key__in=translated)
        .order_by("path")
    )


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_every_english_page_answers_under_every_language_marked_as_english(client, demo, code):
    with translation.override(code):
        notice = translation.gettext(NOTICE)
    assert notice != NOTICE
    sitemap = client.get("/sitemap.xml").content.decode()
    pages = english_only_pages(code)
    assert len(pages) > 50
    failures = []
    for page in pages:
        english_url = page.get_full_url()
        path = page.get_url()
        assert path.startswith("/en/")
        address = f"/{code}/" + path[len("/en/") :]
        response = client.get(address)
        html = response.content.decode() if response.status_code == 200 else ""
        content = re.search(r'<div class="page-content"([^>]*)>', html)
        problems = [
            response.status_code != 200 and f"status {response.status_code}",
            html and notice not in re.sub(r"\s+", " ", html) and "no notice",
            html and not (content and 'lang="en" dir="ltr"' in content.group(1)) and "no lang",
            html and f'<link rel="canonical" href="{english_url}">' not in html and "canonical",
            (f"{address}<" in sitemap or f'{address}"' in sitemap) and "in the sitemap",
        ]
        problems = [problem for problem in problems if problem]
        if problems:
            failures.append((address, problems))
    assert failures == []
