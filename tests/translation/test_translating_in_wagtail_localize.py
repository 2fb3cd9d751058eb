"""Translations made in wagtail-localize's editor, PO files and machine translation."""

import io
import json
import re
import runpy
from html import unescape

import polib
import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from tests.translation.builders import (
    approve,
    put_segment,
    submit_for_translation,
)


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
    # A draft until published: its address serves the English page meanwhile.
    assert "Registro de lobbies" not in client.get("/es/stories/lobby-register/").content.decode()
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
