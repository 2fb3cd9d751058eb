"""Open data: API, CSV/JSON downloads, feeds, sitemap, robots.txt, metadata and citations."""

import csv
import datetime
import io
import json
import re
import uuid
import xml.etree.ElementTree as ET

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from home.exports import CHUNK_SIZE, ExportContext, columns_for, iter_rows, with_related
from stories.models import ReformStoryPage
from tests import factories
from tests.conftest import make_locales, make_site_tree, rolled_back, shared

RSS_ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# How the prefetch of a chunk's policy areas names the stories it is for.
# The content is built once for the module (open_data_site); under pytest-xdist the module stays
# on one worker so that happens once.
pytestmark = pytest.mark.xdist_group("open_data")

PREFETCH_MARK = '"stories_reformstorypage_policy_areas"."reformstorypage_id" IN ('


def at(year, month, day):
    """An aware datetime at noon UTC."""
    return datetime.datetime(year, month, day, 12, tzinfo=datetime.UTC)


def set_first_published(page, when):
    """Pretend the page first went live at `when` (factories publish it now)."""
    type(page).objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
    page.refresh_from_db()
    return page


def publish_translation(page, locale, **fields):
    """A live translation of `page` into `locale`, with the given fields changed."""
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def tag_with(page, *areas):
    """Tag a page with policy areas and publish the change."""
    page.policy_areas.set(areas)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_content(site_tree, locales):
    """Stories, members, knowledge and training in English, some of them also in Spanish."""
    lobbying = factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
    budgets = factories.PolicyAreaFactory(name="Open budgets", slug="open-budgets")
    lobbying_es = lobbying.copy_for_translation(locales["es"])
    lobbying_es.name = "Cabildeo"
    lobbying_es.save()
    spain = factories.CountryFactory(name="Spain", slug="spain", iso_code="ES")
    madrid = factories.MemberProfilePageFactory(
        parent=site_tree["members"],
        title="Madrid",
        official_name="Ayuntamiento de Madrid",
        country=spain,
    )
    stories = site_tree["stories"]
    register = factories.ReformStoryPageFactory(
        parent=stories, title="Lobby register", member=madrid, policy_areas=[lobbying]
    )
    budget = factories.ReformStoryPageFactory(
        parent=stories, title="Participatory budget", member=madrid, policy_areas=[budgets]
    )
    meetings = factories.ReformStoryPageFactory(
        parent=stories,
        title="Meetings with lobbyists online",
        member=madrid,
        policy_areas=[lobbying, budgets],
    )
    set_first_published(register, at(2023, 1, 10))
    set_first_published(budget, at(2023, 6, 1))
    set_first_published(meetings, at(2024, 3, 5))
    knowledge = site_tree["knowledge"]
    guide = tag_with(
        factories.KnowledgeProductPageFactory(
            parent=knowledge,
            title="Lobbying guide",
            authors="Research team",
            publication_date=datetime.date(2024, 1, 15),
        ),
        lobbying,
    )
    report = tag_with(
        factories.KnowledgeProductPageFactory(
            parent=knowledge,
            title="Budget report",
            kind="research_report",
            publication_date=datetime.date(2023, 5, 1),
        ),
        budgets,
    )
    brief = tag_with(
        factories.KnowledgeProductPageFactory(
            parent=knowledge,
            title="Lobbying brief",
            kind="policy_brief",
            publication_date=datetime.date(2025, 2, 1),
        ),
        lobbying,
    )
    module = factories.TrainingModulePageFactory(
        parent=site_tree["training"], title="Open data 101"
    )
    home_es = publish_translation(site_tree["home"], locales["es"], title="Inicio")
    stories_es = publish_translation(stories, locales["es"], title="Historias")
    register_es = publish_translation(register, locales["es"], title="Registro de lobbies")
    set_first_published(register_es, at(2023, 2, 1))
    return {
        **site_tree,
        "lobbying": lobbying,
        "budgets": budgets,
        "madrid": madrid,
        "register": register,
        "budget": budget,
        "meetings": meetings,
        "guide": guide,
        "report": report,
        "brief": brief,
        "module": module,
        "home_es": home_es,
        "stories_es": stories_es,
        "register_es": register_es,
    }


