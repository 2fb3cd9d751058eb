"""Site search: relevance, facets, languages, promotions, typos, autocomplete and bad input."""

import csv
import datetime
import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict, StreamingHttpResponse
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from search.backends.base import SearchBackend
from search.engine import run_search
from search.indexing import rebuild
from search.models import SearchDocument, SearchQueryDay, SearchTerm
from tests import factories
from tests.conftest import make_locales, make_site_tree, rolled_back, shared

# The pages are built once for the module (search_site); under pytest-xdist the module stays on
# one worker so that happens once.
pytestmark = pytest.mark.xdist_group("search")

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Language-specific stemming needs PostgreSQL's text search configurations; SQLite's "
    "FTS5 has one (English Porter) stemmer for every language.",
)


def paragraphs(*texts):
    """A StreamField value of rich-text paragraphs."""
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


def publish(page):
    """Publish the page's current state, as an editor would (this is what indexes it)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, **fields):
    """A published translation of `page` into `locale` with the given fields changed."""
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    return publish(copy)


def results_section(response):
    """The HTML of a search page's results section; a page without one fails the test."""
    html = response.content.decode()
    section = re.search(r'<section class="search-page__results".*?</section>', html, re.S)
    assert section, "the page has no results section"
    return section.group(0)


def total(response):
    """The result count the page announces; a page that announces none fails the test."""
    match = re.search(r'class="search-page__count"[^>]*>\s*(\d+)', results_section(response))
    assert match, "the page announces no result count"
    return int(match.group(1))


def results(response):
    """The result titles of a search page, in order (promoted results excluded).

    No result list is an empty list only when the page announces 0 results.
    """
    organic = results_section(response).split('<ol class="search-results"', 1)
    if len(organic) < 2:
        assert total(response) == 0, "results announced but no result list"
        return []
    titles = re.findall(
        r'class="search-result__title"[^>]*>\s*<a href="[^"]*">(.*?)</a>', organic[1]
    )
    assert titles, "a result list without result titles"
    return [re.sub(r"</?mark>", "", title) for title in titles]


def promoted_titles(response):
    """The titles in the promoted block of a search page ([] when the page has no such block)."""
    block = re.search(r'search-results--promoted">(.*?)</ul>', results_section(response), re.S)
    if not block:
        return []
    titles = re.findall(r'<a href="[^"]*">(.*?)</a>', block.group(1))
    assert titles, "a promoted block without titles"
    return titles


def facet_counts(response, param):
    """{value: count} of one facet's options as shown in the page's filter form."""
    html = response.content.decode()
    form = re.search(r'<form class="filters__form".*?</form>', html, re.S)
    assert form, "the page has no filter form"
    pairs = re.findall(
        rf'name="{param}"\s+value="([^"]+)"[^>]*>\s*<label[^>]*>.*?'
        r'class="filters__count">\((\d+)\)',
        form.group(0),
        re.S,
    )
    return {value: int(count) for value, count in pairs}


