"""The read-only API lists and filters every page type and explains bad input in JSON."""

import pytest

from stories.models import ReformStoryPage

pytestmark = pytest.mark.xdist_group("open_data")


@pytest.mark.django_db
def test_api_lists_every_story_with_its_policy_areas_in_the_story_language(client, content):
    response = client.get(
        "/api/v2/pages/",
        {"type": "stories.ReformStoryPage", "fields": "policy_areas,member", "limit": 100},
    )
    assert response.status_code == 200
    items = {item["id"]: item for item in response.json()["items"]}
    live = ReformStoryPage.objects.live()
    assert set(items) == set(live.values_list("pk", flat=True))
    assert items[content["meetings"].pk]["policy_areas"] == [
        {"name": "Lobbying", "slug": "lobbying"},
        {"name": "Open budgets", "slug": "open-budgets"},
    ]
    assert items[content["register_es"].pk]["policy_areas"] == [
        {"name": "Cabildeo", "slug": "lobbying"}
    ]
    assert items[content["register"].pk]["member"] == {
        "id": content["madrid"].pk,
        "title": "Madrid",
        "url": content["madrid"].get_full_url(),
    }


@pytest.mark.django_db
def test_api_filters_pages_by_type_locale_and_policy_area(client, content):
    def ids(**params):
        response = client.get("/api/v2/pages/", {"limit": 100, **params})
        assert response.status_code == 200, response.content
        return {item["id"] for item in response.json()["items"]}

    spanish = ids(locale="es")
    assert spanish == {content["home_es"].pk, content["stories_es"].pk, content["register_es"].pk}
    assert ids(type="stories.ReformStoryPage", locale="es") == {content["register_es"].pk}
    lobbying = {
        content["register"].pk,
        content["meetings"].pk,
        content["register_es"].pk,
        content["guide"].pk,
        content["brief"].pk,
    }
    assert ids(policy_area="lobbying") == lobbying
    assert ids(policy_area="lobbying", type="knowledge.KnowledgeProductPage") == {
        content["guide"].pk,
        content["brief"].pk,
    }
    assert ids(policy_area="lobbying,open-budgets", locale="en") == lobbying - {
        content["register_es"].pk
    } | {content["budget"].pk, content["report"].pk}
    assert ids(policy_area="no-such-area") == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page_type",
    [
        "stories.ReformStoryPage",
        "stories.MemberProfilePage",
        "knowledge.KnowledgeProductPage",
        "knowledge.TrainingModulePage",
    ],
)
def test_api_exposes_every_field_of_each_content_type(client, content, page_type):
    response = client.get("/api/v2/pages/", {"type": page_type, "fields": "*"})
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["summary"]
    assert item["meta"]["locale"] == "en"


@pytest.mark.django_db
def test_api_is_read_only_and_explains_unknown_parameters(client, content):
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405
    response = client.get("/api/v2/pages/", {"colour": "red"})
    assert response.status_code == 400
    assert "colour" in response.json()["message"]
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


@pytest.mark.django_db
def test_api_answers_a_missing_page_with_a_json_404_not_a_redirect(client, content):
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()
