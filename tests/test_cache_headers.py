"""What responses tell browsers and shared caches: short max-age, long s-maxage with stale
directives for anonymous public pages, no Vary: Cookie, validators answered with a 304;
private and no-store for admin, previews, search and signed-in users."""

import pytest

from tests.pagecache_helpers import page_store

__all__ = ["page_store"]

pytestmark = pytest.mark.django_db


def directives(response):
    """The response's Cache-Control directives as a set."""
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_anonymous_pages_are_short_for_browsers_and_long_for_shared_caches(
    client, site_tree, settings
):
    settings.PAGE_CACHE_SECONDS = 7200
    settings.PAGE_BROWSER_CACHE_SECONDS = 30
    response = client.get("/en/")
    assert response.status_code == 200
    assert directives(response) == {
        "public",
        "max-age=30",
        "s-maxage=7200",
        "stale-while-revalidate=60",
        "stale-if-error=86400",
    }


def test_anonymous_pages_do_not_vary_on_cookie(client, site_tree):
    # The user bar reads request.user, so the session middleware adds Vary: Cookie to every
    # page; a shared cache would then keep one copy per visitor's cookies.
    response = client.get("/en/stories/", HTTP_ACCEPT_ENCODING="gzip")
    vary = {part.strip().lower() for part in response["Vary"].split(",")}
    assert vary == {"accept-encoding"}


def test_revalidation_with_the_etag_is_a_304_even_when_rendered_again(client, site_tree):
    first = client.get("/en/", HTTP_ACCEPT_ENCODING="gzip")
    again = client.get("/en/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_revalidation_with_the_date_of_the_stored_copy_is_a_304(client, site_tree, page_store):
    first = client.get("/en/")
    again = client.get("/en/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_a_changed_page_fails_revalidation(client, site_tree):
    first = client.get("/en/")
    home = site_tree["home"]
    home.title = "Renamed home"
    home.save_revision().publish()
    again = client.get("/en/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200


def test_signed_in_editors_get_private_no_store_pages(client, site_tree, admin_user):
    client.force_login(admin_user)
    response = client.get("/en/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)
    assert "public" not in directives(response)


def test_previews_are_private_and_not_stored(client, site_tree, admin_user):
    client.force_login(admin_user)
    response = client.get(f"/admin/pages/{site_tree['home'].pk}/edit/preview/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


def test_search_is_private_and_not_stored(client, site_tree):
    assert {"private", "no-store"} <= directives(client.get("/en/search/?q=lobby"))


def test_admin_and_error_pages_are_not_shared(client, site_tree):
    assert "public" not in directives(client.get("/admin/login/"))
    assert "public" not in directives(client.get("/en/no-such-page/"))
    assert "public" not in directives(client.get("/healthz/"))


def test_page_caching_can_be_turned_off(client, site_tree, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert "public" not in directives(client.get("/en/"))
