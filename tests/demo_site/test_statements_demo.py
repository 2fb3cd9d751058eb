"""The demo's accessibility statement and privacy notice: live in all seven languages, really
translated, linked from the footer of every language, and stating the configured retention."""

import re

import pytest
from django.conf import settings
from wagtail.models import Page

from home.models import StandardPage
from tests.demo_site.conftest import DEMO_GROUP

pytestmark = [pytest.mark.django_db, DEMO_GROUP]

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TITLES = {
    "en": ("Accessibility statement", "Privacy notice"),
    "es": ("Declaración de accesibilidad", "Aviso de privacidad"),
    "fr": ("Déclaration d’accessibilité", "Avis de confidentialité"),
    "pt": ("Declaração de acessibilidade", "Aviso de privacidade"),
    "ar": ("بيان إمكانية الوصول", "إشعار الخصوصية"),
    "id": ("Pernyataan aksesibilitas", "Pemberitahuan privasi"),
    "uk": ("Заява про доступність", "Повідомлення про конфіденційність"),
}


def footer(html):
    """The page's footer; fails when there is none."""
    match = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S)
    assert match, "no footer"
    return match.group(0)


@pytest.mark.parametrize("code", LANGUAGES)
def test_both_statements_are_live_and_linked_from_the_footer_in_every_language(client, demo, code):
    statements = {
        page.slug: page
        for page in StandardPage.objects.live().filter(
            locale__language_code=code, slug__in=["accessibility", "privacy"]
        )
    }
    assert set(statements) == {"accessibility", "privacy"}
    assert (statements["accessibility"].title, statements["privacy"].title) == TITLES[code]
    home = Page.objects.get(depth=2, locale__language_code=code)

    links = re.findall(
        r'<a href="([^"]+)"[^>]*>([^<]+)</a>', footer(client.get(home.url).content.decode())
    )

    assert (statements["accessibility"].url, TITLES[code][0]) in links
    assert (statements["privacy"].url, TITLES[code][1]) in links
    assert statements["accessibility"].url.startswith(f"/{code}/")


@pytest.mark.parametrize("code", ["en", "es", "ar"])
def test_the_privacy_notice_states_the_configured_retention_and_the_statement_wcag_2_2(
    client, demo, code
):
    privacy = StandardPage.objects.get(locale__language_code=code, slug="privacy")
    accessibility = StandardPage.objects.get(locale__language_code=code, slug="accessibility")
    days = str(settings.SUBMISSION_RETENTION_DAYS)
    privacy_html = client.get(privacy.url).content.decode()
    assert re.search(rf"\b{days}\b", privacy_html)
    assert "{retention_days}" not in privacy_html
    assert "WCAG) 2.2" in client.get(accessibility.url).content.decode()


def test_the_statements_stay_out_of_the_main_menu(demo):
    in_menu = StandardPage.objects.filter(slug__in=["accessibility", "privacy"], show_in_menus=True)
    assert not in_menu.exists()
