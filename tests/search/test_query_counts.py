"""The search page and its downloads cost a pinned number of queries, whatever they show."""

import pytest
from django.db import connection

from tests import factories
from tests.search.pages import (
    publish,
    search_json,
    total,
)

pytestmark = pytest.mark.xdist_group("search")


# Query counts -------------------------------------------------------------------------------


def add_lobby_reforms(site_tree, corpus, count):
    """Publish `count` more Madrid stories about lobbying (to see what grows with results)."""
    for number in range(count):
        story = factories.ReformStoryPageFactory(
            parent=site_tree["stories"],
            title=f"Lobby reform {number}",
            member=corpus["madrid"],
            start_year=2010 + number,
        )
        story.policy_areas.set([corpus["lobbying"]])
        publish(story)


# Pinned query counts of the search page and its download, once the per-process caches (site
# root paths, locales, taxonomy names) are warm. A query whose words are all known looks for no
# spelling suggestion (the facet query checks the vocabulary), so a few results cost what many
# do; the page and its footer share one locale lookup; SQLite highlights the page's snippets
# with one more, in-process, query.
HIGHLIGHT_QUERIES = 1 if connection.vendor == "sqlite" else 0
SEARCH_PAGE_QUERIES = {"few": 6 + HIGHLIGHT_QUERIES, "many": 6 + HIGHLIGHT_QUERIES}
SEARCH_DOWNLOAD_QUERIES = {"few": 7, "many": 7}


@pytest.mark.django_db
def test_search_page_query_count_is_pinned_whatever_the_number_of_results(
    client, corpus, site_tree, django_assert_num_queries
):
    params = {"q": "lobby", "policy_area": "lobbying"}
    client.get("/en/search/", params)
    with django_assert_num_queries(SEARCH_PAGE_QUERIES["few"]):
        assert total(client.get("/en/search/", params)) == 3
    add_lobby_reforms(site_tree, corpus, 15)
    client.get("/en/search/", params)  # new pages renewed the shared fragments (header, footer)
    with django_assert_num_queries(SEARCH_PAGE_QUERIES["many"]):
        assert total(client.get("/en/search/", params)) == 18


@pytest.mark.django_db
def test_download_queries_grow_per_chunk_not_per_row(
    client, corpus, site_tree, monkeypatch, django_assert_num_queries
):
    params = {"q": "lobby", "policy_area": "lobbying"}
    search_json(client, params)  # warm caches (site, locales, taxonomy names)
    with django_assert_num_queries(SEARCH_DOWNLOAD_QUERIES["few"]):
        assert len(search_json(client, params)["items"]) == 3
    add_lobby_reforms(site_tree, corpus, 15)
    with django_assert_num_queries(SEARCH_DOWNLOAD_QUERIES["many"]):
        assert len(search_json(client, params)["items"]) == 18
    # Smaller chunks: two queries per chunk (its results, its documents with their pages).
    monkeypatch.setattr("search.exports.CHUNK_SIZE", 5)
    with django_assert_num_queries(SEARCH_DOWNLOAD_QUERIES["many"] + 2 * (4 - 1)):
        search_json(client, params)
