"""Illustrative events: an Open Gov Week, learning circles, a peer exchange, mentorship, training.

Dates are counted from the day the demo is loaded, so some are always upcoming and some past;
each event says it is illustrative. Loading again on the same day changes nothing.
"""

import datetime
import zoneinfo

from django.utils import timezone

from demo import documents
from demo.loading import media
from demo.loading.blocks import body, stream
from demo.loading.data import read_json
from demo.loading.pages import upsert_page
from demo.loading.site import summary_of
from events.models import EventIndexPage, EventPage


def event_times(event, today):
    """(start, end) of an event: its local time on the day `days_from_load` after `today`."""
    day = today + datetime.timedelta(days=event["days_from_load"])
    hour, minute = (int(part) for part in event["time"].split(":"))
    start = datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=zoneinfo.ZoneInfo(event["time_zone"])
    )
    return start, start + datetime.timedelta(minutes=event["minutes"])


def follow_up(event, collection):
    """A past event's report, as a generated PDF."""
    if not event.get("report"):
        return []
    document = media.document(
        collection,
        f"{event['title']}: {event['report']}",
        f"{event['slug']}-report.pdf",
        lambda: documents.knowledge_pdf(
            event["title"], event["report"], event["summary"], "Open Cities Partnership"
        ),
    )
    value = {"kind": "report", "label": event["report"], "url": "", "document": document.pk}
    return [("item", value)]


def load_events(home, members, stories, products, terms, collection, today=None):
    """The events index and its events; returns ({key: page}, changed translation keys)."""
    content = read_json("events.json")
    today = today or timezone.localdate()
    index, index_changed = upsert_page(
        home,
        EventIndexPage,
        "events",
        {
            "title": content["index"]["title"],
            "intro": content["index"]["intro"],
            "summary": summary_of(content["index"]["intro"]),
            "show_in_menus": True,
        },
    )
    pages, changed = {"index": index}, {index.translation_key} if index_changed else set()
    note = {"type": "callout", "title": "Illustrative", "text": content["illustrative_note"]}
    for event in content["events"]:
        start, end = event_times(event, today)
        key = f"events/{event['slug']}"
        values = {
            "title": event["title"],
            "kind": event["kind"],
            "start": start,
            "end": end,
            "time_zone": event["time_zone"],
            "attendance": event["attendance"],
            "city": event.get("city", ""),
            "country": terms["countries"][event["country"]] if event.get("country") else None,
            "organiser": members[event["organiser"]] if event.get("organiser") else None,
            "languages": "|" + "|".join(sorted(event["languages"])) + "|",
            "summary": event["summary"],
            "body": body(f"{key}/body", [{"type": "paragraph", "text": event["body"]}, note]),
            "follow_up": stream(f"{key}/follow-up", follow_up(event, collection)),
            "policy_areas": [terms["policy_areas"][slug] for slug in event["policy_areas"]],
            "sdgs": [terms["sdgs"][number] for number in event["sdgs"]],
            "related_stories": [stories[slug] for slug in event.get("related_stories", [])],
            "related_knowledge": [products[slug] for slug in event.get("related_knowledge", [])],
        }
        page, page_changed = upsert_page(index, EventPage, event["slug"], values)
        pages[event["slug"]] = page
        if page_changed:
            changed.add(page.translation_key)
    return pages, changed
