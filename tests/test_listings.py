"""Listings: each filter returns the right pages with the right counts; bad input is a clear 404."""

import datetime

import pytest
import wagtail_factories

from tests import factories
from tests.conftest import make_locales, make_site_tree, rolled_back, shared


def titles(response):
    """Titles of the results on the page, in the order shown."""
    return [item.title for item in response.context["results"].object_list]


def counts(response, param):
    """The counts shown next to each option of the filter bound to `param`."""
    listing_filter = next(f for f in response.context["listing"].filters if f.param == param)
    return {option.value: option.count for option in listing_filter.options}


def selected(response, param):
    """The options of a filter shown as chosen."""
    listing_filter = next(f for f in response.context["listing"].filters if f.param == param)
    return [option.value for option in listing_filter.options if option.selected]


def make_places():
    """Three countries in three regions."""
    return {
        "spain": factories.CountryFactory(name="Spain", slug="spain", region="europe"),
        "brazil": factories.CountryFactory(
            name="Brazil", slug="brazil", iso_code="BR", region="americas"
        ),
        "kenya": factories.CountryFactory(
            name="Kenya", slug="kenya", iso_code="KE", region="africa-middle-east"
        ),
    }


def make_members(site_tree, places):
    """Four members of three kinds in three countries."""
    parent = site_tree["members"]
    make = factories.MemberProfilePageFactory
    return {
        "madrid": make(parent=parent, title="Madrid", country=places["spain"], kind="city"),
        "basque": make(
            parent=parent, title="Basque Country", country=places["spain"], kind="region"
        ),
        "sao-paulo": make(parent=parent, title="São Paulo", country=places["brazil"], kind="city"),
        "elgeyo": make(
            parent=parent, title="Elgeyo Marakwet", country=places["kenya"], kind="county"
        ),
    }


def make_terms():
    """Three policy areas and three goals."""
    area = factories.PolicyAreaFactory
    goal = factories.SDGFactory
    return {
        "lobbying": area(name="Lobbying", slug="lobbying"),
        "open-data": area(name="Open data", slug="open-data"),
        "participation": area(name="Participation", slug="participation"),
        "sdg-5": goal(number=5, name="Gender equality", slug="sdg-5"),
        "sdg-11": goal(number=11, name="Sustainable cities", slug="sdg-11"),
        "sdg-16": goal(number=16, name="Peace and justice", slug="sdg-16"),
    }


def make_stories(site_tree, members, terms):
    """Four stories spread over areas, goals, places, statuses and years."""

    def make(title, member, areas, goals, status, year):
        return factories.ReformStoryPageFactory(
            parent=site_tree["stories"],
            title=title,
            member=members[member],
            policy_areas=[terms[a] for a in areas],
            sdgs=[terms[g] for g in goals],
            status=status,
            start_year=year,
        )

    return {
        "lobby": make("Lobby register", "madrid", ["lobbying"], ["sdg-16"], "completed", 2018),
        "eskola": make("Open Eskola", "basque", ["participation"], ["sdg-11"], "in_progress", 2020),
        "observa": make(
            "ObservaSampa", "sao-paulo", ["open-data"], ["sdg-11", "sdg-16"], "completed", 2019
        ),
        "budget": make(
            "Budget hearings", "elgeyo", ["participation", "open-data"], ["sdg-5"], "planned", 2020
        ),
    }


# Stories


@pytest.mark.django_db
def test_story_listing_shows_every_live_story_newest_first(client, stories):
    response = client.get("/en/stories/")
    assert response.status_code == 200
    shown = response.context["results"].object_list
    assert len(shown) == 4
    years = [story.start_year for story in shown]
    assert years == sorted(years, reverse=True)
    assert "X-Robots-Tag" not in response


@pytest.mark.django_db
def test_draft_stories_are_not_listed(client, stories):
    stories["lobby"].unpublish()
    response = client.get("/en/stories/")
    assert "Lobby register" not in titles(response)
    assert counts(response, "policy_area").get("lobbying", 0) == 0


@pytest.mark.django_db
def test_story_filter_by_policy_area_and_its_counts(client, stories):
    response = client.get("/en/stories/", {"policy_area": "lobbying"})
    assert titles(response) == ["Lobby register"]
    assert selected(response, "policy_area") == ["lobbying"]
    # Counts of a filter ignore its own choice, so other areas still show what they would add.
    assert counts(response, "policy_area") == {"lobbying": 1, "open-data": 2, "participation": 2}
    # Other filters count within the chosen area.
    assert counts(response, "status") == {"completed": 1}


