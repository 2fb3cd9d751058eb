"""The member map: each dot is a link named after its member, overlapping dots are one cluster
linking to the directory filtered to their country, and the map follows the directory's filters."""

import re
from decimal import Decimal

import pytest

from stories.member_map import cluster, cluster_label
from tests import factories

pytestmark = pytest.mark.django_db


def markers(html):
    """(href, accessible name) of each link on the map."""
    start = html.index('<svg class="member-map"')
    svg = html[start : html.index("</svg>", start)]
    return re.findall(
        r'<a class="member-map__marker[^"]*" href="([^"]*)" aria-label="([^"]*)"', svg
    )


@pytest.fixture
def mapped(site_tree):
    """Madrid and Getafe (a few kilometres apart, one dot) and Nairobi (a dot of its own)."""
    spain = factories.CountryFactory(name="Spain", region="europe", iso_code="ES")
    kenya = factories.CountryFactory(name="Kenya", region="africa-middle-east", iso_code="KE")
    places = [
        ("Madrid", spain, "40.42", "-3.70"),
        ("Getafe", spain, "40.31", "-3.73"),
        ("Nairobi", kenya, "-1.29", "36.82"),
        ("Nowhere", kenya, None, None),
    ]
    for title, country, latitude, longitude in places:
        factories.MemberProfilePageFactory(
            parent=site_tree["members"],
            title=title,
            slug=title.lower(),
            country=country,
            latitude=Decimal(latitude) if latitude else None,
            longitude=Decimal(longitude) if longitude else None,
        )
    return site_tree


def test_map_dots_are_links_named_after_members_and_overlaps_are_one_cluster(client, mapped):
    html = client.get("/en/members/").content.decode()
    assert sorted(markers(html)) == [
        ("/en/members/?country=spain", "2 members: Getafe, Madrid"),
        ("/en/members/nairobi/", "Nairobi"),
    ]
    assert '<svg class="member-map" viewBox="0 0 1000 392" role="group"' in html
    # Without JavaScript the list names every member, the one without coordinates too.
    assert 'href="#member-list">Skip the map</a>' in html and 'id="member-list"' in html
    assert html.count('href="/en/members/nowhere/"') == 1


def test_map_follows_the_directory_filters(client, mapped):
    html = client.get("/en/members/?region=africa-middle-east").content.decode()
    assert markers(html) == [("/en/members/nairobi/", "Nairobi")]


def test_clusters_name_three_members_and_count_the_rest(client, mapped):
    members = [factories.MemberProfilePageFactory.build(title=f"Member {n}") for n in range(5)]
    (marker,) = cluster([(member, 100.0 + n, 100.0) for n, member in enumerate(members)])
    assert (marker.x, marker.y, len(marker.members)) == (102.0, 100.0, 5)
    assert cluster_label(marker.members) == "Member 0, Member 1, Member 2 and 2 more"
