"""Listings in a translated site show translated items and badged English ones."""

import pytest
from wagtail.models import Locale

from stories.models import ReformStoryPage, StoryIndexPage
from tests import factories
from tests.translation.builders import (
    translate_page,
)


@pytest.mark.django_db
def test_spanish_listing_shows_spanish_stories_and_untranslated_english_ones(
    client, site_tree, story, spanish_tree, monkeypatch
):
    budget = factories.ReformStoryPageFactory(
        parent=site_tree["stories"], title="Open budget", slug="open-budget", member=story.member
    )
    spanish_story = translate_page(story, "es", {"Lobby register": "Registro de lobbies"})
    spanish = Locale.objects.get(language_code="es")
    index = StoryIndexPage.objects.get(pk=spanish_tree["es"]["stories"].pk)
    listed = set(index.get_listing_queryset(spanish).values_list("pk", flat=True))
    assert listed == {spanish_story.pk, budget.pk}
    html = client.get("/es/stories/").content.decode()
    assert "Registro de lobbies" in html
    assert "Open budget" in html
    assert "Lobby register" not in html  # the English original of a translated story

    monkeypatch.setattr(ReformStoryPage, "listed_untranslated", False)
    listed = set(index.get_listing_queryset(spanish).values_list("pk", flat=True))
    assert listed == {spanish_story.pk}
