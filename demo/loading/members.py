"""Member governments under the member directory, with logos, action plans and commitments."""

import datetime
import zlib
from decimal import Decimal

from django.utils.text import slugify

from demo import images
from demo.loading import media
from demo.loading.pages import apply_fields, upsert_page
from stories.models import ActionPlan, Commitment, CommitmentStatus, MemberProfilePage

# The demo's plans and commitments are illustrative (see demo/data/README.md): a story's status
# stands for its commitments', with "planned" meaning not started.
STATUS_OF_STORY = {"planned": CommitmentStatus.NOT_STARTED}

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


def plan_for(stories):
    """The member's illustrative action plan (title and years) from its stories, or None."""
    for story in stories:
        plan = story.get("action_plan")
        if plan:
            return plan
    return None


def commitments_for(stories, terms, plan):
    """Illustrative commitment values for the codes of a member's stories.

    The first code of a story is titled after the story; further codes after the story's
    sections, whose headings name the strands of the reform. Dates are the plan's years.
    """
    values = []
    for story in stories:
        headings = [block["text"] for block in story["body"] if block["type"] == "heading"]
        areas = [terms["policy_areas"][slug] for slug in story["policy_areas"]]
        goals = [terms["sdgs"][number] for number in story["sdgs"] if number in terms["sdgs"]]
        for index, code in enumerate(story["commitment_codes"]):
            title = story["title"] if index == 0 or index >= len(headings) else headings[index]
            status = STATUS_OF_STORY.get(story["status"], story["status"])
            values.append(
                {
                    "code": code,
                    "title": title,
                    "description": story["summary"],
                    "status": status,
                    "starred": bool(story.get("featured")),
                    "start_date": datetime.date(plan["start_year"], 1, 1) if plan else None,
                    "end_date": datetime.date(plan["end_year"], 12, 31) if plan else None,
                    "policy_areas": areas[min(index, len(areas) - 1) :][:1] if areas else [],
                    "sdgs": goals,
                }
            )
    return values


def load_records(page, plan, commitments):
    """The member's plan and commitments as records, made to match; True when anything changed."""
    changed = False
    wanted_plans = [plan["title"]] if plan else []
    plans = list(page.action_plans.all())
    if [p.title for p in plans] != wanted_plans:
        ActionPlan.objects.filter(page=page).delete()
        plans = [
            ActionPlan.objects.create(page=page, locale=page.locale, title=title, sort_order=0)
            for title in wanted_plans
        ]
        changed = True
    existing = {c.code: c for c in page.commitments.prefetch_related("policy_areas", "sdgs")}
    stale = set(existing) - {values["code"] for values in commitments}
    if stale:
        Commitment.objects.filter(page=page, code__in=stale).delete()
        changed = True
    for order, values in enumerate(commitments):
        commitment = existing.get(values["code"]) or Commitment(page=page, locale=page.locale)
        values = {**values, "sort_order": order, "action_plan": plans[0] if plans else None}
        if apply_fields(commitment, values):
            commitment.save()
            changed = True
    return changed


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
        }
        page, page_changed = upsert_page(index, MemberProfilePage, slug, values)
        plan = plan_for(stories)
        if load_records(page, plan, commitments_for(stories, terms, plan)):
            # A new revision, so that the admin and translations see the records.
            page.save_revision().publish()
            page = MemberProfilePage.objects.get(pk=page.pk)
            page_changed = True
        pages[name] = page
        if page_changed:
            changed.add(page.translation_key)
    return pages, changed
