"""Search ranks by relevance, counts facets, keeps to the language, puts promotions first."""

import pytest
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from demo.loading.blocks import body
from search.models import SearchDocument
from tests.search.conftest import on_postgresql
from tests.search.pages import (
    facet_counts,
    promoted_titles,
    publish,
    results,
    total,
)

pytestmark = pytest.mark.xdist_group("search")


# Relevance ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_madrid_story_is_the_first_result_for_lobby_registry(client, corpus):
    response = client.get("/en/search/", {"q": "lobby registry"})
    assert response.status_code == 200
    found = results(response)
    assert found[0] == "Madrid makes lobbying visible with a mandatory lobby registry"


@pytest.mark.django_db
def test_a_title_match_outranks_a_body_that_repeats_the_words(client, corpus):
    found = results(client.get("/en/search/", {"q": "lobby registry"}))
    assert found.index("Nairobi publishes the agendas of its officials") > found.index(
        "Madrid makes lobbying visible with a mandatory lobby registry"
    )


@pytest.mark.django_db
def test_every_searched_type_is_found(client, corpus):
    found = results(client.get("/en/search/", {"q": "lobbying"}))
    assert "Guide to lobby transparency" in found
    assert "Lobbying rules for civil servants" in found
    assert "Madrid makes lobbying visible with a mandatory lobby registry" in found
    assert results(client.get("/en/search/", {"q": "Ayuntamiento"})) == ["Madrid"]


@pytest.mark.django_db
def test_newest_sort_orders_by_date(client, corpus):
    found = results(client.get("/en/search/", {"q": "lobbying", "type": "story", "sort": "newest"}))
    assert found == [
        "Nairobi publishes the agendas of its officials",
        "Madrid makes lobbying visible with a mandatory lobby registry",
    ]


@pytest.mark.django_db
def test_matched_words_are_highlighted_and_page_text_is_escaped(client, corpus):
    story = corpus["budget"]
    story.body = body(
        "escaping",
        [
            {
                "type": "paragraph",
                "html": "<p>Residents wrote &lt;b&gt;budget&lt;/b&gt; &amp; <i>more</i>.</p>",
            }
        ],
    )
    publish(story)
    html = client.get("/en/search/", {"q": "budget"}).content.decode()
    assert "&lt;b&gt;<mark>budget</mark>&lt;/b&gt; &amp; more" in html
    assert "<b>budget</b>" not in html
    assert "Participatory <mark>budgeting</mark>" in html


# Facets -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_facet_counts_match_the_results_they_lead_to(client, corpus):
    base = {"q": "lobby", "type": "story"}
    response = client.get("/en/search/", base)
    for param in ("policy_area", "type", "region", "country", "year", "sdg"):
        for value, count in facet_counts(response, param).items():
            values = set(response.wsgi_request.GET.getlist(param))
            if value in values:
                continue
            narrowed = client.get("/en/search/", {**base, param: [*values, value]})
            if param == "type":
                # Several values of one facet widen the results: the count is what this value adds.
                alone = client.get("/en/search/", {**base, "type": value})
                assert total(alone) == count, (param, value)
            else:
                assert total(narrowed) == count, (param, value)


@pytest.mark.django_db
def test_each_facet_counts_against_the_other_choices(client, corpus):
    response = client.get("/en/search/", {"q": "lobby", "policy_area": "lobbying", "type": "story"})
    # The type facet ignores its own choice: the guide about lobbying still counts.
    assert facet_counts(response, "type") == {"story": 2, "knowledge": 1}
    # Policy areas are counted among stories only.
    assert facet_counts(response, "policy_area") == {"lobbying": 2, "anti-corruption": 1}
    assert total(response) == 2


@pytest.mark.django_db
def test_several_values_of_one_facet_widen_the_results(client, corpus):
    stories = total(client.get("/en/search/", {"q": "lobbying", "type": "story"}))
    guides = total(client.get("/en/search/", {"q": "lobbying", "type": "knowledge"}))
    both = total(client.get("/en/search/", {"q": "lobbying", "type": ["story", "knowledge"]}))
    assert both == stories + guides == 3


