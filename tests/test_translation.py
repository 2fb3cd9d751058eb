"""Multilingual publication: language URLs, switcher, translators, status, stale notices, PO."""

import io
import json
import os
import re
import runpy
from html import unescape
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import PolicyArea
from localization.status import IN_PROGRESS, LIVE, MISSING, STALE, translation_status
from localization.templatetags.localization_tags import language_links_for
from localization.translators import setup_translator_groups, translator_group_name
from stories.models import ReformStoryPage, StoryIndexPage
from tests import factories

TARGETS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
MODERATORS = "Moderators"


@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """Compile interface translations (as `make test` does) where a .po is newer than its .mo."""
    for po in Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            # Written aside then moved into place: parallel workers may compile at once.
            partial = mo.with_suffix(f".{os.getpid()}.tmp")
            polib.pofile(str(po)).save_as_mofile(str(partial))
            os.replace(partial, mo)


def translate_page(page, code, strings=None, publish=True):
    """Translate `page` into `code` the way wagtail-localize does: source, translation, segments.

    `strings` maps source text to its translation; untranslated segments keep the source text.
    """
    locale = Locale.objects.get(language_code=code)
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation_record, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = (strings or {}).get(segment.string.data)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text},
            )
    translation_record.save_target(publish=False)
    target = translation_record.get_target_instance()
    if publish:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


def republish(page):
    """Publish a new revision of `page` with its current fields (as an editor would)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def story(site_tree):
    """A live English reform story."""
    member = factories.MemberProfilePageFactory(parent=site_tree["members"], title="Madrid")
    return factories.ReformStoryPageFactory(
        parent=site_tree["stories"], title="Lobby register", slug="lobby-register", member=member
    )


@pytest.fixture
def spanish_tree(site_tree):
    """The home page and story index translated into Spanish and French, and published."""
    tree = {}
    for code in ("es", "fr"):
        home = translate_page(site_tree["home"], code, {"Home": f"Home {code}"})
        index = translate_page(site_tree["stories"], code, {"Stories": f"Stories {code}"})
        tree[code] = {"home": home, "stories": index}
    return tree


@pytest.fixture
def translator_groups(spanish_tree):
    """The translators' groups, set up once the Spanish and French home pages exist."""
    return dict(setup_translator_groups())


@pytest.fixture
def spanish_translator(django_user_model, translator_groups):
    """A member of "Translators: Spanish" and of no other group."""
    user = django_user_model.objects.create_user("traductora", "t@example.org", "pw")
    user.groups.add(Group.objects.get(name="Translators: Spanish"))
    return user


@pytest.fixture
def moderator(django_user_model, locales):
    """A moderator, who approves the review workflow's task."""
    user = django_user_model.objects.create_user("moderator", "m@example.org", "pw")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


@pytest.fixture
def superuser(django_user_model, locales):
    """An administrator."""
    return django_user_model.objects.create_superuser("admin", "a@example.org", "pw")


def review_workflow():
    """The Review workflow that the editorial data migration puts on the root page."""
    workflow = Page.get_first_root_node().get_workflow()
    assert workflow is not None and workflow.active
    return workflow


# --- URLs, language and direction -------------------------------------------------------------


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
def test_switcher_goes_to_the_translation_or_says_it_falls_back_to_a_section(
    client, site_tree, story, spanish_tree
):
    translate_page(story, "es")
    translate_page(site_tree["home"], "pt")
    links = switcher_links(client.get("/en/stories/lobby-register/").content.decode())
    assert links["es"] == ("/es/stories/lobby-register/", False)
    # French has the story index but not the story; Portuguese only the home page.
    assert links["fr"] == ("/fr/stories/", True)
    assert links["pt"] == ("/pt/", True)
    # Arabic has nothing translated: its root, where the English home is served.
    assert links["ar"] == ("/ar/", True)
    assert "en" not in links  # the current language is not a link


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


# --- Translators ----------------------------------------------------------------------------


def segment_id(translation_record, path):
    """The id of the source's string segment at `path` (e.g. "title")."""
    return translation_record.source.stringsegment_set.get(context__path=path).pk


def put_segment(client, translation_record, path, value):
    """Save one segment's translation through wagtail-localize's editor API."""
    url = reverse(
        "wagtail_localize:edit_string_translation",
        args=[translation_record.pk, segment_id(translation_record, path)],
    )
    return client.put(url, f"value={value}", content_type="application/x-www-form-urlencoded")


def submit_for_translation(client, page, code):
    """Ask wagtail-localize to translate `page` into `code` ("Translate this page")."""
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    locale = Locale.objects.get(language_code=code)
    return client.post(url, {"locales": [locale.pk]})


def assert_denied(response):
    """Wagtail's admin answers "permission denied" by sending the user back to the dashboard."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home")


def approve(client, page):
    """Approve the page's current review task through the admin, as a moderator."""
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    return client.post(url, {"comment": "Good translation."})


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
    assert client.get("/es/stories/lobby-register/").status_code == 404

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


# --- Content translated through wagtail-localize --------------------------------------------