@pytest.fixture(scope="module", name="module_data")
def open_data_site(django_db_setup, django_db_blocker):
    """The locales, site tree and content, built once for this module and rolled back after it."""
    with rolled_back(django_db_blocker):
        locales = make_locales()
        yield {"locales": locales, "content": build_content(make_site_tree(locales), locales)}


locales, content = shared("locales", "content")


def streamed(response):
    """The whole body of a (streaming) response as text."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def csv_rows(response):
    """A CSV download as a list of dicts."""
    return list(csv.DictReader(io.StringIO(streamed(response))))


def json_ld(response):
    """The JSON-LD block of an HTML page, parsed."""
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(blocks) == 1
    return json.loads(blocks[0])


def meta_content(html, attribute, name):
    """The content of `<meta {attribute}="{name}" content="...">`, or None."""
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


# API


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


# Pinned query counts, the same with more items, once the per-process caches (site root paths,
# default locale) are warm.
API_LISTING_QUERIES = 15
LISTING_DOWNLOAD_QUERIES = 27
SITEMAP_QUERIES = 2


def add_stories(content, count=4):
    """`count` more published stories of Madrid about lobbying and budgets."""
    for _number in range(count):
        factories.ReformStoryPageFactory(
            parent=content["stories"],
            member=content["madrid"],
            policy_areas=[content["lobbying"], content["budgets"]],
        )


@pytest.mark.django_db
def test_api_listing_queries_are_pinned_whatever_the_number_of_stories(
    client, content, django_assert_num_queries
):
    params = {"type": "stories.ReformStoryPage", "fields": "policy_areas,sdgs,status"}
    client.get("/api/v2/pages/", params)
    for more in (0, 4):
        add_stories(content, more)
        with django_assert_num_queries(API_LISTING_QUERIES):
            assert client.get("/api/v2/pages/", params).status_code == 200


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


# Exports


@pytest.mark.django_db
def test_filtered_csv_has_exactly_the_rows_of_every_page_of_the_filtered_listing(
    client, content, settings
):
    settings.LISTING_PAGE_SIZE = 1
    response = client.get("/en/stories/export/csv/", {"policy_area": "lobbying"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="stories-en.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)

    request = RequestFactory().get("/en/stories/", {"policy_area": "lobbying"})
    listing = content["stories"].specific.get_listing(request)
    assert [int(row["id"]) for row in rows] == list(listing.queryset.values_list("pk", flat=True))
    assert {int(row["id"]) for row in rows} == {content["register"].pk, content["meetings"].pk}

    # The HTML listing, page by page, shows the same stories and no others.
    shown = ""
    for number in (1, 2):
        html = client.get("/en/stories/", {"policy_area": "lobbying", "page": number})
        shown += html.content.decode()
    for row in rows:
        assert row["title"] in shown
    assert content["budget"].title not in shown


@pytest.mark.django_db
def test_csv_rows_carry_ids_addresses_language_dates_and_licence(client, content):
    rows = {row["title"]: row for row in csv_rows(client.get("/es/stories/export/csv/"))}
    # Untranslated stories are listed in English in the Spanish listing, and say so.
    assert set(rows) == {
        "Registro de lobbies",
        "Participatory budget",
        "Meetings with lobbyists online",
    }
    spanish = rows["Registro de lobbies"]
    register_es = content["register_es"]
    assert spanish["id"] == str(register_es.pk)
    assert spanish["translation_key"] == str(content["register"].translation_key)
    assert spanish["locale"] == "es"
    assert spanish["url"] == register_es.get_full_url()
    assert spanish["url"].startswith("http")
    assert spanish["last_published_at"] == register_es.last_published_at.isoformat()
    assert spanish["licence"] == "CC BY 4.0"
    assert spanish["licence_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert spanish["policy_areas"] == "lobbying"
    assert spanish["policy_areas_names"] == "Cabildeo"
    assert spanish["member"] == "Madrid"
    assert spanish["country"] == "spain"
    assert spanish["status"] == "in_progress"
    assert rows["Participatory budget"]["locale"] == "en"


@pytest.mark.django_db
def test_json_export_parses_and_holds_the_filtered_items(client, content):
    response = client.get("/en/knowledge/export/json/", {"policy_area": "lobbying"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(streamed(response))
    assert data["locale"] == "en"
    assert data["licence"]["name"] == "CC BY 4.0"
    assert data["source"].endswith("/en/knowledge/?policy_area=lobbying")
    titles = [item["title"] for item in data["items"]]
    assert titles == ["Lobbying brief", "Lobbying guide"]  # the listing's newest-first order
    guide = data["items"][1]
    assert guide["policy_areas"] == ["lobbying"]
    assert guide["publication_date"] == "2024-01-15"
    assert guide["kind"] == "guide"
    assert guide["kind_label"] == "Guide"


@pytest.mark.django_db
@pytest.mark.parametrize("listing", ["stories", "members", "knowledge", "training"])
@pytest.mark.parametrize("export_format", ["csv", "json"])
def test_every_listing_offers_both_downloads_without_login(client, content, listing, export_format):
    response = client.get(f"/en/{listing}/export/{export_format}/")
    assert response.status_code == 200
    body = streamed(response)
    if export_format == "json":
        assert len(json.loads(body)["items"]) >= 1
    else:
        assert len(list(csv.DictReader(io.StringIO(body)))) >= 1


@pytest.mark.django_db
def test_training_export_lists_its_modules(client, content):
    rows = csv_rows(client.get("/en/training/export/csv/"))
    assert [row["title"] for row in rows] == ["Open data 101"]
    assert rows[0]["audience"] == "civil_servants"
    assert rows[0]["lesson_count"] == "2"


@pytest.mark.django_db
def test_export_queries_are_pinned_whatever_the_number_of_rows(
    client, content, django_assert_num_queries
):
    streamed(client.get("/en/stories/export/json/"))
    for more in (0, 4):
        add_stories(content, more)
        with django_assert_num_queries(LISTING_DOWNLOAD_QUERIES):
            streamed(client.get("/en/stories/export/json/"))


@pytest.fixture
def ten_thousand_stories(content):
    """10,000 live stories under the story index, written in bulk (the tree API is too slow)."""
    index = Page.objects.get(pk=content["stories"].pk)
    content_type = ContentType.objects.get_for_model(ReformStoryPage)
    now = timezone.now()
    pages = []
    for number in range(10_000):
        slug = f"bulk-story-{number}"
        title = f"Bulk story {number}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=Page._get_path(index.path, index.depth + 1, index.numchild + number + 1),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(pages))
    through = ReformStoryPage.policy_areas.through
    links = []
    for page in Page.objects.filter(slug__startswith="bulk-story-").only("pk"):
        story = ReformStoryPage(
            page_ptr_id=page.pk,
            summary="Bulk.",
            member_id=content["madrid"].pk,
            status="completed",
            start_year=2020,
        )
        # A raw save writes only the story's own table: its Page row exists already.
        story.save_base(raw=True, force_insert=True)
        links.append(through(reformstorypage_id=page.pk, policyarea_id=content["lobbying"].pk))
    through.objects.bulk_create(links, batch_size=1000)
    return index


@pytest.mark.django_db
def test_export_of_ten_thousand_rows_streams_one_chunk_at_a_time(ten_thousand_stories):
    request = RequestFactory().get("/en/stories/", {"policy_area": "lobbying"})
    index = ten_thousand_stories.specific
    queryset, _querystring = index.get_export(request)
    columns = columns_for(ReformStoryPage)
    rows = iter_rows(with_related(queryset, columns), ExportContext(request, index.locale, columns))

    with CaptureQueriesContext(connection) as queries:
        first = next(rows)
    # Only the first chunk was read: one prefetch of policy areas, for at most CHUNK_SIZE stories.
    prefetches = [q["sql"] for q in queries if PREFETCH_MARK in q["sql"]]
    assert len(prefetches) == 1
    ids_in_prefetch = prefetches[0].split(PREFETCH_MARK)[1].split(")")[0].split(",")
    assert len(ids_in_prefetch) == CHUNK_SIZE
    assert "Lobbying" in dict(first)["policy_areas_names"]
    assert queryset._result_cache is None

    with CaptureQueriesContext(connection) as queries:
        remaining = sum(1 for _row in rows)
    assert remaining + 1 == 10_002  # the bulk stories and the two lobbying stories of `content`
    prefetches = [q["sql"] for q in queries if PREFETCH_MARK in q["sql"]]
    assert len(prefetches) == -(-10_002 // CHUNK_SIZE) - 1

    # The download itself is a stream: its first lines come after reading only the first chunk
    # (counted above, the whole stream would hold every row again).
    # (The view is called directly: through the test client, a response left unfinished would
    # close the database connection when it is closed.)
    with CaptureQueriesContext(connection) as queries:
        response = index.export_csv(request)
        assert response.streaming
        chunks = iter(response.streaming_content)
        assert next(chunks).decode().startswith("id,translation_key,locale,url,title")
        assert next(chunks).decode().count("\n") == 1
    assert len([q for q in queries if PREFETCH_MARK in q["sql"]]) == 1


# Feeds


@pytest.mark.django_db
def test_rss_feed_holds_the_newest_items_of_the_filter_first(client, content):
    response = client.get("/en/stories/feed/", {"policy_area": "lobbying"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "en"
    assert "Lobbying" in channel.findtext("title")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Meetings with lobbyists online",
        "Lobby register",
    ]
    assert items[0].findtext("link") == content["meetings"].get_full_url()
    assert {c.text for c in items[0].findall("category")} == {"Lobbying", "Open budgets"}


@pytest.mark.django_db
def test_atom_feed_is_per_language_and_per_filter(client, content):
    response = client.get("/es/stories/feed/atom/", {"policy_area": "lobbying"})
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{RSS_ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"
    titles = [entry.findtext(f"{RSS_ATOM}title") for entry in feed.findall(f"{RSS_ATOM}entry")]
    assert titles == ["Meetings with lobbyists online", "Registro de lobbies"]
    categories = feed.findall(f"{RSS_ATOM}entry/{RSS_ATOM}category")
    assert "Cabildeo" in {c.get("term") for c in categories}


@pytest.mark.django_db
def test_knowledge_feed_orders_by_publication_date(client, content):
    channel = ET.fromstring(client.get("/en/knowledge/feed/").content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Lobbying brief", "Lobbying guide", "Budget report"]


@pytest.mark.django_db
def test_listings_without_feeds_answer_404(client, content):
    assert client.get("/en/members/feed/").status_code == 404


@pytest.mark.django_db
def test_listing_links_to_its_feeds_and_downloads_for_the_same_filter(client, content):
    html = client.get("/en/stories/", {"policy_area": "lobbying"}).content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Stories (RSS)" '
        'href="/en/stories/feed/?policy_area=lobbying">'
    ) in html
    assert 'href="/en/stories/feed/atom/?policy_area=lobbying"' in html


# Sitemap and robots.txt


@pytest.mark.django_db
def test_sitemap_holds_every_live_page_with_its_language_alternates(client, content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urlset = ET.fromstring(response.content)
    entries = {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in urlset.findall(f"{SITEMAP}url")
    }
    live = Page.objects.live().filter(depth__gt=1)
    assert set(entries) == {page.get_full_url() for page in live}
    register, register_es = content["register"], content["register_es"]
    expected = {
        "en": register.get_full_url(),
        "es": register_es.get_full_url(),
        "x-default": register.get_full_url(),
    }
    assert entries[register.get_full_url()] == expected
    assert entries[register_es.get_full_url()] == expected
    assert entries[content["budget"].get_full_url()] == {}


@pytest.mark.django_db
def test_sitemap_leaves_out_drafts_and_aliases(client, content):
    draft = factories.StandardPageFactory(parent=content["home"], title="Draft", live=False)
    alias = content["guide"].create_alias(parent=content["stories"], update_slug="alias-of-guide")
    body = client.get("/sitemap.xml").content.decode()
    assert draft.url_path.rstrip("/").split("/")[-1] not in body
    assert "alias-of-guide" not in body
    assert alias.live


@pytest.mark.django_db
def test_sitemap_queries_are_pinned_whatever_the_number_of_pages(
    client, content, django_assert_num_queries
):
    client.get("/sitemap.xml")
    for more in (0, 5):
        for _number in range(more):
            factories.StandardPageFactory(parent=content["home"])
        with django_assert_num_queries(SITEMAP_QUERIES):
            assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out(client, content):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    for rule in [
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /*/search/",
        "Disallow: /*?policy_area=",
        "Disallow: /*&policy_area=",
        "Disallow: /*?sort=",
        "Sitemap: http://testserver/sitemap.xml",
    ]:
        assert rule in lines
    assert "Disallow: /*?page=" not in lines


# Metadata


@pytest.mark.django_db
def test_story_page_carries_canonical_description_social_cards_and_article_json_ld(client, content):
    story = content["register_es"]
    story.image = factories.ImageFactory(file__width=1600, file__height=1000)
    story.image_alt = "Una tabla de reuniones"
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert f'<link rel="canonical" href="{story.get_full_url()}">' in html
    assert meta_content(html, "name", "description") == story.summary
    assert meta_content(html, "property", "og:type") == "article"
    assert meta_content(html, "property", "og:title") == "Registro de lobbies"
    image = meta_content(html, "property", "og:image")
    assert image.startswith("http://testserver/")
    assert meta_content(html, "property", "og:image:width") == "1200"
    assert meta_content(html, "property", "og:image:alt") == "Una tabla de reuniones"
    assert meta_content(html, "name", "twitter:card") == "summary_large_image"

    data = json_ld(client.get(story.url))
    assert data["@type"] == "Article"
    assert data["headline"] == "Registro de lobbies"
    assert data["url"] == story.get_full_url()
    assert data["inLanguage"] == "es"
    assert data["datePublished"]
    assert data["about"] == [{"@type": "Thing", "name": "Cabildeo"}]
    assert data["image"].startswith("http://")


@pytest.mark.django_db
def test_each_page_type_has_json_ld_with_its_required_properties(client, content):
    cases = [
        (content["meetings"], "Article", ["headline", "datePublished", "inLanguage"]),
        (content["guide"], "Report", ["headline", "datePublished", "inLanguage", "author"]),
        (content["module"], "Course", ["name", "description", "provider", "inLanguage"]),
        (content["madrid"], "GovernmentOrganization", ["name", "address"]),
        (content["stories"], "WebPage", ["name", "inLanguage"]),
    ]
    for page, schema_type, required in cases:
        data = json_ld(client.get(page.url))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == schema_type, page
        assert data["url"] == page.get_full_url()
        for name in required:
            assert data.get(name), (schema_type, name)
    assert json_ld(client.get(content["guide"].url))["datePublished"] == "2024-01-15"


@pytest.mark.django_db
def test_home_page_describes_the_organization_and_the_site_search(client, content):
    data = json_ld(client.get("/es/"))
    graph = {node["@type"]: node for node in data["@graph"]}
    assert graph["Organization"]["name"] == "Open Cities"
    website = graph["WebSite"]
    assert website["inLanguage"] == "es"
    assert website["url"] == content["home_es"].get_full_url()
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"] == f"{website['url']}search/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"


@pytest.mark.django_db
def test_json_ld_cannot_break_out_of_its_script_element(client, content):
    story = content["meetings"]
    story.title = "</script><script>alert(1)</script> & more"
    story.save_revision().publish()
    response = client.get(story.url)
    assert "</script><script>alert(1)" not in response.content.decode()
    assert json_ld(response)["headline"] == story.title


@pytest.mark.django_db
def test_filtered_listing_is_noindex_and_canonical_to_the_unfiltered_listing(client, content):
    html = client.get("/en/stories/", {"policy_area": "lobbying"}).content.decode()
    listing_url = content["stories"].get_full_url()
    assert f'<link rel="canonical" href="{listing_url}">' in html
    assert '<meta name="robots" content="noindex">' in html
    plain = client.get("/en/stories/").content.decode()
    assert '<meta name="robots" content="noindex">' not in plain


@pytest.mark.django_db
def test_lesson_pages_are_canonical_to_themselves(client, content):
    module = content["module"]
    html = client.get(f"{module.url}lessons/2/").content.decode()
    assert f'<link rel="canonical" href="{module.get_full_url()}lessons/2/">' in html


# Citations


@pytest.mark.django_db
def test_story_offers_bibtex_and_ris_downloads(client, content):
    story = content["register"]
    response = client.get(f"{story.url}cite/bibtex/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert f'filename="{story.slug}.bib"' in response["Content-Disposition"]
    bib = response.content.decode()
    assert bib.startswith(f"@misc{{opencities{story.pk}-2023,")
    assert "title = {Lobby register}" in bib
    assert "author = {{Open Cities}}" in bib
    assert f"url = {{{story.get_full_url()}}}" in bib
    assert "keywords = {Lobbying}" in bib

    ris = client.get(f"{story.url}cite/ris/").content.decode()
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - ELEC"
    assert "TI  - Lobby register" in lines
    assert "PY  - 2023" in lines
    assert f"UR  - {story.get_full_url()}" in lines
    assert lines[-2] == "ER  - "


@pytest.mark.django_db
def test_knowledge_product_citations_name_authors_publisher_and_kind(client, content):
    guide = content["guide"]
    guide.authors = "Research & data team; Ana Pérez"
    guide.title = "Lobbying 100% guide"
    guide.save_revision().publish()
    bib = client.get(f"{guide.url}cite/bibtex/").content.decode()
    assert bib.startswith("@manual{")
    assert "author = {{Research \\& data team} and {Ana Pérez}}" in bib
    assert "title = {Lobbying 100\\% guide}" in bib
    assert "year = {2024}" in bib
    assert "publisher = {Open Cities Partnership}" in bib
    ris = client.get(f"{content['report'].url}cite/ris/").content.decode().split("\r\n")
    assert ris[0] == "TY  - RPRT"
    assert "DA  - 2023/05/01" in ris
    assert guide.specific.citation() == (
        f"Research & data team, Ana Pérez (2024). Lobbying 100% guide. Open Cities Partnership. "
        f"{guide.get_full_url()}"
    )


@pytest.mark.django_db
def test_listings_link_their_downloads_for_the_current_filter(client, content):
    html = client.get("/en/stories/", {"policy_area": "lobbying"}).content.decode()
    assert 'href="/en/stories/export/csv/?policy_area=lobbying"' in html
    assert 'href="/en/stories/export/json/?policy_area=lobbying"' in html
    members = client.get("/en/members/").content.decode()
    assert 'href="/en/members/export/csv/"' in members
    assert "/en/members/feed/" not in members
    training = client.get("/en/training/").content.decode()
    assert 'href="/en/training/export/json/"' in training


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["register", "guide"])
def test_stories_and_products_show_their_citation_and_its_downloads(client, content, name):
    page = content[name]
    html = client.get(page.url).content.decode()
    citation = re.search(r'<p class="cite__text" id="cite-text">(.*?)</p>', html, re.S).group(1)
    assert page.title in citation
    assert page.get_full_url() in citation
    assert f'href="{page.url}cite/bibtex/"' in html
    assert f'href="{page.url}cite/ris/"' in html


@pytest.mark.django_db
def test_a_title_ending_in_a_question_mark_is_not_followed_by_a_full_stop(content):
    guide = content["guide"]
    guide.title = "What is an open local government?"
    guide.save_revision().publish()
    citation = guide.specific.citation()
    assert "government? Open Cities Partnership." in citation
    assert "?." not in citation
