"""The platform serves pages in the visitor's language and answers errors clearly."""

import pytest


@pytest.mark.django_db
def test_home_page_answers_with_language_and_direction(client, site_tree):
    response = client.get("/en/")
    assert response.status_code == 200
    assert b'<html lang="en" dir="ltr">' in response.content


@pytest.mark.django_db
def test_health_check_reports_ok(client):
    response = client.get("/healthz/")
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_unknown_page_is_a_404_page(client, site_tree):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
