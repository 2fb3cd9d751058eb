"""No anonymous query string makes a public address answer 5xx or show a traceback.

Hypothesis generates parameters for every public endpoint: the names it reads with hostile
values, unknown names, repeats, unicode, NUL, huge numbers, quotes and full-text query syntax.
Examples per endpoint are weighted by the cost of one request (FUZZ_SCALE multiplies them),
several thousand requests in all; a failure prints the smallest query string that fails.
"""

import datetime
import json
import os
from pathlib import Path
from urllib.parse import quote

import pytest
import wagtail_factories
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.models import EventIndexPage
from home.feeds import offers_feed
from home.models.listing_page import ListingPageMixin
from knowledge.models import KnowledgeIndexPage, TrainingIndexPage
from search.facets import build_facets
from stories.models import MemberIndexPage, StoryIndexPage
from tests import factories
from tests.conftest import make_locales, make_site_tree, rolled_back, shared

pytestmark = pytest.mark.xdist_group("fuzz_public")

# Examples per endpoint by what one request costs (a rendered page ~100 ms, an API answer
# ~5 ms): about 2,000 requests per database by default; FUZZ_SCALE=2 doubles them.
SCALE = float(os.environ.get("FUZZ_SCALE", "0.5"))
LIGHT, MEDIUM, LISTING, DETAIL = (max(1, round(n * SCALE)) for n in (200, 25, 25, 10))

# Values a parameter might be sent instead of a sensible one (the list is data, beside this
# file), and two too long to write there.
HOSTILE = [
    *json.loads((Path(__file__).parent / "fuzz_hostile_values.json").read_text()),
    "1" * 40,
    "x" * 3000,
]

# Parameter names no endpoint reads, plus ones that look like Django lookups.
UNKNOWN_NAMES = ["zzz", "", "\x00", "title__icontains", "id__in", "pk", "format", "callback"]

hostile_values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
)


def parameters(names, good_values):
    """A list of (name, value) pairs: known names mostly, values hostile or almost right."""
    values = st.one_of(
        hostile_values,
        st.sampled_from(good_values),
        st.tuples(st.sampled_from(good_values), hostile_values).map("".join),
    )
    name = st.one_of(
        st.sampled_from(names), st.sampled_from(UNKNOWN_NAMES), st.text(min_size=1, max_size=10)
    )
    pairs = st.lists(st.tuples(name, values), max_size=6)
    # Repeating one parameter many times is its own case (lists, "last one wins" code).
    repeated = st.tuples(st.sampled_from(names), values, st.integers(2, 30)).map(
        lambda t: [(t[0], t[1])] * t[2]
    )
    return st.one_of(pairs, repeated)


def query_string(pairs):
    """The pairs percent-encoded as a browser would send them (UTF-8)."""
    return "&".join(f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in pairs)


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """A small site with one of everything public: listings, a story, a product, a module, an
    event, a member with a commitment, an image and a document."""
    with rolled_back(django_db_blocker):
        locales = make_locales()
        tree = make_site_tree(locales)
        lobbying = factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
        goal = factories.SDGFactory()
        spain = factories.CountryFactory(name="Spain", slug="spain", region="europe")
        member = factories.MemberProfilePageFactory(
            parent=tree["members"], title="Madrid", country=spain
        )
        plan = factories.ActionPlanFactory(page=member)
        commitment = factories.CommitmentFactory(page=member, action_plan=plan)
        story = factories.ReformStoryPageFactory(
            parent=tree["stories"],
            title="Open lobby register",
            member=member,
            policy_areas=[lobbying],
            sdgs=[goal],
        )
        product = factories.KnowledgeProductPageFactory(
            parent=tree["knowledge"], title="Open data guide", file_languages="|en|es|"
        )
        module = factories.TrainingModulePageFactory(parent=tree["training"], title="Open budgets")
        events = factories.EventIndexPageFactory(parent=tree["home"])
        event = factories.EventPageFactory(
            parent=events, title="Open Gov Week", policy_areas=[lobbying]
        )
        image = factories.ImageFactory(title="Open council")
        document = wagtail_factories.DocumentFactory(title="Open budget")
        pages = {
            **tree,
            "events": events,
            "member": member,
            "story": story,
            "product": product,
            "module": module,
            "event": event,
        }
        yield {
            "locales": locales,
            "pages": pages,
            "content": {"image": image, "document": document, "commitment": commitment},
        }


