"""A translation whose original was republished says so until it is synced and approved."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from tests.translation.builders import (
    approve,
    put_segment,
    republish,
    translate_page,
)


def stale_notice(html):
    """The text of the page's stale-translation notice, or None."""
    match = re.search(r'<aside class="notice notice--stale".*?</aside>', html, re.S)
    return re.sub(r"\s+", " ", match.group(0)) if match else None


def expected_notice(source, code):
    """The notice's sentence as a visitor reading `code` sees it."""
    with translation.override(code):
        sentence = translation.gettext(
            "The original version of this page was updated on %(date)s and this translation "
            "may differ."
        )
        return sentence % {"date": date_format(localtime(source.last_published_at), "DATE_FORMAT")}


@pytest.mark.django_db
def test_stale_notice_appears_when_the_original_is_republished_and_goes_after_a_sync(
    client, story, spanish_tree, superuser, django_capture_on_commit_callbacks
):
    translate_page(story, "es", {"Lobby register": "Registro de lobbies"})
    url = "/es/stories/lobby-register/"
    assert stale_notice(client.get(url).content.decode()) is None

    story.summary = "What the member did, with the 2024 results."
    republish(story)
    notice = stale_notice(client.get(url).content.decode())
    assert notice is not None
    assert expected_notice(story, "es") in notice
    assert "The original version" not in notice  # in the visitor's language
    assert 'href="/en/stories/lobby-register/" hreflang="en"' in notice

    source = TranslationSource.objects.get(object_id=story.translation_key, locale=story.locale)
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    client.logout()
    assert stale_notice(client.get(url).content.decode()) is None


@pytest.mark.django_db
def test_stale_translation_stays_marked_until_the_synced_translation_is_approved(
    client, story, spanish_tree, spanish_translator, moderator, superuser
):
    spanish = translate_page(story, "es", {"Lobby register": "Registro de lobbies"})
    url = "/es/stories/lobby-register/"
    story.title = "Lobby register for every district"
    republish(story)
    source = TranslationSource.objects.get(object_id=story.translation_key, locale=story.locale)
    client.force_login(spanish_translator)
    # The translator syncs (without publishing: they may not) and translates the new title.
    client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    record = Translation.objects.get(source=source, target_locale=spanish.locale)
    put_segment(client, record, "title", "Registro de lobbies en cada distrito")
    client.post(reverse("localization:submit_for_review", args=[record.pk]))
    client.logout()
    # In review: visitors still see the old translation, still marked as possibly outdated.
    html = client.get(url).content.decode()
    assert "Registro de lobbies en cada distrito" not in html
    assert stale_notice(html) is not None

    client.force_login(moderator)
    approve(client, Page.objects.get(pk=spanish.pk).specific)
    client.logout()
    html = client.get(url).content.decode()
    assert "Registro de lobbies en cada distrito" in html
    assert stale_notice(html) is None