def build_corpus(site_tree, locales):
    """Stories, knowledge, training and members in English, some translated into Spanish."""
    lobbying = factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
    budgets = factories.PolicyAreaFactory(name="Open budgets", slug="open-budgets")
    integrity = factories.PolicyAreaFactory(name="Anti-corruption", slug="anti-corruption")
    goal = factories.SDGFactory(number=16, name="Peace, justice and strong institutions")
    spain = factories.CountryFactory(name="Spain", slug="spain", region="europe")
    kenya = factories.CountryFactory(name="Kenya", slug="kenya", region="africa-middle-east")
    madrid = publish(
        factories.MemberProfilePageFactory(
            parent=site_tree["members"],
            title="Madrid",
            official_name="Ayuntamiento de Madrid",
            country=spain,
            year_joined=2018,
        )
    )
    nairobi = publish(
        factories.MemberProfilePageFactory(
            parent=site_tree["members"], title="Nairobi", country=kenya, year_joined=2020
        )
    )
    stories = site_tree["stories"]
    registry = factories.ReformStoryPageFactory(
        parent=stories,
        title="Madrid makes lobbying visible with a mandatory lobby registry",
        summary="Every meeting between officials and lobbyists is now published.",
        body=paragraphs(
            "The city created a public lobby register. Lobbyists sign up before meeting "
            "officials, and the register publishes every meeting."
        ),
        member=madrid,
        start_year=2021,
    )
    registry.policy_areas.set([lobbying])
    registry.sdgs.set([goal])
    publish(registry)
    agendas = factories.ReformStoryPageFactory(
        parent=stories,
        title="Nairobi publishes the agendas of its officials",
        summary="Agendas online, a first step before a register.",
        body=paragraphs(
            "A lobby registry was discussed. A lobby registry needs a law; the lobby registry "
            "bill is pending, and the lobby registry debate goes on. Corruption risks remain."
        ),
        member=nairobi,
        start_year=2022,
    )
    agendas.policy_areas.set([lobbying, integrity])
    publish(agendas)
    budget = factories.ReformStoryPageFactory(
        parent=stories,
        title="Participatory budgeting reaches every district",
        summary="Residents decide how to spend part of the budget.",
        body=paragraphs("Participatory budgeting in Madrid lets residents vote on projects."),
        member=madrid,
        start_year=2019,
    )
    budget.policy_areas.set([budgets])
    publish(budget)
    integrity_story = factories.ReformStoryPageFactory(
        parent=stories,
        title="Integrity pacts against corruption in procurement",
        summary="Monitors watch public contracts.",
        body=paragraphs("Civil society monitors fight corruption in public procurement."),
        member=nairobi,
        start_year=2023,
    )
    integrity_story.policy_areas.set([integrity])
    publish(integrity_story)
    guide = factories.KnowledgeProductPageFactory(
        parent=site_tree["knowledge"],
        title="Guide to lobby transparency",
        summary="How to open up lobbying: registers, meeting logs and cooling-off periods.",
        kind="guide",
        publication_date=datetime.date(2024, 5, 2),
        body=paragraphs("A practical guide for cities that regulate lobbying."),
    )
    guide.policy_areas.set([lobbying])
    publish(guide)
    module = publish(
        factories.TrainingModulePageFactory(
            parent=site_tree["training"],
            title="Lobbying rules for civil servants",
            summary="What officials must record when lobbyists call.",
            audience="civil_servants",
        )
    )
    registry_es = translate(
        registry,
        locales["es"],
        title="Madrid hace visible el lobby con un registro obligatorio",
        summary="Cada reunión entre cargos públicos y grupos de interés se publica.",
        body=paragraphs(
            "La ciudad creó un registro público de lobbies para prevenir la corrupción."
        ),
    )
    integrity_es = translate(
        integrity_story,
        locales["es"],
        title="Pactos de integridad en la contratación pública",
        summary="Observadores vigilan los contratos públicos.",
        body=paragraphs(
            "La sociedad civil vigila a los funcionarios corruptos. Los resultados se "
            "publicaron en un portal abierto."
        ),
    )
    return {
        "lobbying": lobbying,
        "registry": registry,
        "agendas": agendas,
        "budget": budget,
        "integrity": integrity_story,
        "guide": guide,
        "module": module,
        "madrid": madrid,
        "registry_es": registry_es,
        "integrity_es": integrity_es,
    }


@pytest.fixture(scope="module", name="module_data")
def search_site(django_db_setup, django_db_blocker):
    """The locales, site tree and corpus, built once for this module and rolled back after it."""
    with rolled_back(django_db_blocker):
        locales = make_locales()
        tree = make_site_tree(locales)
        yield {"locales": locales, "site_tree": tree, "corpus": build_corpus(tree, locales)}


locales, site_tree, corpus = shared("locales", "site_tree", "corpus")


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
    story.body = paragraphs("Residents wrote &lt;b&gt;budget&lt;/b&gt; &amp; <i>more</i>.")
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


# Index maintenance --------------------------------------------------------------------------


