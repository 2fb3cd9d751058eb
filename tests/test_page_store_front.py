"""The page store's front (cms/wsgi.py): a stored page is answered before Django's handler, with
the headers the whole stack gave it; everything else reaches Django as before."""

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from cms.wsgi import application
from pagecache.store import generation_key
from tests.pagecache_helpers import page_store

__all__ = ["page_store"]

pytestmark = pytest.mark.django_db


def serve(path="/en/", method="get", **headers):
    """Status, headers and body of one request through the production WSGI application."""
    environ = getattr(RequestFactory(), method)(path, **headers).environ
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer.update(status=status, headers=dict(response_headers))

    # As Django's test client does: the handler must not close the test's database connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = b"".join(application(environ, start_response))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body


def test_a_stored_page_is_answered_before_django_with_no_query_and_the_same_headers(
    site_tree, page_store, django_assert_num_queries
):
    status, first, body = serve(HTTP_ACCEPT_ENCODING="gzip")
    assert (status, first["X-Page-Cache"]) == ("200 OK", "miss")
    handled = []
    request_started.connect(handled.append, dispatch_uid="front-test")
    try:
        with django_assert_num_queries(0):
            status, again, body_again = serve(HTTP_ACCEPT_ENCODING="gzip")
    finally:
        request_started.disconnect(dispatch_uid="front-test")
    assert (status, again.pop("X-Page-Cache"), handled) == ("200 OK", "hit", [])
    first.pop("X-Page-Cache")
    assert again == first
    assert body_again == body
    assert again["Content-Encoding"] == "gzip"
    # The security headers are stored with the page: the front adds nothing of its own.
    assert again["X-Content-Type-Options"] == "nosniff"


def test_head_is_answered_by_the_front_without_a_body(site_tree, page_store):
    _, stored, _ = serve()
    status, headers, body = serve(method="head")
    assert (status, headers["X-Page-Cache"], body) == ("200 OK", "hit", b"")
    assert headers["Content-Length"] == stored["Content-Length"]


def test_a_browser_with_the_current_etag_gets_a_304_from_the_front(site_tree, page_store):
    _, stored, _ = serve()
    status, headers, body = serve(HTTP_IF_NONE_MATCH=stored["ETag"])
    assert (status, headers["X-Page-Cache"], body) == ("304 Not Modified", "hit", b"")


def test_a_visitor_with_a_session_cookie_reaches_django(site_tree, page_store):
    serve()
    status, headers, _ = serve(HTTP_COOKIE="sessionid=abc")
    assert status == "200 OK" and "X-Page-Cache" not in headers


def test_an_unknown_host_gets_djangos_400_not_a_stored_page(settings, site_tree, page_store):
    settings.ALLOWED_HOSTS = ["testserver"]
    serve()
    status, headers, _ = serve(HTTP_HOST="attacker.example")
    assert status.startswith("400") and "X-Page-Cache" not in headers


def test_with_the_store_off_every_request_reaches_django(settings, site_tree, page_store):
    settings.PAGE_CACHE_IN_APP = False
    serve()
    _, headers, _ = serve()
    assert "X-Page-Cache" not in headers


def test_a_static_file_request_never_reads_the_store(site_tree, page_store):
    serve("/static/css/site.css")
    # A lookup would have claimed the path's generation token on its miss.
    assert page_store.get(generation_key("/static/css/site.css")) is None
    assert page_store.get(generation_key("/en/")) is None
    serve()
    assert page_store.get(generation_key("/en/")) is not None