locales, pages, content = shared("locales", "pages", "content")

# The listing pages of the site tree, and which of them have feeds (a fact of the listed type).
LISTINGS = {
    "stories": StoryIndexPage,
    "members": MemberIndexPage,
    "knowledge": KnowledgeIndexPage,
    "training": TrainingIndexPage,
    "events": EventIndexPage,
}
WITH_FEEDS = [
    name
    for name, model in LISTINGS.items()
    if issubclass(model, ListingPageMixin) and offers_feed(model.listing_model())
]
SEARCH_NAMES = ["q", "page", "sort", *[facet.param for facet in build_facets()]]
# The Wagtail API's own parameters, then the ones the pages and the media endpoints add.
API_COMMON_NAMES = ["fields", "limit", "offset", "order", "search", "search_operator"]
API_PAGE_NAMES = [
    "type",
    *API_COMMON_NAMES,
    "locale",
    "translation_of",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "site",
    "id",
    "title",
    "slug",
    "html_path",
    "show_in_menus",
    "first_published_at",
    "policy_area",
    "member",
    "start_year",
    "status",
]
API_MEDIA_NAMES = [*API_COMMON_NAMES, "id", "title", "tags", "collection", "width", "height"]
GOOD = [
    "open",
    "lobbying",
    "1",
    "2",
    "10",
    "2024",
    "en",
    "es",
    "title",
    "-title",
    "title,summary",
    "*",
    "stories.ReformStoryPage",
    "home.HomePage",
    "localhost",
    "localhost:80",
    "/en/stories/",
    "and",
    "or",
    "guide",
    "europe",
    "spain",
    "upcoming",
    "past",
    "newest",
    "in_progress",
    "webinar",
    "online",
    "story",
]


def endpoints(pages, content):
    """Every public address: {readable id: (path, parameter names it reads, examples)}."""
    found = {}
    for name in LISTINGS:
        page = pages[name].specific
        filters = page.get_filters() if hasattr(page, "get_filters") else []
        names = ["page", "sort", *[f.param for f in filters]]
        found[f"{name} listing"] = (page.url, names, LISTING)
        for suffix in ("export/csv/", "export/json/"):
            found[f"{name} {suffix}"] = (page.url + suffix, names, MEDIUM)
        if name in WITH_FEEDS:
            for suffix in ("feed/", "feed/atom/"):
                found[f"{name} {suffix}"] = (page.url + suffix, names, MEDIUM)
    found["events calendar"] = (
        pages["events"].url + "calendar/",
        found["events listing"][1],
        MEDIUM,
    )
    # Detail pages read no parameters (but the page cache and the middleware see them all).
    for name in ("home", "member", "story", "product", "module", "event"):
        found[f"{name} page"] = (pages[name].url, ["page", "q", "lang"], DETAIL)
    found["lesson"] = (pages["module"].url + "lessons/1/", ["page"], DETAIL)
    code = content["commitment"].code
    found["commitment"] = (pages["member"].url + f"commitments/{code}/", ["page"], DETAIL)
    for name in ("story", "product"):
        for suffix in ("cite/bibtex/", "cite/ris/"):
            found[f"{name} {suffix}"] = (pages[name].url + suffix, ["format"], LIGHT)
    found["event calendar"] = (pages["event"].url + "calendar/", ["tz"], MEDIUM)
    found["search "] = ("/en/search/", SEARCH_NAMES, MEDIUM)
    for suffix in ("autocomplete/", "export/csv/", "export/json/"):
        found[f"search {suffix}"] = (f"/en/search/{suffix}", SEARCH_NAMES, LIGHT)
    story_id = pages["story"].pk
    found["api pages"] = ("/api/v2/pages/", API_PAGE_NAMES, LIGHT)
    found["api page"] = (f"/api/v2/pages/{story_id}/", ["fields", "type"], MEDIUM)
    found["api pages find"] = (
        f"/api/v2/pages/find/?id={story_id}",
        ["id", "html_path", "site"],
        LIGHT,
    )
    for endpoint, item in (("images", content["image"]), ("documents", content["document"])):
        found[f"api {endpoint}"] = (f"/api/v2/{endpoint}/", API_MEDIA_NAMES, LIGHT)
        found[f"api {endpoint} item"] = (f"/api/v2/{endpoint}/{item.pk}/", ["fields"], LIGHT)
        found[f"api {endpoint} find"] = (
            f"/api/v2/{endpoint}/find/?id={item.pk}",
            ["id", "title"],
            LIGHT,
        )
    found["sitemap"] = ("/sitemap.xml", ["p", "page"], LIGHT)
    found["robots"] = ("/robots.txt", ["page"], LIGHT)
    found["join"] = ("/en/join-us/", ["kind", "member", "next"], MEDIUM)
    found["contact"] = ("/en/write-to-us/", ["kind", "subject", "next"], MEDIUM)
    return found