@pytest.mark.django_db
def test_unpublishing_and_deleting_take_pages_out_of_the_search(client, corpus):
    corpus["budget"].unpublish()
    assert results(client.get("/en/search/", {"q": "participatory"})) == []
    assert not SearchTerm.objects.filter(term="district").exists()
    corpus["guide"].delete()
    assert "Guide to lobby transparency" not in results(client.get("/en/search/", {"q": "lobby"}))
    assert not SearchDocument.objects.filter(page_id=corpus["guide"].pk).exists()


@pytest.mark.django_db
def test_republishing_updates_text_and_vocabulary(client, corpus):
    story = corpus["budget"]
    story.title = "Residents choose neighbourhood projects"
    publish(story)
    assert results(client.get("/en/search/", {"q": "neighbourhood"})) == [story.title]
    assert SearchTerm.objects.get(locale__language_code="en", term="neighbourhood").frequency == 1
    assert not SearchTerm.objects.filter(locale__language_code="en", term="district").exists()


@pytest.mark.django_db
def test_pages_made_private_leave_the_search_and_come_back(client, corpus, site_tree):
    restriction = PageViewRestriction.objects.create(
        page=site_tree["stories"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    found = results(client.get("/en/search/", {"q": "lobby"}))
    assert "Madrid makes lobbying visible with a mandatory lobby registry" not in found
    assert "Guide to lobby transparency" in found
    restriction.delete()
    found = results(client.get("/en/search/", {"q": "lobby"}))
    assert "Madrid makes lobbying visible with a mandatory lobby registry" in found


@pytest.mark.django_db
def test_moving_a_page_updates_its_address(client, corpus, site_tree):
    guide = corpus["guide"]
    guide.move(site_tree["training"], pos="last-child")
    html = client.get("/en/search/", {"q": "transparency"}).content.decode()
    assert "/en/training/guide-to-lobby-transparency/" in html


@pytest.mark.django_db
def test_rebuild_recreates_the_same_index(corpus):
    before = set(SearchDocument.objects.values_list("page_id", "title", "locale_id"))
    vocabulary = set(SearchTerm.objects.values_list("locale_id", "term", "frequency"))
    call_command("rebuild_search_documents", verbosity=0)
    assert set(SearchDocument.objects.values_list("page_id", "title", "locale_id")) == before
    assert set(SearchTerm.objects.values_list("locale_id", "term", "frequency")) == vocabulary
    assert rebuild() == len(before)


# Bad input ----------------------------------------------------------------------------------

STRANGE_QUERIES = [
    "",
    "a",
    "lobby " * 200,
    "x" * 1000,
    "😀🏛️",
    "lobby 😀",
    "مكافحة الفساد",
    "שקיפות",
    "'; DROP TABLE search_searchdocument; --",
    '" OR 1=1 --',
    "<script>alert('x')</script>",
    "<b>lobby</b>",
    'lobby* NEAR(a b) AND OR NOT ( ) : ^ "',
    "title:lobby",
    "%_%",
    "\x00\ue000",
]


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


# Query counts -------------------------------------------------------------------------------


def add_lobby_reforms(site_tree, corpus, count):
    """Publish `count` more Madrid stories about lobbying (to see what grows with results)."""
    for number in range(count):
        story = factories.ReformStoryPageFactory(
            parent=site_tree["stories"],
            title=f"Lobby reform {number}",
            member=corpus["madrid"],
            start_year=2010 + number,
        )
        story.policy_areas.set([corpus["lobbying"]])
        publish(story)


# Pinned query counts of the search page and its download, once the per-process caches (site
# root paths, locales, taxonomy names) are warm. A query that finds results looks for no
# spelling suggestion, so a few results cost what many do; SQLite highlights the page's
# snippets with one more, in-process, query.
HIGHLIGHT_QUERIES = 1 if connection.vendor == "sqlite" else 0
SEARCH_PAGE_QUERIES = {"few": 9 + HIGHLIGHT_QUERIES, "many": 9 + HIGHLIGHT_QUERIES}
SEARCH_DOWNLOAD_QUERIES = {"few": 7, "many": 7}


@pytest.mark.django_db
def test_search_page_query_count_is_pinned_whatever_the_number_of_results(
    client, corpus, site_tree, django_assert_num_queries
):
    params = {"q": "lobby", "policy_area": "lobbying"}
    client.get("/en/search/", params)
    with django_assert_num_queries(SEARCH_PAGE_QUERIES["few"]):
        assert total(client.get("/en/search/", params)) == 3
    add_lobby_reforms(site_tree, corpus, 15)
    with django_assert_num_queries(SEARCH_PAGE_QUERIES["many"]):
        assert total(client.get("/en/search/", params)) == 18


# Benchmark commands -------------------------------------------------------------------------


@pytest.mark.django_db
def test_corpus_generator_and_benchmark_run_on_a_small_corpus(corpus, capsys):
    call_command("bench_search", documents=140, repeat=1, verbosity=1)
    output = capsys.readouterr().out
    assert "p50" in output and "p95" in output
    # The benchmark removes its synthetic documents and leaves the real ones.
    assert not SearchDocument.objects.filter(page__isnull=True).exists()
    assert SearchDocument.objects.filter(page_id=corpus["registry"].pk).exists()


@pytest.mark.django_db
def test_generated_corpus_is_searchable_across_languages(client, corpus):
    call_command("generate_search_corpus", documents=210, seed=3, verbosity=0)
    synthetic = SearchDocument.objects.filter(page__isnull=True)
    assert synthetic.count() == 210
    assert set(synthetic.values_list("language_code", flat=True)) == {
        "en",
        "es",
        "fr",
        "pt",
        "ar",
        "id",
        "uk",
    }
    assert set(synthetic.values_list("page_type", flat=True)) >= {"story", "knowledge", "member"}
    assert synthetic.exclude(policy_areas="[]").exists()
    assert total(client.get("/fr/search/", {"q": "transparence"})) > 0
    call_command("generate_search_corpus", clear=True, documents=0, verbosity=0)
    assert not SearchDocument.objects.filter(page__isnull=True).exists()


# Downloads -----------------------------------------------------------------------------------


def streamed(response):
    """The whole body of a streamed download as text."""
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode()


def search_csv(client, params, language="en"):
    """The CSV download of a search as a list of dicts."""
    response = client.get(f"/{language}/search/export/csv/", params)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(streamed(response))))


