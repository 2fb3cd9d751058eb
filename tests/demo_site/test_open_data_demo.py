"""Open data on the demo site: the API, downloads, feeds and sitemap hold the real content.

The demo is loaded once for the package (conftest.py); these tests only read it.
"""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import RequestFactory
from wagtail.models import Page

from stories.models import ReformStoryPage, StoryIndexPage
from tests.demo_site.conftest import DEMO_GROUP

pytestmark = [pytest.mark.django_db, DEMO_GROUP]

DEMO_STORIES = json.loads((Path(settings.BASE_DIR) / "demo/data/stories.json").read_text())
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def streamed(response):
    """The body of a (streaming) response as text."""
    return b"".join(response.streaming_content).decode()


def test_api_lists_every_demo_story_with_its_policy_areas(client, demo):
    expected = {story["slug"]: sorted(story["policy_areas"]) for story in DEMO_STORIES}
    response = client.get(
        "/api/v2/pages/",
        {"type": "stories.ReformStoryPage", "fields": "policy_areas,member", "limit": 100},
    )
    assert response.status_code == 200
    items = response.json()["items"]
    live = ReformStoryPage.objects.live()
    assert response.json()["meta"]["total_count"] == live.count() > len(DEMO_STORIES)
    assert {item["id"] for item in items} == set(live.values_list("pk", flat=True))
    english = [item for item in items if item["meta"]["locale"] == "en"]
    assert {item["meta"]["slug"] for item in english} == set(expected)
    for item in items:
        slugs = sorted(area["slug"] for area in item["policy_areas"])
        assert slugs == expected[item["meta"]["slug"]], item["meta"]["slug"]
        assert all(area["name"] for area in item["policy_areas"])
        assert item["member"]["url"].startswith("http")
    spanish = next(
        item
        for item in items
        if item["meta"]["locale"] == "es" and item["meta"]["slug"] == "madrid-lobby-registry"
    )
    english_madrid = next(i for i in english if i["meta"]["slug"] == "madrid-lobby-registry")
    assert spanish["policy_areas"] != english_madrid["policy_areas"]  # names in Spanish


def test_demo_filtered_csv_has_the_rows_of_the_filtered_listing(client, demo):
    params = {"policy_area": "open-data"}
    rows = list(
        csv.DictReader(io.StringIO(streamed(client.get("/es/stories/export/csv/", params))))
    )
    index = StoryIndexPage.objects.live().get(locale__language_code="es")
    listing = index.get_listing(RequestFactory().get(index.url, params))
    assert [int(row["id"]) for row in rows] == list(listing.queryset.values_list("pk", flat=True))
    assert len(rows) >= 2
    html = client.get("/es/stories/", params).content.decode()
    linked = set(re.findall(r'href="(/es/stories/[^"/?]+/)"', html)) | set(
        re.findall(r'href="(/en/stories/[^"/?]+/)"', html)
    )
    # The download gives each story's own address (an English-only story's English one); the
    # Spanish listing links that story at its address under /es/, the same path after the prefix.
    assert {urlsplit(row["url"]).path[3:] for row in rows} <= {path[3:] for path in linked}
    assert {row["locale"] for row in rows} <= {"es", "en"}


def test_demo_feed_holds_the_newest_stories_of_the_filter(client, demo):
    response = client.get("/en/stories/feed/", {"policy_area": "open-data"})
    items = ET.fromstring(response.content).find("channel").findall("item")
    matching = ReformStoryPage.objects.live().filter(
        locale__language_code="en", policy_areas__slug="open-data"
    )
    assert [item.findtext("title") for item in items] == list(
        matching.order_by("-first_published_at", "-pk").values_list("title", flat=True)
    )


def test_demo_sitemap_holds_every_live_page_with_its_translations(client, demo):
    urlset = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang") for link in url.findall(f"{XHTML}link")
        }
        for url in urlset.findall(f"{SITEMAP}url")
    }
    live = Page.objects.live().filter(depth__gt=1, alias_of__isnull=True)
    assert set(entries) == {page.get_full_url() for page in live}
    madrid = ReformStoryPage.objects.live().filter(slug="madrid-lobby-registry")
    languages = {page.locale.language_code for page in madrid}
    for page in madrid:
        assert entries[page.get_full_url()] == languages | {"x-default"}


@pytest.mark.parametrize(
    ("model_label", "schema_types"),
    [
        ("stories.reformstorypage", {"Article"}),
        ("stories.memberprofilepage", {"GovernmentOrganization"}),
        ("knowledge.knowledgeproductpage", {"Report", "VideoObject", "Dataset"}),
        ("knowledge.trainingmodulepage", {"Course"}),
    ],
)
def test_demo_pages_carry_parseable_json_ld(client, demo, model_label, schema_types):
    app_label, model_name = model_label.split(".")
    pages = Page.objects.live().filter(
        content_type__app_label=app_label, content_type__model=model_name
    )[:3]
    assert pages
    for page in pages:
        html = client.get(page.url).content.decode()
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        data = json.loads(block.group(1))
        assert data["@type"] in schema_types
        assert data["url"] == page.get_full_url()
        assert data.get("headline") or data.get("name")


def test_every_country_link_of_a_demo_member_leads_to_at_least_one_story(client, demo):
    from stories.models import MemberProfilePage

    link = re.compile(r'<a href="(/en/stories/\?country=[^"]+)">All reform stories from ')
    listings = {}
    for member in MemberProfilePage.objects.live().filter(locale__language_code="en"):
        html = client.get(member.url).content.decode()
        found = link.search(html)
        if found:
            listings.setdefault(found.group(1), member.title)
    assert listings, "no member links to its country's stories"
    for url, member in listings.items():
        listing = client.get(url)
        assert listing.status_code == 200
        assert listing.context["results"].paginator.count >= 1, (member, url)
