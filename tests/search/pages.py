"""Reading a search page and its downloads; each helper fails when its anchor is missing."""

import csv
import io
import json
import re

from django.http import StreamingHttpResponse

from demo.loading import blocks

# Queries that must get an answer (never an error) from the page and the downloads.
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


def paragraphs(*texts):
    """A body StreamField value of plain paragraphs (built as the demo's content is)."""
    return blocks.paragraphs("search-tests", *texts)


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