@pytest.mark.django_db
def test_choosing_two_values_of_one_filter_shows_stories_with_either(client, stories):
    response = client.get("/en/stories/", {"policy_area": ["lobbying", "open-data"]})
    assert set(titles(response)) == {"Lobby register", "ObservaSampa", "Budget hearings"}


@pytest.mark.django_db
def test_story_filter_by_sdg_and_its_counts(client, stories):
    response = client.get("/en/stories/", {"sdg": "sdg-16"})
    assert set(titles(response)) == {"Lobby register", "ObservaSampa"}
    assert counts(response, "sdg") == {"sdg-5": 1, "sdg-11": 2, "sdg-16": 2}
    options = next(f for f in response.context["listing"].filters if f.param == "sdg").options
    assert [option.value for option in options] == ["sdg-5", "sdg-11", "sdg-16"]


@pytest.mark.django_db
def test_story_filter_by_region_and_its_counts(client, stories):
    response = client.get("/en/stories/", {"region": "europe"})
    assert set(titles(response)) == {"Lobby register", "Open Eskola"}
    assert counts(response, "region") == {"europe": 2, "americas": 1, "africa-middle-east": 1}
    assert counts(response, "country") == {"spain": 2}


@pytest.mark.django_db
def test_story_filter_by_country_and_its_counts(client, stories):
    response = client.get("/en/stories/", {"country": "kenya"})
    assert titles(response) == ["Budget hearings"]
    assert counts(response, "country") == {"spain": 2, "brazil": 1, "kenya": 1}


@pytest.mark.django_db
def test_story_filter_by_status_and_its_counts(client, stories):
    response = client.get("/en/stories/", {"status": "completed"})
    assert set(titles(response)) == {"Lobby register", "ObservaSampa"}
    assert counts(response, "status") == {"completed": 2, "in_progress": 1, "planned": 1}


@pytest.mark.django_db
def test_story_filter_by_year_and_its_counts(client, stories):
    response = client.get("/en/stories/", {"year": "2020"})
    assert set(titles(response)) == {"Open Eskola", "Budget hearings"}
    assert counts(response, "year") == {"2018": 1, "2019": 1, "2020": 2}


@pytest.mark.django_db
def test_story_filters_combine(client, stories):
    response = client.get("/en/stories/", {"region": "europe", "status": "completed"})
    assert titles(response) == ["Lobby register"]
    assert counts(response, "status") == {"completed": 1, "in_progress": 1}
    assert counts(response, "region") == {"europe": 1, "americas": 1}


@pytest.mark.django_db
def test_filtered_story_listing_tells_search_engines_not_to_index_it(client, stories):
    response = client.get("/en/stories/", {"status": "completed"})
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.django_db
def test_story_listing_sorts_a_to_z(client, stories):
    response = client.get("/en/stories/", {"sort": "title"})
    assert titles(response) == ["Budget hearings", "Lobby register", "ObservaSampa", "Open Eskola"]


@pytest.mark.django_db
def test_unknown_sort_falls_back_to_newest_first(client, stories):
    response = client.get("/en/stories/", {"sort": "random"})
    assert response.status_code == 200
    assert response.context["listing"].sort == "newest"


@pytest.mark.django_db
def test_unknown_filter_values_are_ignored(client, stories):
    response = client.get(
        "/en/stories/",
        {
            "policy_area": "no-such-area",
            "sdg": "sdg-99",
            "region": "atlantis",
            "country": "narnia",
            "status": "abandoned",
            "year": "20x0",
            "colour": "blue",
        },
    )
    assert response.status_code == 200
    assert len(titles(response)) == 4
    assert not response.context["listing"].is_filtered


@pytest.mark.django_db
def test_story_listing_paginates(client, stories, settings):
    settings.LISTING_PAGE_SIZE = 3
    first = client.get("/en/stories/")
    second = client.get("/en/stories/", {"page": "2"})
    assert len(titles(first)) == 3
    assert len(titles(second)) == 1
    assert set(titles(first)) | set(titles(second)) == {s.title for s in stories.values()}
    assert first.context["results"].paginator.count == 4


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, stories, settings):
    settings.LISTING_PAGE_SIZE = 1
    response = client.get("/en/stories/", {"status": "completed", "page": "2"})
    assert response.context["results"].paginator.count == 2
    assert len(titles(response)) == 1
    assert "status=completed" in response.context["listing"].querystring(page=3)


