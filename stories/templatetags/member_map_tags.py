"""The member map: an inline SVG of the world with a dot per member.

The land outline is data (`stories/data/world_outline.json`), drawn once per process."""

import json
from pathlib import Path

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

OUTLINE_FILE = Path(__file__).resolve().parent.parent / "data" / "world_outline.json"
# Equirectangular projection, 84N to 57S.
MAP_WIDTH = 1000
MAP_TOP, MAP_BOTTOM = 84, -57
MAP_SCALE = MAP_WIDTH / 360
MAP_HEIGHT = round((MAP_TOP - MAP_BOTTOM) * MAP_SCALE)


def project(longitude, latitude):
    """(x, y) of a point on the map: a plain equirectangular projection."""
    x = (float(longitude) + 180) * MAP_SCALE
    y = (MAP_TOP - float(latitude)) * MAP_SCALE
    return round(x, 1), round(y, 1)


def outline_path(shapes):
    """An SVG path for shapes given as flat lists of longitude, latitude pairs."""
    parts = []
    for shape in shapes:
        points = [project(shape[i], shape[i + 1]) for i in range(0, len(shape), 2)]
        parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in points) + "Z")
    return "".join(parts)


OUTLINE = json.loads(OUTLINE_FILE.read_text(encoding="utf-8"))
LAND_PATH = outline_path(OUTLINE["land"])
WATER_PATH = outline_path(OUTLINE["water"])
GRATICULE_PATH = "".join(
    [f"M{project(lon, MAP_TOP)[0]:g} 0V{MAP_HEIGHT}" for lon in range(-150, 180, 30)]
    + [f"M0 {project(0, lat)[1]:g}H{MAP_WIDTH}" for lat in range(-30, 90, 30)]
)


@register.simple_tag
def member_map(members, title, description=""):
    """An inline SVG map with a dot per member that has coordinates. It is a picture for sighted
    visitors (role="img" with a title); the directory list next to it is the real content."""
    dots = []
    for member in members:
        if member.latitude is None or member.longitude is None:
            continue
        x, y = project(member.longitude, member.latitude)
        dots.append((f"{x:g}", f"{y:g}", member.title))
    circles = format_html_join(
        "", '<circle class="member-map__dot" cx="{}" cy="{}" r="5"><title>{}</title></circle>', dots
    )
    return format_html(
        '<svg class="member-map" viewBox="0 0 {} {}" role="img" aria-labelledby="member-map-title'
        ' member-map-desc" focusable="false" xmlns="http://www.w3.org/2000/svg">'
        '<title id="member-map-title">{}</title><desc id="member-map-desc">{}</desc>'
        '<rect class="member-map__sea" width="{}" height="{}"/>'
        '<path class="member-map__grid" d="{}"/>'
        '<path class="member-map__land" d="{}"/><path class="member-map__sea" d="{}"/>'
        "{}</svg>",
        MAP_WIDTH,
        MAP_HEIGHT,
        title,
        description,
        MAP_WIDTH,
        MAP_HEIGHT,
        mark_safe(GRATICULE_PATH),
        mark_safe(LAND_PATH),
        mark_safe(WATER_PATH),
        circles,
    )
