"""A misspelled search gets a suggestion; autocomplete suggests titles in the active language."""

import pytest

from tests import factories
from tests.search.pages import (
    publish,
    results,
)

pytestmark = pytest.mark.xdist_group("search")


# Typos and autocomplete ---------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed, meant", [("corruptoin", "corruption"), ("partcipatory", "participatory")]
)
def test_a_misspelled_word_gets_a_suggestion_and_its_results(client, corpus, typed, meant):
    response = client.get("/en/search/", {"q": typed})
    html = response.content.decode()
    assert meant in html
    assert "search-suggestion" in html
    assert results(response), "the suggestion's results are shown"


@pytest.mark.django_db
def test_a_query_with_no_result_shows_the_corrected_querys_results(client, corpus):
    response = client.get("/en/search/", {"q": "lobby corruptoin"})
    html = response.content.decode()
    assert "Showing results for" in html
    assert "?q=lobby+corruption" in html
    assert results(response) == ["Nairobi publishes the agendas of its officials"]


@pytest.mark.django_db
def test_no_did_you_mean_when_the_query_found_results_another_way(client, corpus):
    # "corruption" is not a Spanish word, but the English-only story is found: no word matched
    # nothing, so there is nothing to correct.
    response = client.get("/es/search/", {"q": "corruption"})
    assert "Nairobi publishes the agendas of its officials" in results(response)
    assert "search-suggestion" not in response.content.decode()


@pytest.mark.django_db
def test_suggestions_come_from_the_visitors_language(client, corpus):
    html = client.get("/es/search/", {"q": "regstro"}).content.decode()
    assert "registro" in html.split("search-suggestion", 1)[1][:300]


@pytest.mark.django_db
def test_autocomplete_suggests_titles_in_the_active_language(client, corpus):
    response = client.get("/en/search/autocomplete/", {"q": "lobb"})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["results"]]
    assert "Madrid makes lobbying visible with a mandatory lobby registry" in titles
    assert all(item["url"].startswith("/en/") for item in response.json()["results"])
    spanish = client.get("/es/search/autocomplete/", {"q": "regis"}).json()["results"]
    assert [item["title"] for item in spanish] == [
        "Madrid hace visible el lobby con un registro obligatorio"
    ]


@pytest.mark.django_db
def test_autocomplete_needs_two_characters_and_returns_at_most_eight(client, site_tree):
    for number in range(12):
        publish(
            factories.StandardPageFactory(
                parent=site_tree["home"], title=f"Transparency note {number}"
            )
        )
    assert client.get("/en/search/autocomplete/", {"q": "t"}).json() == {"results": []}
    items = client.get("/en/search/autocomplete/", {"q": "trans"}).json()["results"]
    assert len(items) == 8


@pytest.mark.django_db
def test_search_field_works_without_javascript_and_loads_the_combobox(client, corpus):
    html = client.get("/en/search/").content.decode()
    assert '<form class="search-form" role="search" method="get" action="/en/search/">' in html
    assert 'name="q"' in html
    assert 'data-search-autocomplete="/en/search/autocomplete/"' in html
    assert "js/search.js" in html
