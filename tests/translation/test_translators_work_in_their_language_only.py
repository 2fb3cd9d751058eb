"""Translators translate and submit in their own language's tree and nowhere else."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import PolicyArea
from localization.translators import translator_group_name
from stories.models import ReformStoryPage
from tests import factories
from tests.translation.builders import (
    TARGETS,
    approve,
    assert_denied,
    put_segment,
    republish,
    review_workflow,
    submit_for_translation,
    translate_page,
)


@pytest.mark.django_db
def test_setup_translators_creates_a_group_per_language_limited_to_its_tree(spanish_tree):
    out = io.StringIO()
    call_command("setup_translators", stdout=out)
    call_command("setup_translators", stdout=out)  # running again changes nothing
    for code in TARGETS:
        assert Group.objects.filter(name=translator_group_name(code)).count() == 1
    spanish = Group.objects.get(name="Translators: Spanish")
    granted = GroupPagePermission.objects.filter(group=spanish)
    assert {(p.page_id, p.permission.codename) for p in granted} == {
        (spanish_tree["es"]["home"].pk, "add_page"),
        (spanish_tree["es"]["home"].pk, "change_page"),
    }
    codenames = set(spanish.permissions.values_list("codename", flat=True))
    assert {"access_admin", "submit_translation", "change_policyarea", "add_country"} <= codenames
    assert not {"publish_page", "delete_policyarea"} & codenames
    # Arabic has no home page yet: the group exists, without page permissions, and says so.
    assert not GroupPagePermission.objects.filter(group__name="Translators: Arabic").exists()
    assert "Translators: Arabic: no home page" in out.getvalue()


@pytest.mark.django_db
def test_spanish_translator_translates_a_story_and_submits_it_for_review(
    client, story, spanish_translator, moderator
):
    review_workflow()
    client.force_login(spanish_translator)
    response = submit_for_translation(client, story, "es")
    assert response.status_code == 302
    spanish = ReformStoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="es"
    )
    assert not spanish.live
    record = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=spanish.locale
    )

    assert put_segment(client, record, "title", "Registro de lobbies").status_code == 201
    # The translator cannot publish from wagtail-localize's editor...
    edit_url = reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    assert_denied(client.post(edit_url, {"action": "publish"}))
    spanish.refresh_from_db()
    assert not spanish.live
    # ...so the translation goes to the review workflow instead.
    review_url = reverse("localization:submit_for_review", args=[record.pk])
    assert client.get(review_url).status_code == 200
    assert client.post(review_url).status_code == 302
    spanish.refresh_from_db()
    assert not spanish.live
    assert spanish.workflow_in_progress
    # Not live: its address still serves the English page, shown as not yet translated.
    assert 'lang="en" dir="ltr"' in client.get("/es/stories/lobby-register/").content.decode()

    client.force_login(moderator)
    approve(client, spanish)
    spanish.refresh_from_db()
    assert spanish.live and spanish.title == "Registro de lobbies"
    assert spanish.current_workflow_state is None
    assert "Registro de lobbies" in client.get("/es/stories/lobby-register/").content.decode()


@pytest.mark.django_db
def test_spanish_translator_cannot_publish_edit_or_delete_the_english_page(
    client, story, spanish_translator
):
    permissions = story.permissions_for_user(spanish_translator)
    assert not permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_delete()
    client.force_login(spanish_translator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    assert_denied(client.get(edit_url))
    client.post(edit_url, {"title": "Changed", "action-publish": "publish"})
    client.post(reverse("wagtailadmin_pages:delete", args=[story.pk]))
    story.refresh_from_db()
    assert story.title == "Lobby register" and story.live


@pytest.mark.django_db
def test_spanish_translator_cannot_touch_the_french_tree(
    client, story, spanish_translator, spanish_tree
):
    french = translate_page(story, "fr", {"Lobby register": "Registre des lobbies"})
    french_record = Translation.objects.get(
        target_locale__language_code="fr", source__object_id=story.translation_key
    )
    client.force_login(spanish_translator)

    assert not french.permissions_for_user(spanish_translator).can_edit()
    assert_denied(client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])))
    assert_denied(put_segment(client, french_record, "title", "Piraté"))
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[french_record.pk]),
        {"file": io.BytesIO(b"")},
    )
    assert_denied(upload)
    assert not StringTranslation.objects.filter(data="Piraté").exists()

    # "Translate this page" offers Spanish only; asking for Portuguese creates nothing.
    other = factories.ReformStoryPageFactory(parent=story.get_parent(), member=story.member)
    form = client.get(reverse("wagtail_localize:submit_page_translation", args=[other.pk]))
    offered = set(
        form.context["form"].fields["locales"].queryset.values_list("language_code", flat=True)
    )
    assert offered == {"es"}
    response = submit_for_translation(client, other, "fr")
    assert response.status_code == 200 and response.context["form"].errors
    assert not Page.objects.filter(
        translation_key=other.translation_key, locale__language_code="fr"
    ).exists()

    # Syncing the story's translations cannot publish (or even save) the French one.
    story.title = "Lobby register, updated"
    republish(story)
    french_revisions = french.revisions.count()
    source = TranslationSource.objects.get(object_id=story.translation_key, locale=story.locale)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )
    assert response.status_code == 302
    french.refresh_from_db()
    assert french.title == "Registre des lobbies"
    assert french.revisions.count() == french_revisions


@pytest.mark.django_db
def test_translators_edit_taxonomy_only_in_their_language(client, spanish_translator):
    english = factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
    spanish = english.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.save()
    french = english.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save()
    client.force_login(spanish_translator)

    def edit_url(term):
        return reverse("wagtailsnippets_home_policyarea:edit", args=[term.pk])

    assert client.get(edit_url(spanish)).status_code == 200
    for other in (english, french):
        assert_denied(client.get(edit_url(other)))
    client.post(edit_url(french), {"name": "Piraté", "slug": "lobbying"})
    assert PolicyArea.objects.get(pk=french.pk).name == "Lobbying"
    add_url = reverse("wagtailsnippets_home_policyarea:add")
    assert client.get(f"{add_url}?locale=es").status_code == 200
    assert_denied(client.get(add_url))  # the default locale is English
    assert_denied(client.get(f"{add_url}?locale=fr"))


def _header_and_listing(client, page):
    """The page's own listing (its header menu) and its parent's listing (its row's menu)."""
    header = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
    listing = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return header.content.decode() + listing.content.decode()


@pytest.mark.django_db
def test_translate_is_offered_only_while_one_of_the_translators_languages_is_left(
    client, django_user_model, story, spanish_tree, spanish_translator
):
    # A story written in Spanish: English, French, Portuguese... are left, Spanish is not.
    spanish_story = factories.ReformStoryPageFactory(
        parent=spanish_tree["es"]["stories"], member=story.member
    )
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[spanish_story.pk])
    bilingual = django_user_model.objects.create_user("bilingue", "b@example.org", "pw")
    bilingual.groups.add(
        *Group.objects.filter(name__in=["Translators: Spanish", "Translators: French"])
    )
    client.force_login(bilingual)
    assert translate_url in _header_and_listing(client, spanish_story)
    client.force_login(spanish_translator)
    assert translate_url not in _header_and_listing(client, spanish_story)
    response = client.get(translate_url)
    assert_denied(response)
    assert "no language left" in str(list(response.wsgi_request._messages)[0])
    french = Locale.objects.get(language_code="fr")
    assert_denied(client.post(translate_url, {"locales": [french.pk]}))
    assert not Page.objects.filter(
        translation_key=spanish_story.translation_key, locale=french
    ).exists()

    # The English story is offered into Spanish until its Spanish translation exists.
    story_url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    assert client.get(story_url).status_code == 200
    translate_page(story, "es", {"Lobby register": "Registro de lobbies"}, publish=False)
    assert_denied(client.get(story_url))
