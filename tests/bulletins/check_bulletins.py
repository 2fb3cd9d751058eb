"""What the bulletins app gets by being installed: run by tests/test_adding_a_page_type.py in
its own pytest process (tests.bulletins_settings), on a freshly migrated database."""

import datetime
import json
import xml.etree.ElementTree as ET

import factory
import pytest
import wagtail_factories
from django.core.management import call_command

from tests.bulletins.models import BulletinIndexPage, BulletinPage
from tests.factories import index_page_factory
from tests.listings.readers import counts, titles
from tests.open_data.readers import csv_rows, streamed
from tests.search.pages import facet_counts, publish, results

BulletinIndexPageFactory = index_page_factory(BulletinIndexPage, "Bulletins", "The index.")


class BulletinPageFactory(wagtail_factories.PageFactory):
    """A bulletin about budgets."""

    class Meta:
        model = BulletinPage

    title = factory.Sequence(lambda n: f"Bulletin {n}")
    topic = "budget"
    issued = datetime.date(2025, 1, 1)


@pytest.fixture
def bulletins(site_tree):
    """Two budget bulletins and a procurement one, published as editors do (which indexes them)."""
    index = BulletinIndexPageFactory(parent=site_tree["home"])
    made = {
        "march": BulletinPageFactory(
            parent=index, title="Harbour budget, March", issued=datetime.date(2025, 3, 1)
        ),
        "may": BulletinPageFactory(
            parent=index, title="Harbour budget, May", issued=datetime.date(2025, 5, 1)
        ),
        "tenders": BulletinPageFactory(
            parent=index,
            title="Harbour tenders",
            topic="procurement",
            issued=datetime.date(2025, 4, 1),
        ),
    }
    return {name: publish(page) for name, page in made.items()}


@pytest.mark.django_db
def test_its_migration_is_the_model():
    call_command("makemigrations", "bulletins", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_the_listing_lists_newest_first_and_filters_by_topic(client, bulletins):
    response = client.get("/en/bulletins/")
    assert titles(response) == ["Harbour budget, May", "Harbour tenders", "Harbour budget, March"]
    assert counts(response, "topic") == {"budget": 2, "procurement": 1}
    filtered = client.get("/en/bulletins/", {"topic": "procurement"})
    assert titles(filtered) == ["Harbour tenders"]
    assert 'href="/en/bulletins/harbour-tenders/"' in filtered.content.decode()


@pytest.mark.django_db
def test_the_feeds_serve_the_filtered_view_newest_first(client, bulletins):
    rss = client.get("/en/bulletins/feed/", {"topic": "budget"})
    assert rss.status_code == 200
    items = ET.fromstring(rss.content).find("channel").findall("item")
    assert [item.findtext("title") for item in items] == [
        "Harbour budget, May",
        "Harbour budget, March",
    ]
    assert items[0].findtext("pubDate") == "Thu, 01 May 2025 12:00:00 +0000"
    atom = client.get("/en/bulletins/feed/atom/")
    assert atom.status_code == 200
    assert atom.content.decode().count("<entry>") == 3


@pytest.mark.django_db
def test_the_downloads_hold_its_columns(client, bulletins):
    rows = csv_rows(client.get("/en/bulletins/export/csv/", {"topic": "procurement"}))
    assert [(r["title"], r["topic"], r["topic_label"], r["issued"]) for r in rows] == [
        ("Harbour tenders", "procurement", "Procurement", "2025-04-01")
    ]
    data = json.loads(streamed(client.get("/en/bulletins/export/json/")))
    assert [item["issued"] for item in data["items"]] == ["2025-05-01", "2025-04-01", "2025-03-01"]


@pytest.mark.django_db
def test_the_search_finds_it_with_its_type_and_topic_facets(client, bulletins):
    response = client.get("/en/search/", {"q": "harbour"})
    assert sorted(results(response)) == [
        "Harbour budget, March",
        "Harbour budget, May",
        "Harbour tenders",
    ]
    assert facet_counts(response, "type") == {"bulletin": 3}
    assert facet_counts(response, "bulletin_topic") == {"budget": 2, "procurement": 1}
    narrowed = client.get("/en/search/", {"q": "harbour", "bulletin_topic": "procurement"})
    assert results(narrowed) == ["Harbour tenders"]


@pytest.mark.django_db
def test_a_bulletin_is_citable(client, bulletins):
    response = client.get("/en/bulletins/harbour-tenders/cite/ris/")
    assert response.status_code == 200
    assert "TI  - Harbour tenders" in response.content.decode()
