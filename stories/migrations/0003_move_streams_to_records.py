"""Move each member's action plans and commitments from StreamField rows into records.

Every plan block becomes an ActionPlan and every commitment block a Commitment, in every
language (a record's translation key derives from its page's and its block's id, which
wagtail-localize keeps across translations, so translations stay linked). The old blocks had
no link between a commitment and a plan: a member with one plan gets its commitments in that
plan, dated by the plan's years (so the plan's period, now computed, is kept); with several plans
the commitments stay unassigned. The typed counts and plan statuses are dropped on purpose: they
are computed from the commitments now. Revisions are rewritten the same way, so drafts and
history keep their plans. Reversible: records go back into blocks.
"""

import datetime
import json
import uuid

from django.db import migrations
from modelcluster.models import get_serializable_data_for_fields

RECORD_NAMESPACE = uuid.UUID("5d0f5c63-3a4e-4d55-9c6f-0f6c1f3b7a21")
OLD_TO_NEW_STATUS = {"planned": "not_started"}
NEW_TO_OLD_STATUS = {"not_started": "planned", "withdrawn": "completed"}


def record_key(page_key, block_id, index):
    """A record's translation key: the same for a block and its translations."""
    return uuid.uuid5(RECORD_NAMESPACE, f"{page_key}:{block_id or index}")


def stream_rows(raw):
    """The list of {type, value, id} rows of a stored StreamField (JSON text or list)."""
    if not raw:
        return []
    if isinstance(raw, str):
        raw = json.loads(raw)
    return list(raw)


def plan_values(page_key, rows, commitment_count):
    """ActionPlan field values from old plan blocks (years kept in the title when needed)."""
    plans = []
    for index, row in enumerate(rows):
        value = row["value"]
        title = value.get("title") or ""
        start, end = value.get("start_year"), value.get("end_year")
        dated_by_commitments = len(rows) == 1 and commitment_count
        if start and not dated_by_commitments and str(start) not in title:
            title = f"{title} ({start}–{end})" if end else f"{title} ({start})"
        plans.append(
            {
                "translation_key": record_key(page_key, row.get("id"), f"plan-{index}"),
                "sort_order": index,
                "title": title[:200],
                "document_id": value.get("document") or None,
                "url": value.get("url") or "",
                "start_year": start,
                "end_year": end,
            }
        )
    return plans


def commitment_values(page_key, rows, plans):
    """Commitment field values from old commitment blocks, in the member's only plan if one."""
    plan = plans[0] if len(plans) == 1 else None
    commitments = []
    for index, row in enumerate(rows):
        value = row["value"]
        start = plan and plan["start_year"]
        end = plan and plan["end_year"]
        commitments.append(
            {
                "translation_key": record_key(page_key, row.get("id"), f"commitment-{index}"),
                "sort_order": index,
                "plan_key": plan["translation_key"] if plan else None,
                "code": value["code"],
                "title": value.get("title") or "",
                "status": OLD_TO_NEW_STATUS.get(value.get("status"), value.get("status")),
                "starred": bool(value.get("starred")),
                "start_date": datetime.date(start, 1, 1) if start else None,
                "end_date": datetime.date(end, 12, 31) if end else None,
                "policy_area_ids": [value["policy_area"]] if value.get("policy_area") else [],
            }
        )
    return commitments


def build_records(apps, page, raw_plans, raw_commitments, known):
    """Unsaved ActionPlans, and (Commitment, plan key, area ids) for one page's old blocks.

    `known` maps translation keys of records already saved for this page to their pk, so a
    revision's records point at the saved ones.
    """
    ActionPlan = apps.get_model("stories", "ActionPlan")
    Commitment = apps.get_model("stories", "Commitment")
    plan_rows, commitment_rows = stream_rows(raw_plans), stream_rows(raw_commitments)
    plans = plan_values(page.translation_key, plan_rows, len(commitment_rows))
    commitments = commitment_values(page.translation_key, commitment_rows, plans)
    plan_objects = []
    for values in plans:
        values = {k: v for k, v in values.items() if k not in ("start_year", "end_year")}
        plan = ActionPlan(page_id=page.pk, locale_id=page.locale_id, **values)
        plan.pk = known.get(plan.translation_key)
        plan_objects.append(plan)
    commitment_objects = []
    for values in commitments:
        values = dict(values)
        plan_key, area_ids = values.pop("plan_key"), values.pop("policy_area_ids")
        commitment = Commitment(page_id=page.pk, locale_id=page.locale_id, **values)
        commitment.pk = known.get(commitment.translation_key)
        commitment.action_plan_id = known.get(plan_key)
        commitment_objects.append((commitment, plan_key, area_ids))
    return plan_objects, commitment_objects


