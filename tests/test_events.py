"""Events: listing filters and counts, the upcoming/past split, time zones, iCalendar, JSON-LD."""

import datetime
import json
import re

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests import factories

UTC = datetime.UTC


def at(days, hour=11):
    """A moment `days` from now (negative: ago) at `hour`:00 UTC."""
    moment = timezone.now() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0, tzinfo=UTC)


@pytest.fixture
def events_index(site_tree):
    """The English events index under the home page."""
    return factories.EventIndexPageFactory(parent=site_tree["home"])


@pytest.fixture
def events(events_index):
    """Four events: two upcoming, two past, of three kinds, formats and regions."""
    spain = factories.CountryFactory(name="Spain", slug="spain", region="europe")
    kenya = factories.CountryFactory(
        name="Kenya", slug="kenya", iso_code="KE", region="africa-middle-east"
    )
    open_data = factories.PolicyAreaFactory(name="Open data", slug="open-data")
    make = factories.EventPageFactory
    return {
        "circle": make(
            parent=events_index,
            title="Learning circle on open contracting",
            kind="learning_circle",
            start=at(10),
            end=at(10) + datetime.timedelta(hours=2),
            languages="|en|es|",
            policy_areas=[open_data],
        ),
        "week": make(
            parent=events_index,
            title="Open Gov Week in Nairobi",
            kind="open_gov_week",
            attendance="hybrid",
            city="Nairobi",
            country=kenya,
            time_zone="Africa/Nairobi",
            start=at(20),
            end=at(22),
        ),
        "exchange": make(
            parent=events_index,
            title="Peer exchange in Madrid",
            kind="peer_exchange",
            attendance="in_person",
            city="Madrid",
            country=spain,
            time_zone="Europe/Madrid",
            start=at(-40),
            end=at(-40) + datetime.timedelta(hours=3),
            languages="|es|",
        ),
        "old-circle": make(
            parent=events_index,
            title="Learning circle on lobbying",
            kind="learning_circle",
            start=at(-5),
            end=at(-5) + datetime.timedelta(hours=1),
        ),
    }


def titles(response):
    """Titles of the events listed, in order."""
    return [item.title for item in response.context["results"].object_list]


def counts(response, param):
    """The counts shown next to the options of one filter."""
    listing_filter = next(f for f in response.context["listing"].filters if f.param == param)
    return {option.value: option.count for option in listing_filter.options}


@pytest.mark.django_db
def test_upcoming_events_come_first_soonest_first_then_the_archive_latest_first(client, events):
    response = client.get("/en/events/")
    assert response.status_code == 200
    assert titles(response) == [
        "Learning circle on open contracting",
        "Open Gov Week in Nairobi",
        "Learning circle on lobbying",
        "Peer exchange in Madrid",
    ]


@pytest.mark.django_db
def test_upcoming_and_past_are_split_at_the_current_time(client, events_index):
    now = timezone.now()
    make = factories.EventPageFactory
    make(
        parent=events_index,
        title="Just over",
        start=now - datetime.timedelta(hours=1),
        end=now - datetime.timedelta(seconds=30),
    )
    make(
        parent=events_index,
        title="Still on",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(minutes=1),
    )
    assert titles(client.get("/en/events/", {"when": "upcoming"})) == ["Still on"]
    response = client.get("/en/events/", {"when": "past"})
    assert titles(response) == ["Just over"]
    assert counts(response, "when") == {"upcoming": 1, "past": 1}
    assert "Past" in client.get("/en/events/", {"when": "past"}).content.decode()


@pytest.mark.django_db
def test_kind_filter_and_the_counts_of_the_other_filters(client, events):
    response = client.get("/en/events/", {"kind": "learning_circle"})
    assert titles(response) == [
        "Learning circle on open contracting",
        "Learning circle on lobbying",
    ]
    # A filter's counts ignore its own choice; the others count within it.
    assert counts(response, "kind") == {
        "open_gov_week": 1,
        "learning_circle": 2,
        "peer_exchange": 1,
    }
    assert counts(response, "when") == {"upcoming": 1, "past": 1}
    assert counts(response, "language") == {"en": 2, "es": 1}
    assert counts(response, "format") == {"online": 2}


@pytest.mark.django_db
def test_format_region_language_and_policy_area_filters(client, events):
    assert titles(client.get("/en/events/", {"format": "hybrid"})) == ["Open Gov Week in Nairobi"]
    assert titles(client.get("/en/events/", {"region": "europe"})) == ["Peer exchange in Madrid"]
    response = client.get("/en/events/", {"language": "es"})
    assert titles(response) == ["Learning circle on open contracting", "Peer exchange in Madrid"]
    assert counts(response, "region") == {"europe": 1}
    response = client.get("/en/events/", {"policy_area": "open-data", "when": "upcoming"})
    assert titles(response) == ["Learning circle on open contracting"]
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.django_db
def test_an_unknown_filter_value_is_ignored_and_a_bad_page_is_a_404(client, events):
    response = client.get("/en/events/", {"when": "tomorrow", "kind": "party"})
    assert len(titles(response)) == 4
    assert client.get("/en/events/", {"page": "x"}).status_code == 404


@pytest.mark.django_db
def test_an_event_at_18_00_in_jakarta_shows_18_00_wib_and_utc_plus_7(client, events_index):
    start = datetime.datetime(2031, 3, 4, 11, 0, tzinfo=UTC)
    event = factories.EventPageFactory(
        parent=events_index,
        title="Jakarta webinar",
        start=start,
        end=start + datetime.timedelta(hours=1, minutes=30),
        time_zone="Asia/Jakarta",
    )
    html = client.get(event.url).content.decode()
    shown = re.sub(r"\s+", " ", html)
    assert "4 March 2031, 18:00" in shown
    assert "19:30" in shown
    assert '<abbr title="Asia/Jakarta">WIB</abbr>' in shown
    assert "(UTC+07:00)" in shown
    assert 'datetime="2031-03-04T18:00:00+07:00"' in html
    assert 'data-zone="Asia/Jakarta"' in html


