"""A search downloads as CSV and JSON with the rows, order and language of the page shown."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.http import QueryDict, StreamingHttpResponse
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.backends.base import SearchBackend
from search.engine import run_search
from search.models import SearchDocument
from tests.search.pages import (
    STRANGE_QUERIES,
    promoted_titles,
    publish,
    results,
    search_csv,
    search_json,
    streamed,
    total,
)

pytestmark = pytest.mark.xdist_group("search")


# Downloads -----------------------------------------------------------------------------------


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
