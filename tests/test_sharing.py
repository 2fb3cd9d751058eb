"""Sharing: every page type carries OpenGraph and Twitter card metadata with an image (its own,
or the site's default drawn locally), and stories, products, events and modules offer share links
that are plain addresses, with nothing loaded from another host."""

import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from PIL import Image

from tests import factories

LINK_ADDRESSES = {
    "email": "mailto:",
    "linkedin": "https://www.linkedin.com/sharing/share-offsite/",
    "x": "https://x.com/intent/post",
    "facebook": "https://www.facebook.com/sharer/sharer.php",
    "whatsapp": "https://wa.me/",
}
# What the browser fetches as the page loads: scripts, images, frames, stylesheets and icons
# (canonical, alternate and hreflang links are addresses, not loads).
LOADED = re.compile(r"<(?:script|img|source|iframe)\b[^>]*\b(?:src|srcset)=\"([^\"]+)\"", re.I)
LINKED = re.compile(
    r"<link\b[^>]*\brel=\"(?:stylesheet|icon|preload)\"[^>]*\bhref=\"([^\"]+)\"", re.I
)


@pytest.fixture(autouse=True)
def empty_cache():
    """No header or page fragment from another test's site is reused."""
    cache.clear()


@pytest.fixture
def pages(site_tree):
    """One live page of every public page type in English, by kind; the story has an image."""
    home = site_tree["home"]
    country = factories.CountryFactory(name="Spain", iso_code="ES", region="europe")
    member = factories.MemberProfilePageFactory(
        parent=site_tree["members"], title="Madrid", country=country
    )
    events = factories.EventIndexPageFactory(parent=home)
    module = factories.TrainingModulePageFactory(parent=site_tree["training"], title="Basics")
    return {
        **site_tree,
        "standard": factories.StandardPageFactory(parent=home, title="About us", slug="about"),
        "member": member,
        "story": factories.ReformStoryPageFactory(
            parent=site_tree["stories"],
            title="Madrid opens its lobby register",
            member=member,
            image=factories.ImageFactory(file__width=1600, file__height=1000),
            image_alt="A drawing of the town hall",
        ),
        "product": factories.KnowledgeProductPageFactory(
            parent=site_tree["knowledge"], title="Guide"
        ),
        "module": module,
        "events": events,
        "event": factories.EventPageFactory(parent=events, title="Learning circle on open data"),
    }


def meta(html, attribute, name):
    """The content of `<meta {attribute}="{name}" content="...">`; fails when it is missing."""
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    assert match, f"no {attribute}={name}"
    return match.group(1)


def share_links(html):
    """{network: address} of the share component's links; fails when there is no component."""
    section = re.search(r'<section class="share".*?</section>', html, re.S)
    assert section, "no share links"
    found = re.findall(
        r'class="share__link share__link--([a-z]+)" href="([^"]+)"', section.group(0)
    )
    return {key: address.replace("&amp;", "&") for key, address in found}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind",
    [
        "home",
        "standard",
        "stories",
        "story",
        "members",
        "member",
        "knowledge",
        "product",
        "training",
        "module",
        "events",
        "event",
    ],
)
def test_every_page_type_has_opengraph_and_a_twitter_card(client, pages, kind):
    page = pages[kind]
    html = client.get(page.url).content.decode()

    assert meta(html, "property", "og:title") == page.title
    assert meta(html, "property", "og:url") == page.get_full_url()
    assert meta(html, "property", "og:description") == (
        page.summary or "Open Cities: a partnership of local governments for open government"
    )
    assert meta(html, "name", "twitter:card") == "summary_large_image"
    image = meta(html, "property", "og:image")
    assert meta(html, "name", "twitter:image") == image
    if kind == "story":
        assert image.startswith("http://localhost/media/") and ".fill-1200x630" in image
        assert meta(html, "property", "og:image:alt") == "A drawing of the town hall"
    else:
        assert image == "http://localhost/share-image.png"
        assert meta(html, "property", "og:image:alt") == (
            "The Open Cities logo: a city skyline in a circle"
        )
    assert (
        meta(html, "property", "og:image:width"),
        meta(html, "property", "og:image:height"),
    ) == (
        "1200",
        "630",
    )


@pytest.mark.django_db
def test_the_default_share_image_is_a_1200_by_630_png_drawn_here(client):
    response = client.get("/share-image.png")
    assert response["Content-Type"] == "image/png"
    assert "max-age=86400" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content))
    assert (image.format, image.size) == ("PNG", (1200, 630))


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["story", "product", "event", "module"])
def test_stories_products_events_and_modules_have_plain_share_addresses(client, pages, kind):
    page = pages[kind]
    html = client.get(page.url).content.decode()
    url = page.get_full_url()

    links = share_links(html)
    assert set(links) == set(LINK_ADDRESSES)
    for key, address in links.items():
        assert address.startswith(LINK_ADDRESSES[key]), key
    query = {key: parse_qs(urlsplit(address).query) for key, address in links.items()}
    assert query["email"] == {"subject": [page.title], "body": [url]}
    assert query["linkedin"] == {"url": [url]}
    assert query["x"] == {"text": [page.title], "url": [url]}
    assert query["facebook"] == {"u": [url]}
    assert query["whatsapp"] == {"text": [f"{page.title} {url}"]}
    assert f'data-share-url="{url}"' in html
    assert "data-share-copy" in html and "data-share-native" in html
    assert 'action="/en/share/mastodon/"' in html
    for address in LOADED.findall(html) + LINKED.findall(html):
        assert address.startswith("/") or address.startswith("http://localhost/"), address


@pytest.mark.django_db
def test_listing_and_frame_pages_have_no_share_links(client, pages):
    for kind in ["home", "stories", "events", "standard"]:
        assert 'class="share"' not in client.get(pages[kind].url).content.decode(), kind


@pytest.mark.django_db
def test_a_lesson_shares_its_own_address(client, pages):
    module = pages["module"]
    html = client.get(f"{module.url}lessons/2/").content.decode()
    assert meta(html, "property", "og:url") == f"{module.get_full_url()}lessons/2/"


@pytest.mark.django_db
def test_mastodon_sharing_goes_to_the_visitors_server(client, site_tree):
    response = client.get(
        "/es/share/mastodon/", {"server": "@ana@Mastodon.Social", "text": "Registro http://x/"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="https://mastodon.social/share?text=Registro+http%3A%2F%2Fx%2F"' in html
    assert "Continuar a" in html


@pytest.mark.django_db
@pytest.mark.parametrize("server", ["", "evil.example/phish?x=", "javascript:alert(1)", "a b.org"])
def test_a_wrong_mastodon_server_is_asked_again_in_the_visitors_language(client, site_tree, server):
    response = client.get("/es/share/mastodon/", {"server": server, "text": "Hola"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "/share?text=" not in html
    assert "Escriba el nombre de su servidor de Mastodon" in html
