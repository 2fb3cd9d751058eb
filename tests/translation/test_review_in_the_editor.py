"""Translators submit for review, and moderators approve or request changes, inside
wagtail-localize's translation editor; the dashboard says "Awaiting review" in between."""

import re
from html import unescape

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation

from stories.models import ReformStoryPage
from tests.translation.builders import put_segment, review_workflow, submit_for_translation


def editor(client, page):
    """The translation editor of `page` as HTML (wagtail-localize opens it as the edit view)."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "js-translation-editor" in html
    return html


def review_targets(html):
    """{button label: address it posts to} of the editor's review section (which must be there)."""
    section = re.search(r'<section class="translation-review.*?</section>', html, re.S)
    assert section, "no review section in the editor"
    targets = {}
    for form in re.finditer(r"<form (.*?)>(.*?)</form>", section[0], re.S):
        action = re.search(r'action="([^"]*)"', form[1])
        for tag, label in re.findall(r"<button (.*?)>(.*?)</button>", form[2], re.S):
            formaction = re.search(r'formaction="([^"]*)"', tag)
            target = formaction or action
            targets[label.strip()] = unescape(target[1]) if target else None
    return targets


def dashboard_state(client, title):
    """The Spanish cell of the dashboard row titled `title`, in words."""
    response = client.get(reverse("localization:translation_status"), {"language": "es"})
    row = next(r for r in response.context["rows"] if r.title == title)
    return next(cell.label for cell in row.cells if cell.locale.language_code == "es")


@pytest.fixture
def spanish_draft(client, story, spanish_translator):
    """The story submitted for translation into Spanish by the translator, one segment done."""
    review_workflow()
    client.force_login(spanish_translator)
    submit_for_translation(client, story, "es")
    page = ReformStoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="es"
    )
    record = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=page.locale
    )
    put_segment(client, record, "title", "Registro de lobbies")
    return page


@pytest.mark.django_db
def test_a_translator_submits_from_the_editor_and_a_moderator_approves_there(
    client, spanish_draft, spanish_translator, moderator
):
    page = spanish_draft
    targets = review_targets(editor(client, page))
    assert set(targets) == {"Submit for review"}
    assert client.post(targets["Submit for review"], {"next": "/admin/"}).status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress and not page.live

    client.force_login(moderator)
    assert str(dashboard_state(client, "Lobby register")) == "Awaiting review"
    targets = review_targets(editor(client, page))
    assert set(targets) == {"Approve", "Request changes"}
    client.post(targets["Approve"], {"comment": ""})
    page.refresh_from_db()
    assert page.live and page.title == "Registro de lobbies"
    assert page.current_workflow_state is None
    assert str(dashboard_state(client, "Lobby register")) == "Live"


@pytest.mark.django_db
def test_a_moderator_requests_changes_from_the_editor_and_the_translator_resubmits(
    client, spanish_draft, spanish_translator, moderator
):
    page = spanish_draft
    client.post(review_targets(editor(client, page))["Submit for review"])
    client.force_login(moderator)
    client.post(review_targets(editor(client, page))["Request changes"], {"comment": "Tildes"})
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert str(dashboard_state(client, "Lobby register")) == "In progress"

    client.force_login(spanish_translator)
    html = editor(client, page)
    assert set(review_targets(html)) == {"Submit for review"}
    client.post(review_targets(html)["Submit for review"])
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_while_in_review_the_translator_gets_no_review_buttons(client, spanish_draft):
    page = spanish_draft
    client.post(review_targets(editor(client, page))["Submit for review"])
    html = editor(client, page)
    assert review_targets(html) == {}
    assert "Awaiting review" in html