@pytest.mark.django_db
def test_page_beyond_the_last_is_a_404_with_a_message(client, stories):
    response = client.get("/en/stories/", {"page": "99999"})
    assert response.status_code == 404
    assert "There is no page 99999 of these results." in response.content.decode()


@pytest.mark.django_db
def test_page_that_is_not_a_number_is_a_404_with_a_message(client, stories):
    response = client.get("/en/stories/", {"page": "abc"})
    assert response.status_code == 404
    assert "The page number must be a whole number." in response.content.decode()


# Members


@pytest.mark.django_db
def test_member_directory_lists_every_member(client, members):
    response = client.get("/en/members/")
    assert response.status_code == 200
    assert set(titles(response)) == {"Madrid", "Basque Country", "São Paulo", "Elgeyo Marakwet"}
    assert counts(response, "kind") == {"city": 2, "region": 1, "county": 1}


@pytest.mark.django_db
def test_member_filter_by_region_and_its_counts(client, members):
    response = client.get("/en/members/", {"region": "europe"})
    assert set(titles(response)) == {"Madrid", "Basque Country"}
    assert counts(response, "region") == {"europe": 2, "americas": 1, "africa-middle-east": 1}
    assert counts(response, "kind") == {"city": 1, "region": 1}


@pytest.mark.django_db
def test_member_filter_by_kind_and_its_counts(client, members):
    response = client.get("/en/members/", {"kind": "city"})
    assert set(titles(response)) == {"Madrid", "São Paulo"}
    assert counts(response, "country") == {"spain": 1, "brazil": 1}


@pytest.mark.django_db
def test_member_filter_by_country_and_its_counts(client, members):
    response = client.get("/en/members/", {"country": "spain"})
    assert set(titles(response)) == {"Madrid", "Basque Country"}
    assert counts(response, "country") == {"spain": 2, "brazil": 1, "kenya": 1}


@pytest.mark.django_db
def test_member_directory_ignores_unknown_filter_values(client, members):
    response = client.get("/en/members/", {"region": "atlantis", "kind": "empire"})
    assert response.status_code == 200
    assert len(titles(response)) == 4


# Knowledge


def make_products(site_tree, terms):
    """Three products of different kinds, years and file languages."""

    def document_files(*languages):
        return [
            (
                "file",
                {
                    "document": wagtail_factories.DocumentFactory(),
                    "language": code,
                    "label": f"Report ({code})",
                },
            )
            for code in languages
        ]

    make = factories.KnowledgeProductPageFactory
    parent = site_tree["knowledge"]
    return {
        "guide": make(
            parent=parent,
            title="Open data guide",
            kind="guide",
            publication_date=datetime.date(2024, 3, 1),
            files=document_files("en", "es"),
            external_url="",
            policy_areas=[terms["open-data"]],
        ),
        "report": make(
            parent=parent,
            title="Lobbying research",
            kind="research_report",
            publication_date=datetime.date(2023, 6, 1),
            files=document_files("fr"),
            external_url="",
            policy_areas=[terms["lobbying"]],
        ),
        "toolkit": make(
            parent=parent,
            title="Participation toolkit",
            kind="toolkit",
            publication_date=datetime.date(2024, 9, 1),
            policy_areas=[terms["open-data"], terms["participation"]],
        ),
    }


# Every test reads one set of pages, built once for the module and rolled back after it; under
# pytest-xdist the module stays on one worker so that happens once.
pytestmark = pytest.mark.xdist_group("listings")


@pytest.fixture(scope="module", name="module_data")
def listing_site(django_db_setup, django_db_blocker):
    """Places, members, terms, stories and products under one site tree."""
    with rolled_back(django_db_blocker):
        locales = make_locales()
        tree = make_site_tree(locales)
        places = make_places()
        members = make_members(tree, places)
        terms = make_terms()
        yield {
            "locales": locales,
            "site_tree": tree,
            "places": places,
            "members": members,
            "terms": terms,
            "stories": make_stories(tree, members, terms),
            "products": make_products(tree, terms),
        }


locales, site_tree, places, members, terms, stories, products = shared(
    "locales", "site_tree", "places", "members", "terms", "stories", "products"
)


@pytest.mark.django_db
def test_knowledge_filter_by_kind_and_its_counts(client, products):
    response = client.get("/en/knowledge/", {"kind": "guide"})
    assert response.status_code == 200
    assert titles(response) == ["Open data guide"]
    assert counts(response, "kind") == {"guide": 1, "research_report": 1, "toolkit": 1}