@pytest.mark.django_db
def test_filters_narrow_to_matching_documents(client, corpus):
    found = results(client.get("/en/search/", {"q": "lobby", "region": "africa-middle-east"}))
    assert found == ["Nairobi publishes the agendas of its officials"]
    found = results(client.get("/en/search/", {"q": "lobby", "year": "2021"}))
    assert found == ["Madrid makes lobbying visible with a mandatory lobby registry"]
    found = results(client.get("/en/search/", {"q": "lobby", "sdg": "sdg-16"}))
    assert found == ["Madrid makes lobbying visible with a mandatory lobby registry"]


# Languages ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_results_stay_in_the_visitors_language_with_english_only_items_badged(client, corpus):
    response = client.get("/es/search/", {"q": "lobby"})
    html = response.content.decode()
    found = results(response)
    assert found[0] == "Madrid hace visible el lobby con un registro obligatorio"
    # The English original of the translated story is not shown in Spanish.
    assert "Madrid makes lobbying visible with a mandatory lobby registry" not in found
    # Items not translated into Spanish come after, in English, badged and marked lang="en".
    assert "Guide to lobby transparency" in found
    assert found.index("Guide to lobby transparency") > 0
    item = html[html.index("search-result--other-language") :]
    assert "En inglés" in item.split("</li>")[0]
    assert 'lang="en"' in item.split("</li>")[0]
    native_items = html.split("search-result--other-language")[0]
    assert "registro obligatorio" in native_items


@pytest.mark.django_db
def test_english_search_shows_no_other_language(client, corpus):
    response = client.get("/en/search/", {"q": "registro"})
    assert "registro obligatorio" not in response.content.decode()
    assert "search-result--other-language" not in response.content.decode()


@pytest.mark.django_db
def test_spanish_word_family_corrupcion_finds_corruptos(client, corpus):
    found = results(client.get("/es/search/", {"q": "corrupción"}))
    assert "Pactos de integridad en la contratación pública" in found


@on_postgresql
@pytest.mark.django_db
def test_spanish_stemming_matches_verb_forms_on_postgresql(client, corpus):
    # "publicaron" and "publicar"/"publica" share the Spanish stem "public".
    found = results(client.get("/es/search/", {"q": "publicar"}))
    assert "Pactos de integridad en la contratación pública" in found


@on_postgresql
@pytest.mark.django_db
def test_each_language_is_indexed_with_its_configuration(corpus):
    configs = dict(SearchDocument.objects.values_list("language_code", "search_config").distinct())
    assert configs == {"en": "english_unaccent", "es": "spanish_unaccent"}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text FROM search_searchdocument WHERE page_id = %s",
            [corpus["integrity_es"].pk],
        )
        vector = cursor.fetchone()[0]
    assert "'corrupt'" in vector and "'integr'" in vector


# Promotions ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_promoted_results_come_first_and_are_not_repeated(client, corpus):
    query = Query.get("lobby")
    SearchPromotion.objects.create(
        query=query, page=corpus["guide"], sort_order=0, description="Start here."
    )
    SearchPromotion.objects.create(query=query, page=corpus["registry_es"], sort_order=1)
    response = client.get("/en/search/", {"q": "Lobby"})
    html = response.content.decode()
    assert promoted_titles(response) == ["Guide to lobby transparency"]
    assert html.index("search-results--promoted") < html.index('<ol class="search-results"')
    assert "Guide to lobby transparency" not in results(response)
    assert "Start here." in html
    spanish = client.get("/es/search/", {"q": "lobby"})
    assert promoted_titles(spanish) == ["Madrid hace visible el lobby con un registro obligatorio"]
    assert "Madrid hace visible el lobby con un registro obligatorio" not in results(spanish)