def search_json(client, params, language="en"):
    """The JSON download of a search, parsed."""
    response = client.get(f"/{language}/search/export/json/", params)
    assert response.status_code == 200
    return json.loads(streamed(response))


def shown_page_ids(params, language="en"):
    """The page ids the search pages show, promoted first, page after page (via run_search)."""
    querydict = QueryDict(mutable=True)
    for key, value in params.items():
        querydict.setlist(key, value if isinstance(value, list) else [value])
    documents, number = [], 1
    with translation.override(language):
        while True:
            querydict["page"] = str(number)
            outcome = run_search(querydict)
            documents += [promotion.document_id for promotion in outcome.promotions]
            documents += [row.id for row in outcome.page.object_list]
            if not outcome.page.has_next():
                break
            number += 1
    page_of = dict(SearchDocument.objects.values_list("id", "page_id"))
    return [page_of[document] for document in documents if document]


def shown_titles(client, params, language="en"):
    """The titles the search pages show (promoted, then results), page after page, as HTML."""
    titles, number = [], 1
    while True:
        response = client.get(f"/{language}/search/", {**params, "page": number})
        titles += promoted_titles(response) + results(response)
        if 'rel="next"' not in response.content.decode():
            return titles
        number += 1


@pytest.mark.django_db
def test_filtered_search_csv_holds_the_rows_of_every_page_in_their_order(
    client, corpus, monkeypatch
):
    monkeypatch.setattr("search.engine.PAGE_SIZE", 1)
    params = {"q": "lobby", "type": ["story", "knowledge"], "policy_area": "lobbying"}
    response = client.get("/en/search/export/csv/", params)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="search-en.csv"'
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    rows = list(csv.DictReader(io.StringIO(streamed(response))))

    assert [int(row["id"]) for row in rows] == shown_page_ids(params)
    assert [row["title"] for row in rows] == shown_titles(client, params)
    assert len(rows) == 3 == total(client.get("/en/search/", params))
    assert list(rows[0]) == [
        "id",
        "translation_key",
        "locale",
        "url",
        "title",
        "summary",
        "type",
        "type_label",
        "promoted",
        "native",
        "last_published_at",
        "policy_areas",
        "policy_areas_names",
        "sdgs",
        "sdgs_names",
        "region",
        "country",
        "country_names",
        "kind",
        "audience",
        "year",
        "licence",
        "licence_url",
    ]
    registry = corpus["registry"]
    first = next(row for row in rows if int(row["id"]) == registry.pk)
    assert first["translation_key"] == str(registry.translation_key)
    assert first["url"] == registry.get_full_url()
    assert first["last_published_at"] == registry.last_published_at.isoformat()
    assert (first["type"], first["type_label"]) == ("story", "Reform stories")
    assert (first["policy_areas"], first["policy_areas_names"]) == ("lobbying", "Lobbying")
    assert first["sdgs"] == "sdg-16"
    assert (first["country"], first["country_names"], first["region"]) == (
        "spain",
        "Spain",
        "europe",
    )
    assert first["year"] == "2021"
    assert (first["promoted"], first["native"]) == ("False", "True")


