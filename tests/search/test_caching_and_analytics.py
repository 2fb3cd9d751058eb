"""Search pages are not cached publicly; searches are logged and reported to staff."""

import re

import pytest
from django.contrib.auth import get_user_model

from search.models import SearchQueryDay

pytestmark = pytest.mark.xdist_group("search")


# Caching, indexing and analytics ------------------------------------------------------------


@pytest.mark.django_db
def test_search_pages_are_noindex_and_not_publicly_cached(client, corpus):
    for url, params in (
        ("/en/search/", {"q": "lobby"}),
        ("/en/search/autocomplete/", {"q": "lob"}),
    ):
        response = client.get(url, params)
        assert response["X-Robots-Tag"] == "noindex"
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
    html = client.get("/en/search/", {"q": "lobby"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.django_db
def test_searches_are_logged_per_language_with_no_result_queries(client, corpus):
    client.get("/en/search/", {"q": "Lobby"})
    client.get("/en/search/", {"q": "lobby "})
    client.get("/es/search/", {"q": "lobby"})
    client.get("/en/search/", {"q": "zzzqqq"})
    client.get("/en/search/", {"q": "lobby", "page": "2"})  # 404: not a new search
    rows = {
        (row.locale.language_code, row.query_string): (row.hits, row.no_result_hits)
        for row in SearchQueryDay.objects.select_related("locale")
    }
    assert rows == {("en", "lobby"): (2, 0), ("es", "lobby"): (1, 0), ("en", "zzzqqq"): (1, 1)}


def report_rows(response):
    """(search term, language, searches, found nothing) per row of the search terms report."""
    cells = re.findall(r"<tr>\s*" + r"<td[^>]*>\s*(.*?)\s*</td>\s*" * 4, response.content.decode())
    return [
        (term, language, int(searches), int(nothing)) for term, language, searches, nothing in cells
    ]


@pytest.mark.django_db
def test_search_terms_report_shows_popular_and_unanswered_queries_per_language(client, corpus):
    for query in ("budget", "lobby", "lobby", "zzzqqq"):
        client.get("/en/search/", {"q": query})
    client.get("/es/search/", {"q": "registro"})
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    report = client.get("/admin/reports/site-search-terms/")
    assert report.status_code == 200
    rows = report_rows(report)
    assert rows[0] == ("lobby", "English", 2, 0)
    assert ("registro", "Español", 1, 0) in rows
    assert ("zzzqqq", "English", 1, 1) in rows
    spanish = report_rows(client.get("/admin/reports/site-search-terms/", {"language": "es"}))
    assert [row[0] for row in spanish] == ["registro"]
    unanswered = client.get("/admin/reports/site-search-terms/", {"no_results": "true"})
    assert [row[0] for row in report_rows(unanswered)] == ["zzzqqq"]
    searched = client.get("/admin/reports/site-search-terms/", {"q": "lob"})
    assert [row[0] for row in report_rows(searched)] == ["lobby"]
    export = client.get("/admin/reports/site-search-terms/", {"export": "csv"})
    assert "lobby,English,2,0" in b"".join(export.streaming_content).decode()


@pytest.mark.django_db
def test_search_terms_report_is_for_staff_only(client, corpus):
    editor = get_user_model().objects.create_user("visitor", "v@example.org", "pw")
    client.force_login(editor)
    response = client.get("/admin/reports/site-search-terms/")
    # Wagtail sends a signed-in user without admin access back to the login page.
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
