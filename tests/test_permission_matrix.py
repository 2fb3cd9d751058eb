"""Who may do what in the admin, as one table: each cell is tried through the real admin view.

Every action is tried on Spanish content, so for the Arabic translator each column is "in another
language" and for the Spanish translator "in their own". The README shows the same table
(`test_readme_shows_this_permission_matrix` keeps it from drifting).
"""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Workflow
from wagtail_localize.models import Translation

from localization.translators import setup_translator_groups
from tests import factories
from tests.conftest import make_locales, make_site_tree, rolled_back, shared
from tests.translation.builders import translate_page

BASE_DIR = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("permission_matrix")]

ROWS = ["anonymous", "editor", "moderator", "Spanish translator", "Arabic translator"]
COLUMNS = {
    "view draft": "Preview a Spanish draft",
    "edit": "Edit a Spanish draft",
    "publish": "Publish it (offered on the edit screen)",
    "unpublish": "Unpublish a live Spanish page",
    "delete draft": "Delete a Spanish draft",
    "delete live": "Delete a live Spanish page",
    "move": "Move a Spanish draft",
    "lock": "Lock a live Spanish page",
    "convert to alias": "Turn a Spanish translation back into an alias of the English page",
    "translate": "Translate an English page into Spanish",
    "sync": "Sync translations with the English page",
    "submit translation": "Submit a Spanish translation for review",
    "approve": "Approve a Spanish page in review",
    "upload": "Upload images",
    "edit taxonomy": "Edit a Spanish policy area",
    "reports": "See the reports",
    "submissions": "Read the join and contact form submissions",
    "Django admin": "Open Django's admin",
    "users": "Manage users",
}
# Both translators may sync (it refreshes the English source; publishing stays with those who may
# publish every translation) and read the reports Wagtail gives every admin user.
EVERY_TRANSLATOR = {"sync", "reports"}
EDITOR = {"view draft", "edit", "delete draft", "move", "submit translation", "upload", "reports"}
MODERATOR = EDITOR | {"publish", "unpublish", "delete live", "lock", "convert to alias"}
MODERATOR |= {"translate", "sync", "approve", "edit taxonomy", "submissions"}
EXPECTED = {
    "anonymous": set(),
    "editor": EDITOR,
    "moderator": MODERATOR,
    "Spanish translator": EVERY_TRANSLATOR
    | {"view draft", "edit", "translate", "submit translation", "edit taxonomy"},
    "Arabic translator": EVERY_TRANSLATOR,
}


@pytest.fixture(scope="module", name="module_data")
def matrix_site(django_db_setup, django_db_blocker):
    """English, Spanish and Arabic trees, drafts, a page in review, a term and the five users."""
    with rolled_back(django_db_blocker):
        locales = make_locales()
        tree = make_site_tree(locales)
        homes = {code: translate_page(tree["home"], code) for code in ("es", "ar")}
        story = factories.StandardPageFactory(parent=tree["home"], title="Open budgets")
        waiting = factories.StandardPageFactory(parent=tree["home"], title="Open contracts")
        untranslated = factories.StandardPageFactory(parent=tree["home"], title="Open data")
        live_es = translate_page(story, "es")
        translate_page(story, "ar")
        in_review = translate_page(waiting, "es", publish=False)
        admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
        Workflow.objects.get(name="Review").start(in_review, admin)
        draft_es = factories.StandardPageFactory(
            parent=homes["es"], title="Borrador", locale=locales["es"], live=False
        )
        setup_translator_groups()
        users = {
            "editor": factories.make_user("editor", "Communications editors"),
            "moderator": factories.make_user("moderator", "Moderators"),
            "Spanish translator": factories.make_user("es", "Translators: Spanish"),
            "Arabic translator": factories.make_user("ar", "Translators: Arabic"),
        }
        yield {
            "users": users,
            "pages": {
                "home_es": homes["es"],
                "story": story,
                "untranslated": untranslated,
                "live_es": live_es,
                "in_review": in_review,
                "draft_es": draft_es,
            },
            "terms": {"term_es": factories.PolicyAreaFactory(locale=locales["es"])},
        }


