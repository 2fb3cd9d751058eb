"""Member governments under the member directory, with logos, action plans and commitments."""

import zlib
from decimal import Decimal

from django.utils.text import slugify

from demo import images
from demo.loading import media
from demo.loading.pages import stream, upsert_page
from stories.models import MemberProfilePage

# Badge colours for members without a story palette: dark enough for white initials.
BADGE_COLOURS = ["#1F4E79", "#7B2D26", "#205E3B", "#5B3A87", "#8A4B08", "#0E5C63", "#6B2F52"]


def member_slug(name):
    """The page slug of a member, e.g. 'Córdoba (City)' -> 'cordoba-city'."""
    return slugify(name)


def badge_colour(name, stories):
    """The member's badge colour: its story's main colour, else a stable pick by name."""
    for story in stories:
        return story["image"]["palette"][0]
    return BADGE_COLOURS[zlib.crc32(name.encode("utf-8")) % len(BADGE_COLOURS)]


def commitments_for(stories, terms):
    """Commitment blocks for the codes of a member's stories.

    The first code of a story is titled after the story; further codes after the story's
    sections, whose headings name the strands of the reform.
    """
    blocks = []
    for story in stories:
        headings = [block["text"] for block in story["body"] if block["type"] == "heading"]
        areas = story["policy_areas"]
        for index, code in enumerate(story["commitment_codes"]):
            title = story["title"] if index == 0 or index >= len(headings) else headings[index]
            area = terms["policy_areas"].get(areas[min(index, len(areas) - 1)]) if areas else None
            blocks.append(
                (
                    "commitment",
                    {
                        "code": code,
                        "title": title,
                        "policy_area": area.pk if area else None,
                        "status": story["status"],
                        "starred": bool(story.get("featured")),
                    },
                )
            )
    return blocks


def action_plans_for(stories):
    """Action plan blocks from the stories' action plans."""
    return [
        (
            "action_plan",
            {
                "title": plan["title"],
                "start_year": plan["start_year"],
                "end_year": plan["end_year"],
                "commitments": plan["commitments"],
                "status": plan["status"],
                "document": None,
                "url": "",
            },
        )
        for plan in (story.get("action_plan") for story in stories)
        if plan
    ]


def load_members(data, index, terms, collection):
    """Every member of members.csv; returns ({name: page}, changed translation keys)."""
    stories_by_member = {}
    for story in data.stories:
        stories_by_member.setdefault(story["member"], []).append(story)
    pages, changed = {}, set()
    for row in data.members:
        name = row["name"]
        slug = member_slug(name)
        stories = stories_by_member.get(name, [])
        logo = media.image(
            collection,
            f"{name} badge",
            f"member-{slug}.png",
            lambda name=name, stories=stories: images.member_logo(
                name, badge_colour(name, stories)
            ),
        )
        values = {
            "title": name,
            "kind": row["kind"],
            "country": terms["countries"][row["iso2"]],
            "year_joined": row["year_joined"],
            "population": row["population"],
            "website": row["website"],
            "latitude": Decimal(row["latitude"]) if row["latitude"] else None,
            "longitude": Decimal(row["longitude"]) if row["longitude"] else None,
            "summary": row["summary"],
            "logo": logo,
            "action_plans": stream(f"member/{slug}/plans", action_plans_for(stories)),
            "commitments": stream(f"member/{slug}/commitments", commitments_for(stories, terms)),
        }
        page, page_changed = upsert_page(index, MemberProfilePage, slug, values)
        pages[name] = page
        if page_changed:
            changed.add(page.translation_key)
    return pages, changed
