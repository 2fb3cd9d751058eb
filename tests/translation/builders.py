"""Translating pages as wagtail-localize does, and working through the review workflow."""

from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

TARGETS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
MODERATORS = "Moderators"


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


def review_workflow():
    """The Review workflow that the editorial data migration puts on the root page."""
    workflow = Page.get_first_root_node().get_workflow()
    assert workflow is not None and workflow.active
    return workflow


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
