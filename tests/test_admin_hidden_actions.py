"""The admin offers no page action the user could not do: read from the HTML it sends.

Translators see no Delete or Move in the page header's "more" menu, the page listing's row
buttons or the edit screen's action menu, and no "Convert to alias page"; a moderator sees them
all on the same pages, so each assertion can fail.
"""

import re

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation

from tests.conftest import shared
from tests.test_permission_matrix import matrix_site  # noqa: F401 (the module's site)

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("permission_matrix")]

users, pages = shared("users", "pages")


def links(response):
    """Every admin address the page links to (href) or posts to (formaction), without query."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    return {value.split("?")[0] for value in re.findall(r'(?:href|formaction)="([^"]+)"', html)}


def closed_actions(page):
    """The addresses of deleting and moving `page`."""
    return {
        reverse("wagtailadmin_pages:delete", args=[page.pk]),
        reverse("wagtailadmin_pages:move", args=[page.pk]),
    }


def edit_screen(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def listing_of(client, parent):
    return client.get(reverse("wagtailadmin_explore", args=[parent.pk]))


CONVERT_TO_ALIAS = b'name="localize-convert-to-alias"'


def test_the_spanish_translator_sees_no_delete_or_move_on_their_draft(client, users, pages):
    client.force_login(users["Spanish translator"])
    draft = pages["draft_es"]
    assert links(edit_screen(client, draft)) & closed_actions(draft) == set()
    assert links(listing_of(client, pages["home_es"])) & closed_actions(draft) == set()
    # The listing still shows the draft with its edit button: the page is not simply missing.
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in links(
        listing_of(client, pages["home_es"])
    )


def test_a_moderator_sees_delete_and_move_on_the_same_draft(client, users, pages):
    client.force_login(users["moderator"])
    draft = pages["draft_es"]
    assert closed_actions(draft) <= links(edit_screen(client, draft))
    assert closed_actions(draft) <= links(listing_of(client, pages["home_es"]))


def test_the_spanish_translator_is_not_offered_convert_to_alias(client, users, pages):
    live = pages["live_es"]
    # wagtail-localize offers the conversion on the ordinary edit screen of a translation that
    # is no longer synchronised (a synchronised one opens in the translation editor).
    Translation.objects.filter(
        target_locale=live.locale, source__object_id=live.translation_key
    ).update(enabled=False)
    client.force_login(users["Spanish translator"])
    response = edit_screen(client, live)
    assert response.status_code == 200
    assert CONVERT_TO_ALIAS not in response.content
    client.force_login(users["moderator"])
    assert CONVERT_TO_ALIAS in edit_screen(client, pages["live_es"]).content


def test_an_editor_sees_no_delete_on_a_live_page_but_sees_it_on_a_draft(client, users, pages):
    client.force_login(users["editor"])
    live = pages["live_es"]
    delete_live = reverse("wagtailadmin_pages:delete", args=[live.pk])
    assert delete_live not in links(edit_screen(client, live))
    assert delete_live not in links(listing_of(client, pages["home_es"]))
    draft = pages["draft_es"]
    assert reverse("wagtailadmin_pages:delete", args=[draft.pk]) in links(
        edit_screen(client, draft)
    )
