"""Listings cost a pinned number of queries, whatever the number of items shown."""

import pytest

from tests import factories

pytestmark = pytest.mark.xdist_group("listings")


# Query counts are pinned, and stay the same with more items shown. Counts are taken once the
# caches (site root paths, default locale, the shared fragments of pagecache.fragments) are warm.
STORY_LISTING_QUERIES = 6
MEMBER_DIRECTORY_QUERIES = 6
KNOWLEDGE_LISTING_QUERIES = 6


def get_with_queries(client, url, django_assert_num_queries, budget):
    """GET `url` (after one warming GET) in exactly `budget` queries."""
    client.get(url)
    with django_assert_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.django_db
def test_story_listing_queries_are_pinned_whatever_the_number_of_stories(
    client, stories, members, terms, django_assert_num_queries
):
    get_with_queries(client, "/en/stories/", django_assert_num_queries, STORY_LISTING_QUERIES)
    for n in range(4):
        factories.ReformStoryPageFactory(
            parent=stories["lobby"].get_parent(),
            title=f"More {n}",
            member=members["basque"],
            policy_areas=[terms["lobbying"], terms["open-data"]],
            sdgs=[terms["sdg-5"]],
        )
    get_with_queries(client, "/en/stories/", django_assert_num_queries, STORY_LISTING_QUERIES)


@pytest.mark.django_db
def test_member_directory_queries_are_pinned_whatever_the_number_of_members(
    client, members, places, site_tree, django_assert_num_queries
):
    get_with_queries(client, "/en/members/", django_assert_num_queries, MEMBER_DIRECTORY_QUERIES)
    for n in range(4):
        factories.MemberProfilePageFactory(
            parent=site_tree["members"], title=f"Member {n}", country=places["brazil"]
        )
    get_with_queries(client, "/en/members/", django_assert_num_queries, MEMBER_DIRECTORY_QUERIES)


@pytest.mark.django_db
def test_knowledge_listing_queries_are_pinned_whatever_the_number_of_products(
    client, products, terms, site_tree, django_assert_num_queries
):
    budget = KNOWLEDGE_LISTING_QUERIES
    get_with_queries(client, "/en/knowledge/", django_assert_num_queries, budget)
    for n in range(4):
        factories.KnowledgeProductPageFactory(
            parent=site_tree["knowledge"], title=f"Product {n}", policy_areas=[terms["lobbying"]]
        )
    get_with_queries(client, "/en/knowledge/", django_assert_num_queries, budget)
