"""The member map: an inline SVG of the world with a linked dot per member (or per cluster of
members whose dots would overlap; stories/member_map.py decides which).

The land outline is data (`stories/data/world_outline.json`), drawn once per process."""

import json
from pathlib import Path

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from stories.member_map import MAP_HEIGHT, MAP_TOP, MAP_WIDTH, map_markers, project

register = template.Library()

OUTLINE_FILE = Path(__file__).resolve().parent.parent / "data" / "world_outline.json"
# Labels of dots this far right are written leftwards, so they stay on the picture.
LABEL_FLIP_X = MAP_WIDTH * 0.75


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


def marker_cells(marker):
    """The values one marker's markup is filled with."""
    flip = marker.x > LABEL_FLIP_X
    return (
        " member-map__marker--cluster" if marker.is_cluster else "",
        marker.url,
        marker.label,
        f"{marker.x:g}",
        f"{marker.y:g}",
        8 if marker.is_cluster else 5,
        f"{marker.x:g}",
        f"{marker.y:g}",
        len(marker.members) if marker.is_cluster else "",
        f"{marker.x - 10 if flip else marker.x + 10:g}",
        f"{marker.y - 10:g}",
        "end" if flip else "start",
        marker.label,
    )


@register.simple_tag(takes_context=True)
def member_map(context, members, title, description=""):
    """An inline SVG map whose dots are links named after their members (keyboard focusable,
    labelled on hover and focus); the directory list next to it names every member as well."""
    page = context.get("page")
    request = context.get("request")
    markers = map_markers(members, request, page.get_url(request) if page else "")
    links = format_html_join(
        "",
        '<a class="member-map__marker{}" href="{}" aria-label="{}">'
        '<circle class="member-map__dot" cx="{}" cy="{}" r="{}"/>'
        '<text class="member-map__count" x="{}" y="{}" dy="0.35em" text-anchor="middle"'
        ' aria-hidden="true">{}</text>'
        '<text class="member-map__label" x="{}" y="{}" text-anchor="{}" aria-hidden="true">{}'
        "</text></a>",
        (marker_cells(marker) for marker in markers),
    )
    return format_html(
        '<svg class="member-map" viewBox="0 0 {} {}" role="group" aria-labelledby="member-map-title'
        ' member-map-desc" xmlns="http://www.w3.org/2000/svg">'
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
        links,
    )
