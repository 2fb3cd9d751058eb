"""The knowledge listing filters by kind, policy area, language of files and year."""

import pytest

from tests.listings.readers import counts, titles

pytestmark = pytest.mark.xdist_group("listings")


@pytest.mark.django_db
def test_knowledge_filter_by_kind_and_its_counts(client, products):
    response = client.get("/en/knowledge/", {"kind": "guide"})
    assert response.status_code == 200
    assert titles(response) == ["Open data guide"]
    assert counts(response, "kind") == {"guide": 1, "research_report": 1, "toolkit": 1}


@pytest.mark.django_db
def test_knowledge_filter_by_policy_area_and_its_counts(client, products):
    response = client.get("/en/knowledge/", {"policy_area": "open-data"})
    assert set(titles(response)) == {"Open data guide", "Participation toolkit"}
    assert counts(response, "policy_area") == {"open-data": 2, "lobbying": 1, "participation": 1}


@pytest.mark.django_db
def test_knowledge_filter_by_language_of_files_and_its_counts(client, products):
    response = client.get("/en/knowledge/", {"language": "es"})
    assert titles(response) == ["Open data guide"]
    assert counts(response, "language") == {"en": 1, "es": 1, "fr": 1}
    response = client.get("/en/knowledge/", {"language": ["fr", "es"]})
    assert set(titles(response)) == {"Open data guide", "Lobbying research"}


@pytest.mark.django_db
def test_knowledge_filter_by_year_and_its_counts(client, products):
    response = client.get("/en/knowledge/", {"year": "2024"})
    assert titles(response) == ["Participation toolkit", "Open data guide"]
    assert counts(response, "year") == {"2024": 2, "2023": 1}


@pytest.mark.django_db
def test_knowledge_listing_ignores_unknown_filter_values(client, products):
    response = client.get("/en/knowledge/", {"language": "xx", "kind": "novel", "year": "1"})
    assert response.status_code == 200
    assert len(titles(response)) == 3
