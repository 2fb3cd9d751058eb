"""iCalendar (RFC 5545) files of events, written with the icalendar library.

One event ("Add to calendar") or a whole filtered listing (a feed calendars can subscribe to):
each event keeps its own time zone (DTSTART;TZID=Asia/Jakarta, with its VTIMEZONE).
"""

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vUri

PRODUCT_ID = "-//Open Cities//Events//EN"


def event_uid(page, request):
    """A stable identifier: the same event in every language and every download."""
    return f"{page.translation_key}@{request.get_host().split(':')[0]}"


def vevent(page, request):
    """One VEVENT from an event page."""
    item = Event()
    item.add("uid", event_uid(page, request))
    item.add("dtstamp", page.last_published_at or timezone.now())
    item.add("dtstart", page.local_start.moment)
    item.add("dtend", page.local_end.moment)
    item.add("summary", page.title)
    url = page.get_full_url(request)
    description = "\n\n".join(part for part in (page.summary, page.registration_url, url) if part)
    item.add("description", description)
    item.add("url", vUri(url))
    country = page.country.name if page.country else ""
    place = ", ".join(part for part in (page.city, country) if part)
    if place:
        item.add("location", place)
    elif page.registration_url:
        item.add("location", page.registration_url)
    item.add("categories", [page.get_kind_display()])
    return item


def build_calendar(pages, request, name):
    """A calendar holding the events, with the time zone definitions they use."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for page in pages:
        calendar.add_component(vevent(page, request))
    calendar.add_missing_timezones()
    return calendar


def calendar_response(pages, request, name, filename):
    """The calendar as a text/calendar response, offered as `filename`."""
    response = HttpResponse(
        build_calendar(pages, request, name).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
