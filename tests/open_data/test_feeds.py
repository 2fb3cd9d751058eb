"""Listings publish RSS and Atom feeds per language and filter, newest first."""

import xml.etree.ElementTree as ET

import pytest

from knowledge.models import TrainingModulePage
from tests.open_data.readers import RSS_ATOM

pytestmark = pytest.mark.xdist_group("open_data")


@pytest.mark.django_db
def test_rss_feed_holds_the_newest_items_of_the_filter_first(client, content):
    response = client.get("/en/stories/feed/", {"policy_area": "lobbying"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "en"
    assert "Lobbying" in channel.findtext("title")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Meetings with lobbyists online",
        "Lobby register",
    ]
    assert items[0].findtext("link") == content["meetings"].get_full_url()
    assert {c.text for c in items[0].findall("category")} == {"Lobbying", "Open budgets"}


@pytest.mark.django_db
def test_atom_feed_is_per_language_and_per_filter(client, content):
    response = client.get("/es/stories/feed/atom/", {"policy_area": "lobbying"})
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{RSS_ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"
    titles = [entry.findtext(f"{RSS_ATOM}title") for entry in feed.findall(f"{RSS_ATOM}entry")]
    assert titles == ["Meetings with lobbyists online", "Registro de lobbies"]
    categories = feed.findall(f"{RSS_ATOM}entry/{RSS_ATOM}category")
    assert "Cabildeo" in {c.get("term") for c in categories}


@pytest.mark.django_db
def test_knowledge_feed_orders_by_publication_date(client, content):
    channel = ET.fromstring(client.get("/en/knowledge/feed/").content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Lobbying brief", "Lobbying guide", "Budget report"]


@pytest.mark.django_db
def test_listings_without_feeds_answer_404(client, content):
    assert client.get("/en/members/feed/").status_code == 404


@pytest.mark.django_db
def test_listing_links_to_its_feeds_and_downloads_for_the_same_filter(client, content):
    html = client.get("/en/stories/", {"policy_area": "lobbying"}).content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Stories (RSS)" '
        'href="/en/stories/feed/?policy_area=lobbying">'
    ) in html
    assert 'href="/en/stories/feed/atom/?policy_area=lobbying"' in html


@pytest.mark.django_db
def test_a_listed_type_without_policy_areas_has_a_feed_without_categories(
    client, content, monkeypatch
):
    # Training modules have no policy areas; given a feed ordering, their listing has a feed.
    monkeypatch.setattr(TrainingModulePage, "feed_ordering", ("-pk",), raising=False)
    response = client.get("/en/training/feed/")
    assert response.status_code == 200
    (item,) = ET.fromstring(response.content).find("channel").findall("item")
    assert item.findtext("title") == "Open data 101"
    assert item.findall("category") == []
