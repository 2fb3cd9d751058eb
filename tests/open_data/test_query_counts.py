"""The API, downloads and sitemap cost a pinned number of queries, whatever they list."""

import pytest

from tests import factories
from tests.open_data.readers import streamed

pytestmark = pytest.mark.xdist_group("open_data")


# Pinned query counts, the same with more items, once the caches (site root paths, default
# locale, the shared fragments that any change renews: pagecache.fragments) are warm.
API_LISTING_QUERIES = 11
LISTING_DOWNLOAD_QUERIES = 9
SITEMAP_QUERIES = 2


def add_stories(content, count=4):
    """`count` more published stories of Madrid about lobbying and budgets."""
    for _number in range(count):
        factories.ReformStoryPageFactory(
            parent=content["stories"],
            member=content["madrid"],
            policy_areas=[content["lobbying"], content["budgets"]],
        )


@pytest.mark.django_db
def test_api_listing_queries_are_pinned_whatever_the_number_of_stories(
    client, content, django_assert_num_queries
):
    params = {"type": "stories.ReformStoryPage", "fields": "policy_areas,sdgs,status"}
    client.get("/api/v2/pages/", params)
    for more in (0, 4):
        add_stories(content, more)
        client.get("/api/v2/pages/", params)  # rebuilds the renewed fragments
        with django_assert_num_queries(API_LISTING_QUERIES):
            assert client.get("/api/v2/pages/", params).status_code == 200


@pytest.mark.django_db
def test_export_queries_are_pinned_whatever_the_number_of_rows(
    client, content, django_assert_num_queries
):
    streamed(client.get("/en/stories/export/json/"))
    for more in (0, 4):
        add_stories(content, more)
        streamed(client.get("/en/stories/export/json/"))  # rebuilds the renewed fragments
        with django_assert_num_queries(LISTING_DOWNLOAD_QUERIES):
            streamed(client.get("/en/stories/export/json/"))


@pytest.mark.django_db
def test_sitemap_queries_are_pinned_whatever_the_number_of_pages(
    client, content, django_assert_num_queries
):
    client.get("/sitemap.xml")
    for more in (0, 5):
        for _number in range(more):
            factories.StandardPageFactory(parent=content["home"])
        with django_assert_num_queries(SITEMAP_QUERIES):
            assert client.get("/sitemap.xml").status_code == 200