ENDPOINT_IDS = [
    *[f"{name} listing" for name in LISTINGS],
    *[f"{name} {suffix}" for name in LISTINGS for suffix in ("export/csv/", "export/json/")],
    *[f"{name} {suffix}" for name in WITH_FEEDS for suffix in ("feed/", "feed/atom/")],
    "events calendar",
    *[f"{name} page" for name in ("home", "member", "story", "product", "module", "event")],
    "lesson",
    "commitment",
    *[
        f"{name} {suffix}"
        for name in ("story", "product")
        for suffix in ("cite/bibtex/", "cite/ris/")
    ],
    "event calendar",
    *[f"search {suffix}" for suffix in ("", "autocomplete/", "export/csv/", "export/json/")],
    "api pages",
    "api page",
    "api pages find",
    *[
        f"api {endpoint}{suffix}"
        for endpoint in ("images", "documents")
        for suffix in ("", " item", " find")
    ],
    "sitemap",
    "robots",
    "join",
    "contact",
]


def body(response):
    """The whole response body as text, streamed or not."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode(errors="replace")


def fetch(client, url):
    """GET `url` inside a savepoint that is always rolled back: a database error in one request
    (which aborts the transaction on PostgreSQL) cannot leak into the next."""
    with transaction.atomic():
        response = client.get(url)
        text = body(response)
        transaction.set_rollback(True)
    return response, text


@pytest.mark.parametrize("endpoint", ENDPOINT_IDS)
@pytest.mark.django_db
def test_no_query_string_makes_a_public_address_fail(pages, content, endpoint):
    every = endpoints(pages, content)
    assert set(every) == set(ENDPOINT_IDS), set(every) ^ set(ENDPOINT_IDS)
    path, names, examples = every[endpoint]
    client = Client(raise_request_exception=False)
    # The plain address works (find/ answers with a redirect to the item).
    assert fetch(client, path)[0].status_code < 400, path

    @settings(
        max_examples=examples,
        deadline=datetime.timedelta(seconds=10),
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(pairs=parameters(names, GOOD))
    def check(pairs):
        url = f"{path}{'&' if '?' in path else '?'}{query_string(pairs)}"
        response, text = fetch(client, url)
        assert response.status_code < 500, (url, response.status_code, text[:500])
        assert "Traceback" not in text, url

    check()


@pytest.mark.parametrize(
    ("listing", "query"),
    [("stories", "policy_area=%00"), ("events", "kind=%00&kind=%00"), ("knowledge", "year=1%00")],
)
@pytest.mark.django_db
def test_a_filter_value_with_a_nul_is_ignored_not_a_server_error(pages, listing, query):
    # Found by the fuzz test on PostgreSQL, which refuses NUL in any string it is sent.
    url = f"{pages[listing].url}?{query}"
    response, text = fetch(Client(raise_request_exception=False), url)
    assert response.status_code == 200, (url, response.status_code)
    feed, _text = fetch(Client(raise_request_exception=False), f"{pages[listing].url}feed/?{query}")
    assert feed.status_code == 200
