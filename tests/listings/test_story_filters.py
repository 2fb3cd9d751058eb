"""Each story filter and sort returns the right stories with the right counts."""

import pytest

from tests.listings.readers import counts, selected, titles

pytestmark = pytest.mark.xdist_group("listings")


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