@pytest.mark.django_db
def test_a_zone_without_an_abbreviation_shows_its_offset_once(client, events_index):
    start = datetime.datetime(2031, 3, 4, 11, 0, tzinfo=UTC)
    event = factories.EventPageFactory(
        parent=events_index,
        start=start,
        end=start + datetime.timedelta(hours=1),
        time_zone="America/Sao_Paulo",
    )
    assert event.local_start.abbreviation == "UTC-03:00"
    html = re.sub(r"\s+", " ", client.get(event.url).content.decode())
    assert "4 March 2031, 08:00" in html
    assert "(UTC-03:00)" not in html


@pytest.mark.django_db
def test_structured_data_is_an_event_with_its_attendance_mode_and_place(client, events):
    html = client.get(events["week"].url).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["startDate"].endswith("+03:00")
    assert [place["@type"] for place in data["location"]] == ["VirtualLocation", "Place"]
    assert data["location"][1]["address"]["addressCountry"] == "KE"


@pytest.mark.django_db
def test_add_to_calendar_gives_one_event_in_its_own_time_zone(client, events_index):
    start = datetime.datetime(2031, 3, 4, 11, 0, tzinfo=UTC)
    event = factories.EventPageFactory(
        parent=events_index,
        title="Jakarta webinar",
        start=start,
        end=start + datetime.timedelta(hours=1),
        time_zone="Asia/Jakarta",
    )
    html = client.get(event.url).content.decode()
    assert f'href="{event.url}calendar/"' in html
    response = client.get(f"{event.url}calendar/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    [item] = calendar.walk("VEVENT")
    assert str(item["SUMMARY"]) == "Jakarta webinar"
    dtstart = item.decoded("DTSTART")
    assert (dtstart.hour, str(dtstart.tzinfo)) == (18, "Asia/Jakarta")
    assert item.decoded("DTEND") - dtstart == datetime.timedelta(hours=1)
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    assert str(item["UID"]) == f"{event.translation_key}@testserver"


@pytest.mark.django_db
def test_the_calendar_feed_holds_exactly_the_filtered_events(client, events):
    response = client.get("/en/events/calendar/", {"kind": "learning_circle", "when": "upcoming"})
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [
        "Learning circle on open contracting"
    ]
    assert "Learning circle" in str(calendar["X-WR-CALNAME"])
    everything = Calendar.from_ical(client.get("/en/events/calendar/").content)
    assert len(everything.walk("VEVENT")) == 4
    zones = {str(zone["TZID"]) for zone in everything.walk("VTIMEZONE")}
    assert zones == {"Asia/Jakarta", "Africa/Nairobi", "Europe/Madrid"}


@pytest.mark.django_db
def test_the_listing_links_its_calendar_feed_for_the_current_filter(client, events):
    html = client.get("/en/events/", {"kind": "webinar"}).content.decode()
    assert 'href="/en/events/calendar/?kind=webinar"' in html


@pytest.mark.django_db
def test_downloads_and_feed_hold_the_events_with_their_times(client, events):
    response = client.get("/en/events/export/csv/", {"kind": "peer_exchange"})
    lines = b"".join(response.streaming_content).decode().splitlines()
    header = lines[0].split(",")
    assert len(lines) == 2
    row = dict(zip(header, lines[1].split(","), strict=False))
    assert row["time_zone"] == "Europe/Madrid"
    assert row["kind"] == "peer_exchange"
    assert row["attendance_label"] == "In person"
    assert row["languages"] == "es"
    feed = client.get("/en/events/feed/", {"kind": "open_gov_week"}).content.decode()
    assert "Open Gov Week in Nairobi" in feed
    assert "Peer exchange in Madrid" not in feed


@pytest.mark.django_db
def test_the_follow_up_shows_only_once_the_event_is_over(client, events):
    recording = [
        (
            "item",
            {
                "kind": "recording",
                "label": "Watch the recording",
                "url": "https://video.example.org/x",
                "document": None,
            },
        )
    ]
    for key in ("circle", "old-circle"):
        events[key].follow_up = recording
        events[key].save_revision().publish()
    assert "Watch the recording" not in client.get(events["circle"].url).content.decode()
    assert "Watch the recording" in client.get(events["old-circle"].url).content.decode()


@pytest.mark.django_db
def test_an_event_must_end_after_it_starts_and_say_where_people_meet(events_index):
    from django.core.exceptions import ValidationError

    event = factories.EventPageFactory.build(
        start=at(3), end=at(2), attendance="in_person", city=""
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert set(error.value.message_dict) == {"end", "city"}


@pytest.mark.django_db
def test_the_listing_costs_the_same_queries_for_two_or_twelve_events(
    client, events, events_index, django_assert_num_queries
):
    client.get("/en/events/")
    with django_assert_num_queries(QUERIES_LISTING):
        client.get("/en/events/")
    for number in range(8):
        factories.EventPageFactory(parent=events_index, title=f"Extra {number}")
    client.get("/en/events/")  # the first visit after a change rebuilds the shared fragments
    with django_assert_num_queries(QUERIES_LISTING):
        client.get("/en/events/")


@pytest.mark.django_db
def test_an_event_page_costs_a_fixed_number_of_queries(client, events, django_assert_num_queries):
    client.get(events["week"].url)
    with django_assert_num_queries(QUERIES_EVENT):
        client.get(events["week"].url)


QUERIES_LISTING = 6
QUERIES_EVENT = 7
