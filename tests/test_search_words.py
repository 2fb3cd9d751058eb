"""Search text is words, never a search engine's query syntax: the API, the admin, the site."""

import pytest
import wagtail_factories
from django.test import Client

from tests import factories
from tests.conftest import built_once, shared

pytestmark = pytest.mark.xdist_group("search_words")

# What FTS5, tsquery or Wagtail's own parser would read as syntax, around the one word "open".
AROUND_OPEN = [
    '"open',
    '"open" "',
    "open\x00",
    "open*",
    "^open",
    "'open'",
    "open\\",
    "(open)",
    "-open",
    "open & | ! ( ) :*",
]
# Syntax and no word at all: nothing to find.
NO_WORDS = ['"', "\x00", "*", "%_", "&|!", "( )", ":", "{}"]
# Syntax between words (Wagtail's database search requires every word).
BETWEEN_WORDS = [
    "open AND zzzz",
    "zzzz OR open",
    "NOT zzzz open",
    "NEAR(open lobby)",
    "title:open",
    "{title}: open",
]
SYNTAX = AROUND_OPEN + NO_WORDS + BETWEEN_WORDS


def open_content(site_tree, locales):
    """A live story, an image and a document, each with "open" in its title."""
    story = factories.ReformStoryPageFactory(
        parent=site_tree["stories"], title="Open lobby register"
    )
    story.save_revision().publish()
    image = factories.ImageFactory(title="Open council")
    document = wagtail_factories.DocumentFactory(title="Open budget")
    return {"story": story, "image": image, "document": document}


module_data = built_once(open_content, name="content")


locales, site_tree, content = shared("locales", "site_tree", "content")


@pytest.fixture
def anonymous():
    """A client that turns server errors into responses, as a visitor would see them."""
    return Client(raise_request_exception=False)


@pytest.fixture
def editor_client(django_user_model, locales):
    """A signed-in communications editor (no superuser rights)."""
    user = factories.make_user("editor", "Communications editors")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


ENDPOINT_TARGETS = {"pages": "story", "images": "image", "documents": "document"}


def api_search(client, endpoint, **params):
    """The ids an API search answers, after checking it answered 200."""
    response = client.get(f"/api/v2/{endpoint}/", params)
    assert response.status_code == 200, response.content[:300]
    return [item["id"] for item in response.json()["items"]]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("text", AROUND_OPEN)
def test_api_search_finds_the_word_inside_syntax(anonymous, content, endpoint, text):
    target = content[ENDPOINT_TARGETS[endpoint]]
    assert api_search(anonymous, endpoint, search=text) == [target.pk]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("text", NO_WORDS)
def test_api_search_of_syntax_alone_finds_nothing(anonymous, content, endpoint, text):
    assert api_search(anonymous, endpoint, search=text) == []


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("text", BETWEEN_WORDS)
def test_api_search_reads_operators_as_words(anonymous, content, endpoint, text):
    # "zzzz", "near", "title" are words the titles do not hold, and every word is required
    # (PostgreSQL leaves out "and", "or", "not" as English stop words; SQLite looks for them).
    assert api_search(anonymous, endpoint, search=text) == []
    assert api_search(anonymous, endpoint, search=text, search_operator="or") == [
        content[ENDPOINT_TARGETS[endpoint]].pk
    ]


def test_api_search_minus_is_no_exclusion(anonymous, content):
    assert api_search(anonymous, "pages", search="open -lobby") == [content["story"].pk]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("operator", ["and", "or", "AND"])
def test_api_search_operator_still_combines_words(anonymous, content, endpoint, operator):
    response = anonymous.get(
        f"/api/v2/{endpoint}/", {"search": '"open" zzzz', "search_operator": operator}
    )
    assert response.status_code == 200
    found = [item["id"] for item in response.json()["items"]]
    expected = [] if operator.lower() == "and" else [content[ENDPOINT_TARGETS[endpoint]].pk]
    assert found == expected


@pytest.mark.parametrize("address", ["/admin/images/", "/admin/documents/", "/admin/pages/search/"])
@pytest.mark.parametrize("text", ['"', "\x00", '"open', "open AND", "NEAR(open lobby)"])
def test_admin_search_reads_syntax_as_words(editor_client, content, address, text):
    response = editor_client.get(address, {"q": text})
    assert response.status_code == 200


def test_admin_search_still_finds_by_word(admin_client, content):
    response = admin_client.get("/admin/images/", {"q": '"open'})
    assert response.status_code == 200
    assert "Open council" in response.content.decode()


@pytest.mark.parametrize("text", SYNTAX)
def test_site_search_and_autocomplete_read_syntax_as_words(anonymous, content, text):
    assert anonymous.get("/en/search/", {"q": text}).status_code == 200
    assert anonymous.get("/en/search/autocomplete/", {"q": text}).status_code == 200
