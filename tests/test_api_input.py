"""The API refuses every bad parameter value with a 400 that names it, never a 500."""

import pytest
import wagtail_factories
from django.test import Client

from tests import factories
from tests.conftest import built_once, shared

pytestmark = pytest.mark.xdist_group("api_input")

TOO_BIG = "9223372036854775808"  # one more than the largest 64-bit integer


def api_content(site_tree, locales):
    """A story about lobbying (with its member), an image and a document."""
    lobbying = factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
    member = factories.MemberProfilePageFactory(parent=site_tree["members"], title="Madrid")
    story = factories.ReformStoryPageFactory(
        parent=site_tree["stories"],
        title="Open lobby register",
        member=member,
        policy_areas=[lobbying],
    )
    image = factories.ImageFactory(title="Open council")
    document = wagtail_factories.DocumentFactory(title="Open budget")
    return {"story": story, "member": member, "image": image, "document": document}


module_data = built_once(api_content, name="content")


locales, site_tree, content = shared("locales", "site_tree", "content")


@pytest.fixture
def anonymous():
    """A client that turns server errors into responses, as a visitor would see them."""
    return Client(raise_request_exception=False)


def bad_request(response, parameter):
    """Assert a JSON 400 whose message names the parameter; return the message."""
    assert response.status_code == 400, (response.status_code, response.content[:300])
    message = response.json()["message"]
    assert parameter in message
    return message


STORIES = {"type": "stories.ReformStoryPage"}


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"site": "x"}, "site"),
        ({"site": "x:abc"}, "site"),
        ({"site": "localhost:" + TOO_BIG}, "site"),
        ({"site": "localhost\x00"}, "site"),
        ({"search": "open", "search_operator": "x"}, "search_operator"),
        ({"offset": TOO_BIG}, "offset"),
        ({"offset": "-1"}, "offset"),
        ({"limit": TOO_BIG}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"child_of": TOO_BIG}, "child_of"),
        ({"ancestor_of": TOO_BIG}, "ancestor_of"),
        ({"descendant_of": TOO_BIG}, "descendant_of"),
        ({"translation_of": TOO_BIG}, "translation_of"),
        ({"id": TOO_BIG}, "id"),
        ({"id": "-" + TOO_BIG}, "id"),
        ({"locale": "xx"}, "locale"),
        ({"locale": "e\x00s"}, "locale"),
        ({"policy_area": "lobby\x00ing"}, "policy_area"),
        ({"first_published_at": "yesterday"}, "first_published_at"),
        ({"type": "stories.ReformStoryPage\x00"}, "type"),
        ({**STORIES, "start_year": TOO_BIG}, "start_year"),
        ({**STORIES, "member": TOO_BIG}, "member"),
        ({**STORIES, "member": "Madrid"}, "member"),
        ({**STORIES, "status": "completed\x00"}, "status"),
        ({"fields": "title\x00"}, "fields"),
        ({"order": "title\x00"}, "order"),
    ],
)
def test_pages_listing_refuses_a_bad_value_naming_the_parameter(anonymous, content, params, named):
    bad_request(anonymous.get("/api/v2/pages/", params), named)


COLLECTION_CASES = [
    ({"offset": TOO_BIG}, "offset"),
    ({"id": TOO_BIG}, "id"),
    ({"title": "x\x00"}, "title"),
    ({"search": "open", "search_operator": "nor"}, "search_operator"),
]


@pytest.mark.parametrize(
    ("endpoint", "params", "named"),
    [
        *[("images", params, named) for params, named in COLLECTION_CASES],
        *[("documents", params, named) for params, named in COLLECTION_CASES],
        ("images", {"width": TOO_BIG}, "width"),
        ("images", {"height": "tall"}, "height"),
    ],
)
def test_image_and_document_listings_refuse_a_bad_value_naming_it(
    anonymous, content, endpoint, params, named
):
    bad_request(anonymous.get(f"/api/v2/{endpoint}/", params), named)


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("value", ["abc", TOO_BIG, "-1", "1\x00"])
def test_find_refuses_an_id_that_is_not_one(anonymous, content, endpoint, value):
    bad_request(anonymous.get(f"/api/v2/{endpoint}/find/", {"id": value}), "id")


def test_find_by_path_refuses_a_null_character(anonymous, content):
    bad_request(anonymous.get("/api/v2/pages/find/", {"html_path": "/stories/\x00/"}), "html_path")


def test_find_still_leads_to_the_page(anonymous, content):
    story = content["story"]
    response = anonymous.get("/api/v2/pages/find/", {"id": story.pk})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/pages/{story.pk}/?")


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_detail_of_an_impossible_id_is_a_json_404(anonymous, content, endpoint):
    response = anonymous.get(f"/api/v2/{endpoint}/{TOO_BIG}/")
    assert response.status_code == 404
    assert response.json()["message"]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_detail_refuses_bad_fields_naming_them(anonymous, content, endpoint):
    target = {"pages": "story", "images": "image", "documents": "document"}[endpoint]
    address = f"/api/v2/{endpoint}/{content[target].pk}/"
    bad_request(anonymous.get(address, {"fields": "title\x00"}), "fields")
    bad_request(anonymous.get(address, {"fields": "colour"}), "colour")


def test_good_values_still_filter(anonymous, content):
    story, member = content["story"], content["member"]
    response = anonymous.get(
        "/api/v2/pages/",
        {
            **STORIES,
            "member": member.pk,
            "policy_area": "lobbying",
            "site": "localhost:80",
            "locale": "en",
            "offset": "0",
            "limit": "5",
        },
    )
    assert response.status_code == 200, response.content
    assert [item["id"] for item in response.json()["items"]] == [story.pk]
