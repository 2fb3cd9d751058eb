"""Listings paginate, keep their filters across pages, and answer a bad page with a 404."""

import pytest

from tests.listings.readers import titles

pytestmark = pytest.mark.xdist_group("listings")


@pytest.mark.django_db
def test_story_listing_paginates(client, stories, settings):
    settings.LISTING_PAGE_SIZE = 3
    first = client.get("/en/stories/")
    second = client.get("/en/stories/", {"page": "2"})
    assert len(titles(first)) == 3
    assert len(titles(second)) == 1
    assert set(titles(first)) | set(titles(second)) == {s.title for s in stories.values()}
    assert first.context["results"].paginator.count == 4


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, stories, settings):
    settings.LISTING_PAGE_SIZE = 1
    response = client.get("/en/stories/", {"status": "completed", "page": "2"})
    assert response.context["results"].paginator.count == 2
    assert len(titles(response)) == 1
    assert "status=completed" in response.context["listing"].querystring(page=3)


@pytest.mark.django_db
def test_page_beyond_the_last_is_a_404_with_a_message(client, stories):
    response = client.get("/en/stories/", {"page": "99999"})
    assert response.status_code == 404
    assert "There is no page 99999 of these results." in response.content.decode()


@pytest.mark.django_db
def test_page_that_is_not_a_number_is_a_404_with_a_message(client, stories):
    response = client.get("/en/stories/", {"page": "abc"})
    assert response.status_code == 404
    assert "The page number must be a whole number." in response.content.decode()
