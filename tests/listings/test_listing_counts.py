"""A listing's counts (every filter's options and the number of results) come from one query on
the first visit of its filters, and are then kept per version of the content: the next visit
counts nothing, and a published change is counted at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.listings.readers import counts

pytestmark = [pytest.mark.xdist_group("listings"), pytest.mark.django_db]


def counting_queries(client, url):
    """The response to `url` and the SQL of its queries that count (facets or totals)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    return response, [s for s in sql if "facet_param" in s or "COUNT(" in s.upper()]


def test_a_first_visit_counts_every_filter_and_the_total_in_one_query_then_none(client, stories):
    client.get("/en/stories/")  # shared fragments (vocabulary, frame) warm
    response, counting = counting_queries(client, "/en/stories/?status=completed")
    assert len(counting) == 1, counting
    assert "facet_param" in counting[0]
    completed = counts(response, "status")["completed"]
    assert response.context["results"].paginator.count == completed > 0
    again, counting = counting_queries(client, "/en/stories/?status=completed")
    assert counting == []
    assert again.context["results"].paginator.count == completed
    assert counts(again, "policy_area") == counts(response, "policy_area")


def test_kept_counts_follow_a_story_published_since(client, stories, members, terms):
    before = client.get("/en/stories/")
    factories.ReformStoryPageFactory(
        parent=stories["lobby"].get_parent(),
        title="A new register",
        member=members["madrid"],
        policy_areas=[terms["lobbying"]],
        status="completed",
    )
    after = client.get("/en/stories/")
    assert after.context["results"].paginator.count == before.context["results"].paginator.count + 1
    assert counts(after, "policy_area")["lobbying"] == counts(before, "policy_area")["lobbying"] + 1


def test_an_unknown_value_narrows_neither_the_results_nor_the_other_filters_counts(client, stories):
    known = client.get("/en/stories/?status=completed")
    with_unknown = client.get("/en/stories/?status=completed&policy_area=no-such-area")
    total = known.context["results"].paginator.count
    assert with_unknown.context["results"].paginator.count == total > 0
    for param in ("policy_area", "status", "region", "year"):
        assert counts(with_unknown, param) == counts(known, param), param
