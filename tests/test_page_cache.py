"""The page store: anonymous visitors get the finished, compressed page with no query and no
template; signed-in users, previews, cookies, CSRF forms, search and private answers never."""

import gzip
from io import StringIO

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory

from pagecache.middleware import PageCacheMiddleware
from tests import factories
from tests.pagecache_helpers import page_store, served_from_store

__all__ = ["page_store"]

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_request_costs_no_query_and_no_template(
    client, site_tree, page_store, django_assert_num_queries
):
    first = client.get("/en/")
    assert first.status_code == 200 and first.templates
    with django_assert_num_queries(0):
        second = client.get("/en/")
    assert served_from_store(second)
    assert second.templates == []
    assert second.content == first.content


def test_the_page_is_stored_compressed_for_visitors_who_accept_gzip(client, site_tree, page_store):
    plain = client.get("/en/stories/")
    client.get("/en/stories/", HTTP_ACCEPT_ENCODING="gzip, br")
    packed = client.get("/en/stories/", HTTP_ACCEPT_ENCODING="gzip, br")
    again_plain = client.get("/en/stories/")
    assert served_from_store(packed) and served_from_store(again_plain)
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert "Content-Encoding" not in again_plain


def test_parameters_in_another_order_share_one_entry_and_other_values_do_not(
    client, site_tree, page_store
):
    client.get("/en/stories/?status=completed&page=1")
    assert served_from_store(client.get("/en/stories/?page=1&status=completed"))
    assert not served_from_store(client.get("/en/stories/?page=1&status=planned"))


def test_each_language_prefix_has_its_own_entry(client, site_tree, locales, page_store):
    home_es = site_tree["home"].copy_for_translation(locales["es"])
    home_es.title = "Inicio"
    home_es.save_revision().publish()
    english = client.get("/en/")
    spanish = client.get("/es/")
    assert not served_from_store(spanish)
    assert b'lang="es"' in spanish.content and b'lang="en"' in english.content


def test_a_signed_in_editor_is_never_served_a_stored_page_nor_fills_the_store(
    client, site_tree, page_store, admin_user
):
    client.get("/en/")  # an anonymous visitor fills the store
    client.force_login(admin_user)
    editor_view = client.get("/en/")
    assert not served_from_store(editor_view)
    assert b"wagtail-userbar" in editor_view.content
    client.get("/en/stories/")  # the editor's page is not stored ...
    client.logout()
    assert not served_from_store(client.get("/en/stories/"))  # ... the next visitor renders


def test_head_is_answered_from_the_stored_get_without_a_body(client, site_tree, page_store):
    stored = client.get("/en/")
    head = client.head("/en/")
    assert served_from_store(head)
    assert head.content == b""
    assert head["Content-Length"] == stored["Content-Length"]


def test_search_results_are_never_stored(client, site_tree, page_store):
    client.get("/en/search/?q=lobby")
    again = client.get("/en/search/?q=lobby")
    assert again.status_code == 200
    assert not served_from_store(again)


def test_missing_pages_are_not_stored(client, site_tree, page_store):
    client.get("/en/no-such-page/")
    assert not served_from_store(client.get("/en/no-such-page/"))


def serve_twice(view, page_store, method="get", **extra):
    """Call the middleware twice around `view`; how many times the view itself ran."""
    calls = []

    def counting_view(request):
        calls.append(request)
        return view(request)

    middleware = PageCacheMiddleware(counting_view)
    for _ in range(2):
        middleware(getattr(RequestFactory(), method)("/en/some-page/", **extra))
    return len(calls)


def public_page(request):
    """A plain public page."""
    return HttpResponse("<p>Public</p>" * 30)


def page_that_sets_a_cookie(request):
    """A page that sets a cookie (a CSRF token for its form does the same)."""
    response = public_page(request)
    response.set_cookie("csrftoken", "abc")
    return response


def private_page(request):
    """A page its view marks private."""
    response = public_page(request)
    response["Cache-Control"] = "private, no-store"
    return response


def preview(request):
    """What Wagtail serves when an editor previews a page (it sets request.is_preview)."""
    request.is_preview = True
    return public_page(request)


def test_the_test_double_of_a_public_page_is_stored(page_store):
    assert serve_twice(public_page, page_store) == 1


@pytest.mark.parametrize("view", [page_that_sets_a_cookie, private_page, preview])
def test_responses_that_are_personal_are_rendered_every_time(view, page_store):
    assert serve_twice(view, page_store) == 2


def test_posts_and_visitors_with_a_session_cookie_always_reach_the_view(page_store):
    assert serve_twice(public_page, page_store, method="post") == 2
    assert serve_twice(public_page, page_store, HTTP_COOKIE="sessionid=abc") == 2


def test_the_store_is_off_unless_configured(settings, page_store):
    settings.PAGE_CACHE_IN_APP = False
    assert serve_twice(public_page, page_store) == 2


def test_a_member_directory_is_stored_like_any_page(client, site_tree, page_store):
    factories.MemberProfilePageFactory(parent=site_tree["members"], title="Madrid")
    first = client.get("/en/members/")
    second = client.get("/en/members/")
    assert served_from_store(second) and second.content == first.content


def test_purge_pages_empties_the_store_for_every_address(client, site_tree, page_store):
    client.get("/en/")
    client.get("/en/stories/")
    call_command("purge_pages", stdout=StringIO())
    assert not served_from_store(client.get("/en/"))
    assert not served_from_store(client.get("/en/stories/"))