@pytest.mark.django_db
def test_newest_sort_and_the_suggestions_results_are_downloaded_as_shown(client, corpus):
    params = {"q": "lobbying", "type": "story", "sort": "newest"}
    assert [row["title"] for row in search_csv(client, params)] == [
        "Nairobi publishes the agendas of its officials",
        "Madrid makes lobbying visible with a mandatory lobby registry",
    ]
    # Nothing matches the typo: the page shows the corrected query's results, so does the download.
    data = search_json(client, {"q": "lobby corruptoin"})
    assert [item["title"] for item in data["items"]] == results(
        client.get("/en/search/", {"q": "lobby corruptoin"})
    )
    assert data["items"] and data["query"] == "lobby corruptoin"
    assert data["results_for"] == "lobby corruption"


@pytest.mark.django_db
def test_search_json_download_carries_licence_locale_dates_and_absolute_urls(client, corpus):
    params = {"q": "lobby", "policy_area": "lobbying"}
    data = search_json(client, params)
    assert data["locale"] == "en"
    assert data["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert data["source"] == "http://localhost/en/search/?q=lobby&policy_area=lobbying"
    assert data["total"] == len(data["items"]) == 3
    assert [item["id"] for item in data["items"]] == shown_page_ids(params)
    pages = {page.pk: page for page in (corpus["registry"], corpus["agendas"], corpus["guide"])}
    for item in data["items"]:
        page = pages[item["id"]]
        assert item["url"] == page.get_full_url()
        assert item["url"].startswith("http://")
        assert item["locale"] == "en"
        published = datetime.datetime.fromisoformat(item["last_published_at"])
        assert abs(published - page.last_published_at) < datetime.timedelta(milliseconds=1)
        assert item["licence"] == "CC BY 4.0"
        assert item["licence_url"] == "https://creativecommons.org/licenses/by/4.0/"
        assert item["promoted"] is False and item["native"] is True
        assert "lobbying" in item["policy_areas"]
    guide = next(item for item in data["items"] if item["id"] == corpus["guide"].pk)
    assert (guide["kind"], guide["year"], guide["type"]) == ("guide", 2024, "knowledge")


@pytest.mark.django_db
def test_a_products_own_licence_is_kept_in_the_download(client, corpus):
    guide = corpus["guide"]
    guide.licence = "CC BY-SA 4.0"
    publish(guide)
    rows = {row["title"]: row for row in search_csv(client, {"q": "lobby"})}
    assert rows[guide.title]["licence"] == "CC BY-SA 4.0"
    assert rows[guide.title]["licence_url"] == ""
    story = rows["Madrid makes lobbying visible with a mandatory lobby registry"]
    assert story["licence"] == "CC BY 4.0"


@pytest.mark.django_db
def test_promoted_pages_come_first_in_the_download_and_external_links_are_left_out(client, corpus):
    query = Query.get("lobby")
    SearchPromotion.objects.create(query=query, page=corpus["module"], sort_order=0)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/lobbying",
        external_link_text="Elsewhere",
        sort_order=1,
    )
    SearchPromotion.objects.create(query=query, page=corpus["guide"], sort_order=2)
    SearchPromotion.objects.create(query=query, page=corpus["registry_es"], sort_order=3)
    rows = search_csv(client, {"q": "lobby"})
    ids = [int(row["id"]) for row in rows]
    assert ids[:2] == [corpus["module"].pk, corpus["guide"].pk]
    assert [row["promoted"] for row in rows[:3]] == ["True", "True", "False"]
    assert ids.count(corpus["guide"].pk) == 1
    assert "Elsewhere" not in {row["title"] for row in rows}
    assert ids == shown_page_ids({"q": "lobby"})
    # On a filtered search the page still shows the picks first (they ignore filters).
    assert [int(row["id"]) for row in search_csv(client, {"q": "lobby", "type": "story"})][:2] == [
        corpus["module"].pk,
        corpus["guide"].pk,
    ]
    spanish = search_csv(client, {"q": "lobby"}, language="es")
    assert int(spanish[0]["id"]) == corpus["registry_es"].pk
    assert spanish[0]["promoted"] == "True"