def existing_area_ids(apps, ids):
    """The ids among `ids` of policy areas that still exist."""
    PolicyArea = apps.get_model("home", "PolicyArea")
    return set(PolicyArea.objects.filter(pk__in=ids).values_list("pk", flat=True))


def move_streams_to_records(apps, schema_editor):
    """Forward: blocks of every member page and revision become records."""
    MemberProfilePage = apps.get_model("stories", "MemberProfilePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for page in MemberProfilePage.objects.order_by("pk"):
        plans, commitments = build_records(
            apps,
            page,
            page.legacy_action_plans.raw_data,
            page.legacy_commitments.raw_data,
            {},
        )
        known = {}
        for plan in plans:
            plan.save()
            known[plan.translation_key] = plan.pk
        areas = existing_area_ids(apps, [i for _c, _k, ids in commitments for i in ids])
        for commitment, plan_key, area_ids in commitments:
            commitment.action_plan_id = known.get(plan_key)
            commitment.save()
            commitment.policy_areas.set([i for i in area_ids if i in areas])
            known[commitment.translation_key] = commitment.pk
        content_type = ContentType.objects.filter(app_label="stories", model="memberprofilepage")
        revisions = Revision.objects.filter(content_type__in=content_type, object_id=str(page.pk))
        for revision in revisions:
            revision.content = revision_with_records(apps, page, revision.content, known)
            revision.save(update_fields=["content"])


def revision_with_records(apps, page, content, known):
    """A revision's content with its old blocks replaced by serialized records."""
    content = dict(content)
    plans, commitments = build_records(
        apps, page, content.pop("action_plans", None), content.pop("commitments", None), known
    )
    content["action_plans"] = [get_serializable_data_for_fields(plan) for plan in plans]
    content["commitments"] = []
    for commitment, _plan_key, area_ids in commitments:
        data = get_serializable_data_for_fields(commitment)
        data.update({"policy_areas": area_ids, "sdgs": []})
        content["commitments"].append(data)
    return content


def move_records_to_streams(apps, schema_editor):
    """Backward: records become blocks again (plan years from their commitments' dates)."""
    MemberProfilePage = apps.get_model("stories", "MemberProfilePage")
    Commitment = apps.get_model("stories", "Commitment")
    ActionPlan = apps.get_model("stories", "ActionPlan")
    for page in MemberProfilePage.objects.order_by("pk"):
        commitments = list(
            Commitment.objects.filter(page_id=page.pk).order_by("sort_order", "pk")
        )
        plan_rows = []
        for plan in ActionPlan.objects.filter(page_id=page.pk).order_by("sort_order", "pk"):
            own = [c for c in commitments if c.action_plan_id == plan.pk]
            starts = [c.start_date.year for c in own if c.start_date]
            ends = [c.end_date.year for c in own if c.end_date]
            value = {
                "title": plan.title,
                "start_year": min(starts, default=None),
                "end_year": max(ends, default=None),
                "commitments": len(own),
                "status": "in_progress",
                "document": plan.document_id,
                "url": plan.url,
            }
            plan_rows.append({"type": "action_plan", "value": value, "id": str(uuid.uuid4())})
        commitment_rows = []
        for commitment in commitments:
            area = commitment.policy_areas.order_by("pk").first()
            value = {
                "code": commitment.code,
                "title": commitment.title,
                "policy_area": area.pk if area else None,
                "status": NEW_TO_OLD_STATUS.get(commitment.status, commitment.status),
                "starred": commitment.starred,
            }
            commitment_rows.append({"type": "commitment", "value": value, "id": str(uuid.uuid4())})
        page.legacy_action_plans = plan_rows
        page.legacy_commitments = commitment_rows
        page.save(update_fields=["legacy_action_plans", "legacy_commitments"])
    Commitment.objects.all().delete()
    ActionPlan.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0002_commitment_records"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(move_streams_to_records, move_records_to_streams)]