def publish_in_editor(client, page):
    """Press "Publish" in wagtail-localize's editor (the publication runs when the request's
    transaction commits, so the test runs the on-commit callbacks)."""
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})


@pytest.mark.django_db
def test_translation_made_in_wagtail_localize_shows_at_its_url(
    client, story, spanish_tree, superuser, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    assert submit_for_translation(client, story, "es").status_code == 302
    record = Translation.objects.get(
        source__object_id=story.translation_key, target_locale__language_code="es"
    )
    put_segment(client, record, "title", "Registro de lobbies")
    put_segment(client, record, "summary", "Madrid abrió un registro público de lobbies.")
    spanish = record.get_target_instance()
    assert client.get("/es/stories/lobby-register/").status_code == 404  # a draft until published
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_in_editor(client, spanish).status_code == 302
    html = client.get("/es/stories/lobby-register/").content.decode()
    assert "Registro de lobbies" in html
    assert "Madrid abrió un registro público de lobbies." in html
    assert '<html lang="es" dir="ltr">' in html


@pytest.mark.django_db
def test_po_file_round_trip_through_another_tool(
    client, story, spanish_tree, spanish_translator, moderator
):
    client.force_login(spanish_translator)
    submit_for_translation(client, story, "es")
    record = Translation.objects.get(
        source__object_id=story.translation_key, target_locale__language_code="es"
    )

    response = client.get(reverse("wagtail_localize:download_pofile", args=[record.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    po = polib.pofile(response.content.decode())
    assert {entry.msgid for entry in po} >= {"Lobby register", "What the member did."}
    # The translator's tool fills the file in.
    done = {
        "Lobby register": "Registro de lobbies",
        "What the member did.": "Lo que hizo el miembro.",
    }
    for entry in po:
        entry.msgstr = done.get(entry.msgid, "")
    upload = io.BytesIO(str(po).encode())
    upload.name = "lobby-register-es.po"
    spanish = record.get_target_instance()
    edit_url = reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[record.pk]),
        {"file": upload, "next": edit_url},
    )
    assert response.status_code == 302 and response["Location"] == edit_url
    assert record.get_progress()[1] == 2

    client.post(reverse("localization:submit_for_review", args=[record.pk]))
    client.force_login(moderator)
    approve(client, record.get_target_instance())
    html = client.get("/es/stories/lobby-register/").content.decode()
    assert "Registro de lobbies" in html and "Lo que hizo el miembro." in html


def editor_props(client, page):
    """The properties wagtail-localize's editor is drawn from."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    props = re.search(r'class="js-translation-editor" data-props="([^"]*)"', html).group(1)
    return json.loads(unescape(props))


@pytest.mark.django_db
def test_translator_machine_translates_with_the_configured_translator(
    client, story, spanish_tree, spanish_translator
):
    client.force_login(spanish_translator)
    submit_for_translation(client, story, "es")
    record = Translation.objects.get(
        source__object_id=story.translation_key, target_locale__language_code="es"
    )
    spanish = record.get_target_instance()
    assert editor_props(client, spanish)["machineTranslator"]["name"] == "Dummy translator"
    response = client.post(reverse("wagtail_localize:machine_translate", args=[record.pk]))
    assert response.status_code == 302
    title = StringTranslation.objects.get(
        locale=spanish.locale, context__object_id=story.translation_key, context__path="title"
    )
    assert title.data == "register Lobby"  # the dummy translator reverses the words
    assert title.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE


@pytest.mark.django_db
def test_without_a_machine_translator_nothing_about_it_shows(
    client, story, spanish_tree, superuser, settings
):
    del settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR
    client.force_login(superuser)
    submit_for_translation(client, story, "es")
    record = Translation.objects.get(
        source__object_id=story.translation_key, target_locale__language_code="es"
    )
    assert editor_props(client, record.get_target_instance())["machineTranslator"] is None
    # The view answers "not found" (which the admin turns into a redirect); nothing is translated.
    client.post(reverse("wagtail_localize:machine_translate", args=[record.pk]))
    assert not StringTranslation.objects.filter(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ).exists()
    sync = client.get(reverse("wagtail_localize:update_translations", args=[record.source_id]))
    assert "use_machine_translation" not in sync.context["form"].fields


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"DEEPL_API_KEY": "key"}, "wagtail_localize.machine_translators.deepl.DeepLTranslator"),
        (
            {"LIBRETRANSLATE_URL": "https://translate.example.org"},
            "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        ),
        ({}, None),
    ],
)
def test_machine_translation_is_configured_only_from_the_environment(
    monkeypatch, environment, expected
):
    for name in ("DEEPL_API_KEY", "LIBRETRANSLATE_URL", "LIBRETRANSLATE_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    values = runpy.run_module("cms.settings.base")
    config = values.get("WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
    assert (config["CLASS"] if config else None) == expected


# --- Stale translations ---------------------------------------------------------------------


def stale_notice(html):
    """The text of the page's stale-translation notice, or None."""
    match = re.search(r'<aside class="stale-notice".*?</aside>', html, re.S)
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


# --- Translation status dashboard -----------------------------------------------------------


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


# --- Listings in a translated site ----------------------------------------------------------


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
