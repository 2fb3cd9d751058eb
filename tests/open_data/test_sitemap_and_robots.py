"""The sitemap holds every live page with its alternates; robots.txt points at it."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from tests import factories
from tests.open_data.readers import SITEMAP, XHTML

pytestmark = pytest.mark.xdist_group("open_data")


@pytest.mark.django_db
def test_sitemap_holds_every_live_page_with_its_language_alternates(client, content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urlset = ET.fromstring(response.content)
    entries = {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in urlset.findall(f"{SITEMAP}url")
    }
    live = Page.objects.live().filter(depth__gt=1)
    assert set(entries) == {page.get_full_url() for page in live}
    register, register_es = content["register"], content["register_es"]
    expected = {
        "en": register.get_full_url(),
        "es": register_es.get_full_url(),
        "x-default": register.get_full_url(),
    }
    assert entries[register.get_full_url()] == expected
    assert entries[register_es.get_full_url()] == expected
    assert entries[content["budget"].get_full_url()] == {}


@pytest.mark.django_db
def test_sitemap_leaves_out_drafts_and_aliases(client, content):
    draft = factories.StandardPageFactory(parent=content["home"], title="Draft", live=False)
    alias = content["guide"].create_alias(parent=content["stories"], update_slug="alias-of-guide")
    body = client.get("/sitemap.xml").content.decode()
    assert draft.url_path.rstrip("/").split("/")[-1] not in body
    assert "alias-of-guide" not in body
    assert alias.live


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out(client, content):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    for rule in [
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /*/search/",
        "Disallow: /*?policy_area=",
        "Disallow: /*&policy_area=",
        "Disallow: /*?sort=",
        "Sitemap: http://localhost/sitemap.xml",
    ]:
        assert rule in lines
    assert "Disallow: /*?page=" not in lines
