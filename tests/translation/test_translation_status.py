"""The translation status dashboard and the admin home's panel count the work per language."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from localization.status import IN_PROGRESS, LIVE, MISSING, STALE, translation_status
from tests import factories
from tests.translation.builders import (
    TARGETS,
    assert_denied,
    republish,
    translate_page,
)


@pytest.fixture
def status_pages(site_tree, story, spanish_tree):
    """Pages in each state: the story live in Spanish and in progress in French, a second story
    stale in Spanish, the member missing everywhere."""
    translate_page(story, "es", {"Lobby register": "Registro de lobbies"})
    translate_page(story, "fr", {"Lobby register": "Registre des lobbies"}, publish=False)
    budget = factories.ReformStoryPageFactory(
        parent=site_tree["stories"], title="Open budget", slug="open-budget", member=story.member
    )
    translate_page(budget, "es")
    republish(budget)
    return {"story": story, "budget": budget, "member": story.member}


def cells_by_title(status):
    """{(page title, language code): cell}."""
    return {
        (row.title, cell.locale.language_code): cell for row in status.rows for cell in row.cells
    }


@pytest.mark.django_db
def test_status_shows_missing_in_progress_live_and_stale_with_percent_done(status_pages):
    locales = list(Locale.objects.filter(language_code__in=["es", "fr"]).order_by("language_code"))
    status = translation_status(locales=locales)
    cells = cells_by_title(status)
    assert cells[("Lobby register", "es")].state == LIVE
    assert cells[("Open budget", "es")].state == STALE
    assert cells[("Madrid", "es")].state == MISSING
    assert cells[("Madrid", "fr")].state == MISSING
    in_progress = cells[("Lobby register", "fr")]
    assert in_progress.state == IN_PROGRESS
    total, done = Translation.objects.get(pk=in_progress.translation_id).get_progress()
    assert 0 < done < total
    assert in_progress.percent == round(100 * done / total)
    spanish = {state: count for state, _label, count in status.totals_for(locales[0])}
    assert spanish[LIVE] >= 3  # home, story index, story
    assert spanish[STALE] == 1
    assert spanish[MISSING] >= 3  # members index, member, knowledge and training indexes
    assert sum(spanish.values()) == len(status.rows)


@pytest.mark.django_db
def test_status_filters_by_section(status_pages):
    status = translation_status(section="stories")
    assert {row.title for row in status.rows} == {"Stories", "Lobby register", "Open budget"}
    status = translation_status(section="members")
    assert {row.title for row in status.rows} == {"Members", "Madrid"}
    status = translation_status(section="other")
    assert {row.title for row in status.rows} == {"Home"}


@pytest.mark.django_db
def test_status_takes_the_same_queries_whatever_the_number_of_pages(site_tree, story, spanish_tree):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            translation_status()
        return len(queries)

    count_queries()  # content types and locales are cached after the first call
    before = count_queries()
    for number in range(4):
        page = factories.ReformStoryPageFactory(parent=site_tree["stories"], member=story.member)
        translate_page(page, "es", publish=number % 2 == 0)
    assert count_queries() == before


@pytest.mark.django_db
def test_dashboard_filters_by_language_section_and_state(client, status_pages, superuser):
    client.force_login(superuser)
    url = reverse("localization:translation_status")
    response = client.get(url, {"language": "es", "section": "stories", "state": "stale"})
    assert response.status_code == 200
    html = response.content.decode()
    assert [row.title for row in response.context["rows"]] == ["Open budget"]
    assert [locale.language_code for locale in response.context["status"].locales] == ["es"]
    assert "Lobby register" not in html
    sync_url = reverse(
        "wagtail_localize:update_translations",
        args=[TranslationSource.objects.get(object_id=status_pages["budget"].translation_key).pk],
    )
    assert sync_url in html
    # Filters that make no sense are reported, not a server error.
    response = client.get(url, {"language": "xx"})
    assert response.status_code == 200
    assert response.context["form"].errors


@pytest.mark.django_db
def test_dashboard_is_in_the_admin_menu_only_for_people_who_translate(
    client, django_user_model, spanish_translator, locales
):
    url = reverse("localization:translation_status")
    client.force_login(spanish_translator)
    assert client.get(url).status_code == 200
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()
    # Someone who may use the admin but takes no part in translation.
    outsider = django_user_model.objects.create_user("outsider", "o@example.org", "pw")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert_denied(client.get(url))
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_admin_home_shows_translators_the_work_in_their_language(
    client, status_pages, spanish_translator, superuser
):
    client.force_login(spanish_translator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html.split('id="translation-work-section"', 1)[1]
    status = reverse("localization:translation_status")
    assert f'href="{status}?language=es&amp;state=stale">1<' in panel
    assert "language=fr" not in panel
    client.force_login(superuser)
    panel = (
        client.get(reverse("wagtailadmin_home"))
        .content.decode()
        .split('id="translation-work-section"', 1)[1]
    )
    for code in TARGETS:
        assert f"language={code}&amp;state=missing" in panel
