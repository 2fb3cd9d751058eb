"""What the member map shows: a marker per member, or per cluster of members whose dots would
overlap, each with its name and the address it links to. The tag only draws them."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

# Equirectangular projection, 84N to 57S, on a 1000-unit-wide picture.
MAP_WIDTH = 1000
MAP_TOP, MAP_BOTTOM = 84, -57
MAP_SCALE = MAP_WIDTH / 360
MAP_HEIGHT = round((MAP_TOP - MAP_BOTTOM) * MAP_SCALE)
# Dots closer than this (map units, about two dot widths) are drawn as one cluster.
CLUSTER_DISTANCE = 12


def project(longitude, latitude):
    """(x, y) of a point on the map: a plain equirectangular projection."""
    x = (float(longitude) + 180) * MAP_SCALE
    y = (MAP_TOP - float(latitude)) * MAP_SCALE
    return round(x, 1), round(y, 1)


@dataclass
class Marker:
    """A dot on the map: one member, or several whose dots would overlap."""

    x: float
    y: float
    members: list = field(default_factory=list)
    url: str = ""
    label: str = ""

    @property
    def is_cluster(self):
        """Whether it stands for more than one member."""
        return len(self.members) > 1

    def add(self, member, x, y):
        """Take in a member; the marker moves to the middle of its members."""
        count = len(self.members)
        self.x = round((self.x * count + x) / (count + 1), 1)
        self.y = round((self.y * count + y) / (count + 1), 1)
        self.members.append(member)


def cluster(points, distance=CLUSTER_DISTANCE):
    """Markers for (member, x, y) points: each point joins the first marker near enough."""
    markers = []
    for member, x, y in points:
        near = next((m for m in markers if (m.x - x) ** 2 + (m.y - y) ** 2 < distance**2), None)
        if near is None:
            markers.append(Marker(x, y, [member]))
        else:
            near.add(member, x, y)
    return markers


def cluster_label(members):
    """A cluster's name: its members, the first three by name and how many more."""
    names = sorted((m.title for m in members), key=str.casefold)
    shown = ", ".join(names[:3])
    more = len(names) - 3
    if more <= 0:
        return shown
    return _("%(names)s and %(more)s more") % {"names": shown, "more": more}


def map_markers(members, request=None, directory_url=""):
    """The markers of the members that have coordinates. A member's marker links to its page;
    a cluster's to the directory filtered to its country (or to the list, across countries)."""
    points = [
        (member, *project(member.longitude, member.latitude))
        for member in members
        if member.latitude is not None and member.longitude is not None
    ]
    markers = cluster(points)
    for marker in markers:
        if not marker.is_cluster:
            member = marker.members[0]
            marker.url, marker.label = member.get_url(request), member.title
            continue
        countries = {m.country.slug for m in marker.members}
        if len(countries) == 1:
            marker.url = f"{directory_url}?{urlencode({'country': countries.pop()})}"
        else:
            marker.url = "#member-list"
        marker.label = _("%(count)s members: %(names)s") % {
            "count": len(marker.members),
            "names": cluster_label(marker.members),
        }
    return markers