users, pages, terms = shared("users", "pages", "terms")


def answered(response):
    """Whether the admin served the screen (denials redirect to the login or dashboard)."""
    return response.status_code == 200


def try_action(client, column, pages, terms):
    """Attempt `column` through the admin's HTTP views; whether it was allowed."""
    draft, live = pages["draft_es"], pages["live_es"]
    if column == "view draft":
        return answered(client.get(reverse("wagtailadmin_pages:view_draft", args=[draft.pk])))
    if column == "edit":
        return answered(client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])))
    if column == "publish":
        response = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        return answered(response) and b'name="action-publish"' in response.content
    if column == "unpublish":
        return answered(client.get(reverse("wagtailadmin_pages:unpublish", args=[live.pk])))
    if column == "delete draft":
        return answered(client.get(reverse("wagtailadmin_pages:delete", args=[draft.pk])))
    if column == "delete live":
        return answered(client.get(reverse("wagtailadmin_pages:delete", args=[live.pk])))
    if column == "move":
        destination = pages["home_es"].pk
        url = reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, destination])
        return answered(client.get(url))
    if column == "lock":
        client.post(reverse("wagtailadmin_pages:lock", args=[live.pk]))
        live.refresh_from_db()
        return live.locked
    if column == "convert to alias":
        url = reverse("wagtail_localize:convert_to_alias", args=[live.pk])
        return answered(client.get(url))
    if column == "translate":
        url = reverse("wagtail_localize:submit_page_translation", args=[pages["untranslated"].pk])
        response = client.get(url)
        if not answered(response):
            return False
        offered = response.context["form"].fields["locales"].queryset
        return offered.filter(language_code="es").exists()
    if column == "sync":
        source = Translation.objects.get(
            target_locale=live.locale, source__object_id=live.translation_key
        ).source
        return answered(
            client.get(reverse("wagtail_localize:update_translations", args=[source.pk]))
        )
    if column == "submit translation":
        record = Translation.objects.get(
            target_locale=live.locale, source__object_id=live.translation_key
        )
        client.post(reverse("localization:submit_for_review", args=[record.pk]))
        live.refresh_from_db()
        return live.workflow_in_progress
    if column == "approve":
        page = pages["in_review"]
        state = page.current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk))
        client.post(url, {"comment": ""})
        state.refresh_from_db()
        return state.status == "approved"
    if column == "upload":
        return answered(client.get(reverse("wagtailimages:add")))
    if column == "edit taxonomy":
        url = reverse("wagtailsnippets_home_policyarea:edit", args=[terms["term_es"].pk])
        return answered(client.get(url))
    if column == "reports":
        return answered(client.get(reverse("wagtailadmin_reports:site_history")))
    if column == "submissions":
        return answered(client.get(reverse("submissions:index")))
    if column == "Django admin":
        return answered(client.get("/django-admin/"))
    if column == "users":
        return answered(client.get(reverse("wagtailusers_users:index")))
    raise AssertionError(f"no way to try {column!r}")


@pytest.mark.parametrize("column", list(COLUMNS))
@pytest.mark.parametrize("row", ROWS)
def test_permission_matrix(client, users, pages, terms, row, column):
    if row != "anonymous":
        client.force_login(users[row])
    assert try_action(client, column, pages, terms) == (column in EXPECTED[row])


def markdown_table():
    """The expectation table as Markdown, as the README shows it."""
    lines = ["| Action | " + " | ".join(ROWS) + " |", "|---" * (len(ROWS) + 1) + "|"]
    for column, description in COLUMNS.items():
        cells = ["yes" if column in EXPECTED[row] else "no" for row in ROWS]
        lines.append(f"| {description} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def test_readme_shows_this_permission_matrix():
    assert markdown_table() in (BASE_DIR / "README.md").read_text()
