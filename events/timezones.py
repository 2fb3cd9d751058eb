"""Time zones of events: validation of IANA names and how an event's own zone is written."""

import zoneinfo
from dataclasses import dataclass
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@cache
def zone_names():
    """Every IANA time zone name the system knows, sorted (e.g. Asia/Jakarta)."""
    return sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})


def zone_choices():
    """(name, name) pairs for a select of time zones."""
    return [(name, name.replace("_", " ")) for name in zone_names()]


def validate_zone_name(value):
    """Refuse a name that is not an IANA time zone."""
    if value not in zone_names():
        raise ValidationError(_("Choose a time zone such as Asia/Jakarta or Europe/Madrid."))


def utc_offset(moment):
    """The offset of an aware datetime as UTC+07:00 (UTC for zero)."""
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


@dataclass(frozen=True)
class ZonedTime:
    """A moment as the event's own zone writes it: 18:00 WIB, UTC+07:00."""

    moment: object
    zone_name: str

    @property
    def abbreviation(self):
        """The zone's abbreviation at that moment (WIB, CEST), or its offset where it has none."""
        name = self.moment.tzname() or ""
        return name if name.isalpha() else utc_offset(self.moment)

    @property
    def offset(self):
        """UTC+07:00."""
        return utc_offset(self.moment)

    @property
    def iso(self):
        """ISO 8601 with the zone's offset (2026-12-03T18:00:00+07:00)."""
        return self.moment.isoformat()


def in_zone(moment, zone_name):
    """`moment` (aware) expressed in the IANA zone `zone_name`."""
    return ZonedTime(moment.astimezone(zoneinfo.ZoneInfo(zone_name)), zone_name)
