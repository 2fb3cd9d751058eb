"""Building and reading the open-data tests' pages, downloads and feeds."""

import csv
import datetime
import io
import json
import re

RSS_ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


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
