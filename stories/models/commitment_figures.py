"""What a member's plans and commitments add up to, counted from the records: the partnership's
figures (home page, directory) and each plan's progress on a member page."""

from dataclasses import dataclass

from django.db import models

from home.listing import facet_rows
from home.localization import vocabulary
from home.models import PolicyArea
from stories.models.commitments import ActionPlan, Commitment, CommitmentStatus, PlanProgress


@dataclass
class PartnershipFigures:
    """Members, countries, action plans and commitments by status, counted from the records."""

    members: int
    countries: int
    action_plans: int
    by_status: dict

    @classmethod
    def of(cls, members):
        """The figures of a queryset of member pages, in one query whatever its size (the
        four counts joined by UNION ALL, in the rows the listings' facet counts use)."""
        pages = members.values("pk")
        whole, count = models.Value(""), models.Count
        counted_rows = [
            (members, "members", whole, count("pk", distinct=True)),
            (members, "countries", whole, count("country__translation_key", distinct=True)),
            (ActionPlan.objects.filter(page__in=pages), "plans", whole, count("pk")),
            (Commitment.objects.filter(page__in=pages), "status", models.F("status"), count("pk")),
        ]
        parts = [
            facet_rows(rows.order_by().annotate(facet_value=value), name, count=counted)
            for rows, name, value, counted in counted_rows
        ]
        counted, by_status = {}, {}
        for name, value, n in parts[0].union(*parts[1:], all=True):
            if name == "status":
                by_status[value] = n
            else:
                counted[name] = n
        return cls(
            members=counted.get("members", 0),
            countries=counted.get("countries", 0),
            action_plans=counted.get("plans", 0),
            by_status=by_status,
        )

    @property
    def commitments(self):
        """Every commitment, whatever its status."""
        return sum(self.by_status.values())

    @property
    def commitments_by_status(self):
        """(status, label, count) in the order of `CommitmentStatus`, for every status."""
        return [
            (value, label, self.by_status.get(value, 0))
            for value, label in CommitmentStatus.choices
        ]


@dataclass
class PlanSummary:
    """A plan as a member page shows it: its commitments and what they add up to."""

    plan: ActionPlan | None
    commitments: list
    progress: PlanProgress


def plans_with_progress(page):
    """The page's plans in order, each with its commitments and progress (three queries).

    Commitments in no plan come last, under a plan of None. In a translation, commitments point
    at the source page's plans (synchronised), so plans are matched by translation key.
    """
    plans = list(page.action_plans.select_related("document"))
    commitments = list(
        page.commitments.select_related("action_plan").prefetch_related("policy_areas")
    )
    areas = [area for c in commitments for area in c.policy_areas.all()]
    names = {}
    if any(area.locale_id != page.locale_id for area in areas):
        names = vocabulary(PolicyArea, page.locale)
    by_plan = {}
    for commitment in commitments:
        commitment.area_names = [
            names.get(a.translation_key, a).name for a in commitment.policy_areas.all()
        ]
        plan_key = commitment.action_plan.translation_key if commitment.action_plan_id else None
        by_plan.setdefault(plan_key, []).append(commitment)
    summaries = [PlanSummary(plan, by_plan.get(plan.translation_key, []), None) for plan in plans]
    known = {plan.translation_key for plan in plans}
    unplanned = [c for key, group in by_plan.items() if key not in known for c in group]
    if unplanned:
        summaries.append(PlanSummary(None, unplanned, None))
    for summary in summaries:
        summary.progress = PlanProgress.of(summary.commitments)
    return summaries