@pytest.mark.django_db
def test_knowledge_filter_by_policy_area_and_its_counts(client, products):
    response = client.get("/en/knowledge/", {"policy_area": "open-data"})
    assert set(titles(response)) == {"Open data guide", "Participation toolkit"}
    assert counts(response, "policy_area") == {"open-data": 2, "lobbying": 1, "participation": 1}


@pytest.mark.django_db
def test_knowledge_filter_by_language_of_files_and_its_counts(client, products):
    response = client.get("/en/knowledge/", {"language": "es"})
    assert titles(response) == ["Open data guide"]
    assert counts(response, "language") == {"en": 1, "es": 1, "fr": 1}
    response = client.get("/en/knowledge/", {"language": ["fr", "es"]})
    assert set(titles(response)) == {"Open data guide", "Lobbying research"}


@pytest.mark.django_db
def test_knowledge_filter_by_year_and_its_counts(client, products):
    response = client.get("/en/knowledge/", {"year": "2024"})
    assert titles(response) == ["Participation toolkit", "Open data guide"]
    assert counts(response, "year") == {"2024": 2, "2023": 1}


@pytest.mark.django_db
def test_knowledge_listing_ignores_unknown_filter_values(client, products):
    response = client.get("/en/knowledge/", {"language": "xx", "kind": "novel", "year": "1"})
    assert response.status_code == 200
    assert len(titles(response)) == 3


# Query counts are pinned, and stay the same with more items shown. Counts are taken once the
# per-process caches (site root paths, default locale) are warm.
STORY_LISTING_QUERIES = 33
MEMBER_DIRECTORY_QUERIES = 25
KNOWLEDGE_LISTING_QUERIES = 28


def get_with_queries(client, url, django_assert_num_queries, budget):
    """GET `url` (after one warming GET) in exactly `budget` queries."""
    client.get(url)
    with django_assert_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.django_db
def test_story_listing_queries_are_pinned_whatever_the_number_of_stories(
    client, stories, members, terms, django_assert_num_queries
):
    get_with_queries(client, "/en/stories/", django_assert_num_queries, STORY_LISTING_QUERIES)
    for n in range(4):
        factories.ReformStoryPageFactory(
            parent=stories["lobby"].get_parent(),
            title=f"More {n}",
            member=members["basque"],
            policy_areas=[terms["lobbying"], terms["open-data"]],
            sdgs=[terms["sdg-5"]],
        )
    get_with_queries(client, "/en/stories/", django_assert_num_queries, STORY_LISTING_QUERIES)


@pytest.mark.django_db
def test_member_directory_queries_are_pinned_whatever_the_number_of_members(
    client, members, places, site_tree, django_assert_num_queries
):
    get_with_queries(client, "/en/members/", django_assert_num_queries, MEMBER_DIRECTORY_QUERIES)
    for n in range(4):
        factories.MemberProfilePageFactory(
            parent=site_tree["members"], title=f"Member {n}", country=places["brazil"]
        )
    get_with_queries(client, "/en/members/", django_assert_num_queries, MEMBER_DIRECTORY_QUERIES)


@pytest.mark.django_db
def test_knowledge_listing_queries_are_pinned_whatever_the_number_of_products(
    client, products, terms, site_tree, django_assert_num_queries
):
    budget = KNOWLEDGE_LISTING_QUERIES
    get_with_queries(client, "/en/knowledge/", django_assert_num_queries, budget)
    for n in range(4):
        factories.KnowledgeProductPageFactory(
            parent=site_tree["knowledge"], title=f"Product {n}", policy_areas=[terms["lobbying"]]
        )
    get_with_queries(client, "/en/knowledge/", django_assert_num_queries, budget)


def spanish_copy(page, locales):
    """A live Spanish copy of `page` (its parents copied too), as wagtail-localize would make."""
    copy = page.copy_for_translation(locales["es"], copy_parents=True)
    copy.save_revision().publish()
    return copy


@pytest.mark.django_db
def test_spanish_member_directory_lists_untranslated_members_in_english(
    client, site_tree, members, locales
):
    spanish_copy(site_tree["members"], locales)
    response = client.get("/es/members/")
    assert response.status_code == 200
    assert {"Madrid", "São Paulo", "Elgeyo Marakwet"} <= set(titles(response))


@pytest.mark.django_db
def test_spanish_training_index_lists_untranslated_modules_in_english(client, site_tree, locales):
    factories.TrainingModulePageFactory(parent=site_tree["training"], title="Open basics")
    spanish_copy(site_tree["training"], locales)
    response = client.get("/es/training/")
    assert response.status_code == 200
    assert "Open basics" in response.content.decode()
