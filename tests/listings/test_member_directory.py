"""The member directory lists every member and filters by region, kind and country."""

import pytest

from tests.listings.readers import counts, titles

pytestmark = pytest.mark.xdist_group("listings")


@pytest.mark.django_db
def test_member_directory_lists_every_member(client, members):
    response = client.get("/en/members/")
    assert response.status_code == 200
    assert set(titles(response)) == {"Madrid", "Basque Country", "São Paulo", "Elgeyo Marakwet"}
    assert counts(response, "kind") == {"city": 2, "region": 1, "county": 1}


@pytest.mark.django_db
def test_member_filter_by_region_and_its_counts(client, members):
    response = client.get("/en/members/", {"region": "europe"})
    assert set(titles(response)) == {"Madrid", "Basque Country"}
    assert counts(response, "region") == {"europe": 2, "americas": 1, "africa-middle-east": 1}
    assert counts(response, "kind") == {"city": 1, "region": 1}


@pytest.mark.django_db
def test_member_filter_by_kind_and_its_counts(client, members):
    response = client.get("/en/members/", {"kind": "city"})
    assert set(titles(response)) == {"Madrid", "São Paulo"}
    assert counts(response, "country") == {"spain": 1, "brazil": 1}


@pytest.mark.django_db
def test_member_filter_by_country_and_its_counts(client, members):
    response = client.get("/en/members/", {"country": "spain"})
    assert set(titles(response)) == {"Madrid", "Basque Country"}
    assert counts(response, "country") == {"spain": 2, "brazil": 1, "kenya": 1}


@pytest.mark.django_db
def test_member_directory_ignores_unknown_filter_values(client, members):
    response = client.get("/en/members/", {"region": "atlantis", "kind": "empire"})
    assert response.status_code == 200
    assert len(titles(response)) == 4
