"""Every listing downloads its filtered rows as CSV and JSON, streamed a chunk at a time."""

import csv
import io
import json
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from home.exports import CHUNK_SIZE, ExportContext, columns_for, iter_rows, with_related
from stories.models import ReformStoryPage
from tests.open_data.readers import (
    csv_rows,
    streamed,
)

pytestmark = pytest.mark.xdist_group("open_data")


PREFETCH_MARK = '"stories_reformstorypage_policy_areas"."reformstorypage_id" IN ('


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