@pytest.mark.django_db
def test_spanish_search_download_is_in_spanish_with_english_fallbacks_marked(
    client, corpus, locales
):
    lobbying_es = corpus["lobbying"].copy_for_translation(locales["es"])
    lobbying_es.name = "Cabildeo"
    lobbying_es.save()
    response = client.get("/es/search/export/csv/", {"q": "lobby"})
    assert response["Content-Disposition"] == 'attachment; filename="search-es.csv"'
    rows = list(csv.DictReader(io.StringIO(streamed(response))))
    assert [int(row["id"]) for row in rows] == shown_page_ids({"q": "lobby"}, language="es")
    first = rows[0]
    assert first["title"] == "Madrid hace visible el lobby con un registro obligatorio"
    assert int(first["id"]) == corpus["registry_es"].pk
    assert (first["locale"], first["native"]) == ("es", "True")
    assert first["url"] == corpus["registry_es"].get_full_url()
    assert first["type_label"] == "Historias de reforma"
    assert (first["policy_areas"], first["policy_areas_names"]) == ("lobbying", "Cabildeo")
    guide = next(row for row in rows if row["title"] == "Guide to lobby transparency")
    assert (guide["locale"], guide["native"]) == ("en", "False")
    assert guide["type_label"] == "Productos de conocimiento"
    data = search_json(client, {"q": "lobby"}, language="es")
    assert data["locale"] == "es"
    assert data["items"][0]["policy_areas_names"] == ["Cabildeo"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_a_query_too_short_or_strange_gives_an_empty_or_clean_download(client, corpus, language):
    for query in STRANGE_QUERIES:
        for export_format in ("csv", "json"):
            response = client.get(
                f"/{language}/search/export/{export_format}/",
                {"q": query, "type": "alien", "year": "20x1", "page": "99999"},
            )
            assert response.status_code == 200, query
            body = streamed(response)
            if export_format == "json":
                json.loads(body)
            else:
                list(csv.DictReader(io.StringIO(body)))
    for query in ("", "a", "😀😀"):
        assert search_csv(client, {"q": query}, language) == []
        data = search_json(client, {"q": query}, language)
        assert data["items"] == [] and data["total"] == 0
    csv_text = streamed(client.get(f"/{language}/search/export/csv/"))
    assert csv_text.startswith("id,translation_key,locale,url,title,summary,type,type_label")
    assert csv_text.count("\n") == 1


@pytest.mark.django_db
def test_unknown_filter_values_are_ignored_in_the_download(client, corpus):
    plain = search_csv(client, {"q": "lobby"})
    odd = search_csv(
        client, {"q": "lobby", "policy_area": "no-such-area", "kind": "<script>", "sort": "up"}
    )
    assert [row["id"] for row in odd] == [row["id"] for row in plain]
    assert plain


@pytest.mark.django_db
def test_the_download_reads_results_in_chunks_without_highlighting(client, corpus, monkeypatch):
    params = {"q": "lobbying"}
    expected = total(client.get("/en/search/", params))
    assert expected >= 3
    calls = []
    original = SearchBackend.results

    def spy(self, spec, sort, limit, offset, highlight=True):
        calls.append((limit, offset, highlight))
        return original(self, spec, sort, limit, offset, highlight=highlight)

    monkeypatch.setattr(SearchBackend, "results", spy)
    monkeypatch.setattr(SearchBackend, "highlight", lambda *args: pytest.fail("highlighted"))
    monkeypatch.setattr("search.exports.CHUNK_SIZE", 2)

    response = client.get("/en/search/export/csv/", params)
    assert isinstance(response, StreamingHttpResponse)
    assert calls == []  # nothing is read before the stream is
    lines = iter(response.streaming_content)
    assert next(lines).decode().startswith("id,")
    next(lines)
    assert calls == [(2, 0, False)]  # the first chunk only
    rows = 1 + sum(1 for _line in lines)
    assert rows == expected
    assert calls == [(2, offset, False) for offset in range(0, expected, 2)]


@pytest.mark.django_db
def test_download_queries_grow_per_chunk_not_per_row(
    client, corpus, site_tree, monkeypatch, django_assert_num_queries
):
    params = {"q": "lobby", "policy_area": "lobbying"}
    search_json(client, params)  # warm caches (site, locales, taxonomy names)
    with django_assert_num_queries(SEARCH_DOWNLOAD_QUERIES["few"]):
        assert len(search_json(client, params)["items"]) == 3
    add_lobby_reforms(site_tree, corpus, 15)
    with django_assert_num_queries(SEARCH_DOWNLOAD_QUERIES["many"]):
        assert len(search_json(client, params)["items"]) == 18
    # Smaller chunks: two queries per chunk (its results, its documents with their pages).
    monkeypatch.setattr("search.exports.CHUNK_SIZE", 5)
    with django_assert_num_queries(SEARCH_DOWNLOAD_QUERIES["many"] + 2 * (4 - 1)):
        search_json(client, params)


@pytest.mark.django_db
def test_search_page_links_its_downloads_for_the_same_search(client, corpus):
    html = client.get("/en/search/", {"q": "lobby", "type": "story"}).content.decode()
    assert 'href="/en/search/export/csv/?q=lobby&amp;type=story"' in html
    assert 'href="/en/search/export/json/?q=lobby&amp;type=story"' in html
    assert "every result of the filters you chose" in html
    spanish = client.get("/es/search/", {"q": "lobby"}).content.decode()
    assert 'href="/es/search/export/csv/?q=lobby"' in spanish
    assert "Descargar en CSV" in spanish
    for params in ({"q": "a"}, {"q": "zzzqqq"}, {}):
        assert "/search/export/" not in client.get("/en/search/", params).content.decode()


@pytest.mark.django_db
def test_benchmark_rows_without_a_page_are_downloaded_without_an_id(client, corpus):
    call_command("generate_search_corpus", documents=70, seed=3, verbosity=0)
    rows = search_csv(client, {"q": "transparence"}, language="fr")
    synthetic = [row for row in rows if row["id"] == ""]
    assert synthetic
    assert all(row["last_published_at"] == "" and row["locale"] for row in synthetic)
    assert all(row["url"].startswith("http") and row["translation_key"] for row in rows)
    # Real pages among them keep their ids and dates.
    assert all(row["last_published_at"] for row in rows if row["id"])
    call_command("generate_search_corpus", clear=True, documents=0, verbosity=0)
