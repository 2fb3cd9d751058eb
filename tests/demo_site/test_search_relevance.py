"""Search relevance on the demo content: what a visitor of each language should see first.

The judgements live in search_relevance.json (see its "about"); this test runs each one as the
search page does, on whichever database the suite runs on (SQLite or PostgreSQL).
"""

import json
from pathlib import Path

import pytest
from django.http import QueryDict
from django.utils import translation
from wagtail.models import Locale

from search.engine import run_search
from search.models import SearchDocument
from tests.demo_site.conftest import DEMO_GROUP

pytestmark = [pytest.mark.django_db, DEMO_GROUP]

CASES = json.loads((Path(__file__).parent / "search_relevance.json").read_text())["cases"]


def searched(language, query):
    """(outcome, [(page_type/slug, document)]) of the first results page for `query`."""
    with translation.override(language):
        querydict = QueryDict(mutable=True)
        querydict["q"] = query
        outcome = run_search(querydict, Locale.objects.get(language_code=language))
    rows = list(outcome.page.object_list) if outcome.total else []
    documents = SearchDocument.objects.in_bulk([row.id for row in rows])
    named = [
        (f"{row.page_type}/{row.url.rstrip('/').rsplit('/', 1)[-1]}", documents[row.id])
        for row in rows
    ]
    return outcome, named


def first_k(results, k):
    """The first k results; fewer than k found fails the case."""
    assert len(results) >= k, f"only {len(results)} results, {k} expected"
    return results[:k]


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{case['language']}:{case['query']}" for case in CASES]
)
def test_search_relevance(demo, case):
    outcome, results = searched(case["language"], case["query"])
    names = [name for name, _document in results]
    if "first" in case:
        assert names[:1] == [case["first"]], names
    if "top" in case:
        assert {name for name, _d in first_k(results, len(case["top"]))} == set(case["top"]), names
    if "tagged" in case:
        tagged = dict(case["tagged"])
        k = tagged.pop("k")
        ((facet, slug),) = tagged.items()
        column = {"policy_area": "policy_areas", "sdg": "sdgs"}[facet]
        untagged = [
            name
            for name, document in first_k(results, k)
            if slug not in json.loads(getattr(document, column))
        ]
        assert untagged == [], names
    if "types" in case:
        kinds = [name.split("/")[0] for name, _d in first_k(results, case["types"]["k"])]
        assert set(kinds) <= set(case["types"]["in"]), names
    if "suggestion" in case:
        assert outcome.suggestion == case["suggestion"]
