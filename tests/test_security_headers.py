"""Browser policies: public pages are never framed, the admin frames only itself (previews),
powerful browser features are off, and no admin page makes the browser ask another host."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

# Attributes through which a page makes the browser fetch something by itself.
FETCHING_ATTRIBUTES = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "link": ("href",),
}
# <link rel=...> kinds that the browser fetches (a canonical or alternate link is just a link).
FETCHED_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest"}


class FetchedAddresses(HTMLParser):
    """Collects every address an HTML page makes the browser fetch on its own."""

    def __init__(self):
        """Start with no addresses."""
        super().__init__()
        self.addresses = []

    def handle_starttag(self, tag, attrs):
        """Record the fetching attributes of one tag."""
        attributes = dict(attrs)
        if tag == "link" and not FETCHED_LINK_RELS & set((attributes.get("rel") or "").split()):
            return
        for name in FETCHING_ATTRIBUTES.get(tag, ()):
            value = attributes.get(name) or ""
            if name == "srcset":
                self.addresses += [part.split()[0] for part in value.split(",") if part.strip()]
            elif value:
                self.addresses.append(value)


def other_hosts(html):
    """The hosts other than the test server that a page makes the browser fetch from."""
    parser = FetchedAddresses()
    parser.feed(html)
    hosts = {urlsplit(address).netloc for address in parser.addresses}
    # A CSS url() inside a style attribute or block fetches too.
    hosts |= {urlsplit(url).netloc for url in re.findall(r"url\(['\"]?([^'\")]+)", html)}
    return sorted(host for host in hosts if host not in ("", "testserver"))


def directives(response):
    """The response's Content-Security-Policy as {directive: [sources]}."""
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_may_not_be_framed_by_anyone(client, site_tree):
    response = client.get("/en/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert directives(response)["frame-ancestors"] == ["'none'"]


def test_admin_pages_may_be_framed_by_the_admin_only(admin_client, site_tree):
    response = admin_client.get(f"/admin/pages/{site_tree['home'].pk}/edit/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]


def test_the_page_preview_the_editor_frames_answers_the_same(admin_client, site_tree):
    page = site_tree["home"]
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]


@pytest.mark.parametrize("address", ["/en/", "/admin/login/", "/api/v2/pages/"])
def test_powerful_browser_features_are_off_and_resources_stay_on_the_site(
    client, site_tree, address
):
    response = client.get(address)
    assert response.status_code == 200
    policy = dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
    assert policy["camera"] == "()"
    assert policy["geolocation"] == "()"
    assert policy["microphone"] == "()"
    assert policy["payment"] == "()"
    assert policy["fullscreen"].startswith("(self ")
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_admin_pages_fetch_nothing_from_another_host(admin_client, admin_user, site_tree):
    # The admin user has an e-mail address, which used to send every screen to Gravatar.
    assert admin_user.email
    page = site_tree["stories"]
    for address in (
        "/admin/",
        f"/admin/pages/{page.pk}/",
        f"/admin/pages/{page.pk}/edit/",
        "/admin/users/",
        f"/admin/users/edit/{admin_user.pk}/",
        "/admin/account/",
        "/admin/images/",
        "/django-admin/",
    ):
        response = admin_client.get(address)
        assert response.status_code == 200, address
        assert other_hosts(response.content.decode()) == [], address


def test_the_admin_policy_allows_no_image_host_but_the_site(admin_client):
    sources = directives(admin_client.get("/admin/"))["img-src"]
    assert "https:" not in sources
    assert not [source for source in sources if source.startswith("https://")]
