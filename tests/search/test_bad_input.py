"""Strange, empty, long or unknown search input gets an answer, never an error."""

import re

import pytest

from tests.search.pages import (
    STRANGE_QUERIES,
    total,
)

pytestmark = pytest.mark.xdist_group("search")


# Bad input ----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_strange_queries_get_an_answer_not_an_error(client, corpus, language):
    for query in STRANGE_QUERIES:
        response = client.get(f"/{language}/search/", {"q": query})
        assert response.status_code == 200, query
        html = response.content.decode()
        assert "<script>alert" not in html, query
        assert "<b>lobby</b>" not in html, query
        autocomplete = client.get(f"/{language}/search/autocomplete/", {"q": query})
        assert autocomplete.status_code == 200, query
        facetted = client.get(f"/{language}/search/", {"q": query, "type": "story", "page": "1"})
        assert facetted.status_code == 200, query


@pytest.mark.django_db
def test_empty_and_short_queries_explain_what_to_do(client, corpus):
    assert "Type a word or two" in client.get("/en/search/").content.decode()
    assert "at least 2 characters" in client.get("/en/search/", {"q": "a"}).content.decode()
    assert "no letters or digits" in client.get("/en/search/", {"q": "😀😀"}).content.decode()


@pytest.mark.django_db
def test_long_queries_are_cut_to_a_sane_length(client, corpus):
    response = client.get("/en/search/", {"q": "lobby " * 200})
    field = re.search(r'id="search-q"[^>]*value="([^"]*)"', response.content.decode(), re.S)
    assert field is not None
    assert len(field.group(1)) <= 200


@pytest.mark.django_db
def test_unknown_filter_values_are_ignored_with_a_message(client, corpus):
    response = client.get(
        "/en/search/",
        {
            "q": "lobby",
            "policy_area": "no-such-area",
            "type": "alien",
            "year": "20x1",
            "kind": "<script>",
            "sort": "sideways",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "do not exist and were left out" in html
    assert total(response) == total(client.get("/en/search/", {"q": "lobby"}))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "number, message",
    [
        ("99999", "There is no page 99999 of these results."),
        ("0", "There is no page 0 of these results."),
        ("-1", "There is no page -1 of these results."),
        ("abc", "The page number must be a whole number."),
        ("1.5", "The page number must be a whole number."),
        ("9" * 400, "There is no page 9999999999 of these results."),
    ],
)
def test_a_page_number_that_does_not_exist_is_a_clear_404(client, corpus, number, message):
    response = client.get("/en/search/", {"q": "lobby", "page": number})
    assert response.status_code == 404
    assert message in response.content.decode()


@pytest.mark.django_db
def test_page_404_message_is_in_the_visitors_language(client, corpus):
    response = client.get("/es/search/", {"q": "lobby", "page": "99999"})
    assert response.status_code == 404
    assert '<html lang="es"' in response.content.decode()
