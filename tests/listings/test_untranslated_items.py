"""A translated site's listings show untranslated items in English."""

import pytest

from tests import factories
from tests.listings.readers import titles

pytestmark = pytest.mark.xdist_group("listings")


def spanish_copy(page, locales):
    """A live Spanish copy of `page` (its parents copied too), as wagtail-localize would make."""
    copy = page.copy_for_translation(locales["es"], copy_parents=True)
    copy.save_revision().publish()
    return copy


@pytest.mark.django_db
def test_spanish_member_directory_lists_untranslated_members_in_english(
    client, site_tree, members, locales
):
    spanish_copy(site_tree["members"], locales)
    response = client.get("/es/members/")
    assert response.status_code == 200
    assert {"Madrid", "São Paulo", "Elgeyo Marakwet"} <= set(titles(response))


@pytest.mark.django_db
def test_spanish_training_index_lists_untranslated_modules_in_english(client, site_tree, locales):
    factories.TrainingModulePageFactory(parent=site_tree["training"], title="Open basics")
    spanish_copy(site_tree["training"], locales)
    response = client.get("/es/training/")
    assert response.status_code == 200
    assert "Open basics" in response.content.decode()
