"""What the commitments explorer lists and how: every live member's commitments in a language,
their filters, sort orders and search, and the partnership's totals by policy area.

The explorer page (CommitmentIndexPage, stories/models/explorer.py), its feeds and downloads,
and the API endpoint (stories/api.py) all start from `commitments_in_language` and narrow it
with the same `commitment_filters`, so a set of GET parameters gives the same commitments
everywhere.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Max, Min, Q, Value
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from home.listing import (
    ChoiceFilter,
    Listing,
    ListingFilter,
    SortOrder,
    TaxonomyFilter,
    facet_rows,
)
from home.localization import source_language_code, vocabulary
from home.models import Country, PolicyArea, Region, SustainableDevelopmentGoal
from pagecache.fragments import fragment
from stories.models.commitments import ActionPlan, Commitment, CommitmentStatus
from stories.models.members import MemberKind, MemberProfilePage

# Longest search text read; more is cut (a search is a few words).
SEARCH_MAX_LENGTH = 100
SEARCH_MAX_WORDS = 8


@dataclass
class StarredFilter(ListingFilter):
    """Only the commitments marked as standouts (one option, "yes")."""

    def parse(self, querydict):
        """Only "yes" means anything."""
        super().parse(querydict)
        self.values = [v for v in self.values if v == "yes"][:1]

    def apply(self, queryset):
        """Starred commitments when chosen."""
        return queryset.filter(**{self.lookup: True}) if self.values else queryset

    def count_parts(self, queryset):
        """How many are starred, as one row."""
        starred = queryset.order_by().filter(**{self.lookup: True})
        return [
            facet_rows(
                starred.annotate(facet_value=Value("yes")),
                self.param,
                "facet_value",
                Count("pk", distinct=True),
            )
        ]

    def read_counts(self, rows):
        """No option when none is starred."""
        return {value: n for value, n in rows if n}

    def labels(self, values, locale):
        """The one option's name."""
        return {"yes": (str(_("Starred commitments")), "")} if "yes" in values else {}


def read_plan_periods():
    """{plan id: "start-end"} of every plan whose commitments are dated (one query)."""
    rows = ActionPlan.objects.annotate(
        start=Min("commitments__start_date"), end=Max("commitments__end_date")
    ).values_list("pk", "start", "end")
    return {pk: f"{start.year}-{(end or start).year}" for pk, start, end in rows if start}


@dataclass
class PlanPeriodFilter(ListingFilter):
    """By the period of the commitment's action plan, e.g. "2021-2023".

    A plan's period is computed from its commitments (earliest start, latest end), so the
    periods of every plan are read once per version of the content (a shared fragment) and
    matched in Python.
    """

    periods: dict = field(default=None)

    def plan_periods(self):
        """{plan id: "start-end"} for every plan whose commitments are dated."""
        if self.periods is None:
            self.periods = fragment("action-plan-periods", read_plan_periods)
        return self.periods

    def parse(self, querydict):
        """Keep values shaped like "2021-2023"."""
        super().parse(querydict)
        self.values = [v for v in self.values if len(v) == 9 and v[4] == "-"]

    def apply(self, queryset):
        """Commitments whose plan has one of the chosen periods."""
        if not self.values:
            return queryset
        plans = [pk for pk, period in self.plan_periods().items() if period in self.values]
        return queryset.filter(action_plan_id__in=plans)

    def read_counts(self, rows):
        """Commitments per period, adding up the plans (the rows are grouped by plan)."""
        periods = self.plan_periods()
        counts = {}
        for plan, n in rows:
            period = periods.get(int(plan)) if plan is not None else None
            if period:
                counts[period] = counts.get(period, 0) + n
        return counts

    def labels(self, values, locale):
        """Periods as "2021–2023" (a single year alone)."""
        known = set(self.plan_periods().values())
        return {
            v: (v.replace("-", "–") if v[:4] != v[5:] else v[:4], "") for v in values if v in known
        }

    def order(self, labels):
        """Newest period first."""
        return sorted(labels, reverse=True)


def commitment_filters():
    """The explorer's filters, in the order shown (new objects: a filter holds one request)."""
    return [
        TaxonomyFilter("policy_area", _("Policy area"), "policy_areas__slug", model=PolicyArea),
        TaxonomyFilter(
            "sdg", _("Sustainable Development Goal"), "sdgs__slug", model=SustainableDevelopmentGoal
        ),
        ChoiceFilter("status", _("Status"), "status", choices=CommitmentStatus.choices),
        ChoiceFilter("region", _("Region"), "page__country__region", choices=Region.choices),
        TaxonomyFilter("country", _("Country"), "page__country__slug", model=Country),
        ChoiceFilter("kind", _("Kind of government"), "page__kind", choices=MemberKind.choices),
        PlanPeriodFilter("period", _("Action plan period"), "action_plan_id"),
        StarredFilter("starred", _("Starred"), "starred"),
    ]


def commitment_sort_orders():
    """By member (the default), by code, newest start first, or by title."""
    return [
        SortOrder("member", _("By member"), ("page__title", "sort_order", "pk")),
        SortOrder("code", _("By code"), ("code", "pk")),
        SortOrder(
            "newest", _("Newest first"), (F("start_date").desc(nulls_last=True), "code", "pk")
        ),
        SortOrder("title", _("A to Z"), ("title", "pk")),
    ]


def live_member_commitments():
    """Commitments of live members that anyone may see, in every language."""
    members = MemberProfilePage.objects.live().public().values("pk")
    return Commitment.objects.filter(page__in=members)


def commitments_in_language(locale):
    """Commitments of live public members in `locale`; in a translated site also the source
    language's commitments not translated yet (as members are listed meanwhile)."""
    commitments = live_member_commitments()
    source = source_language_code()
    if locale.language_code == source:
        return commitments.filter(locale_id=locale.pk)
    translated = commitments.filter(locale_id=locale.pk).values("translation_key")
    return commitments.filter(
        Q(locale_id=locale.pk)
        | (Q(locale__language_code=source) & ~Q(translation_key__in=translated))
    )


def search_query(querydict):
    """The search text of a request, trimmed to what is read."""
    return " ".join(querydict.get("q", "")[:SEARCH_MAX_LENGTH].split()[:SEARCH_MAX_WORDS])


SEARCHED_FIELDS = ("code", "title", "description", "page__title")


def search_commitments(queryset, text):
    """Commitments whose code, title, description or member name holds every word of `text`,
    whatever the case in any alphabet: both sides are lowered by the database's `lower()`
    (on SQLite the Unicode one search/signals.py registers; `icontains` folds ASCII only)."""
    words = text.split()
    if not words:
        return queryset
    lowered = {f"lowered_{i}": Lower(name) for i, name in enumerate(SEARCHED_FIELDS)}
    queryset = queryset.alias(**lowered)
    for word in words:
        condition = Q()
        for name in lowered:
            condition |= Q(**{f"{name}__contains": word.lower()})
        queryset = queryset.filter(condition)
    return queryset


def commitment_listing(request, queryset, locale, page_size=None):
    """The explorer's `Listing` of `queryset` for this request: its search (`q`, kept in every
    link), filters with counts and sort order. The page, its feeds and downloads, and the API
    all use it, so the same parameters give the same commitments and counts everywhere."""
    query = search_query(request.GET)
    return Listing(
        request,
        search_commitments(queryset, query),
        commitment_filters(),
        commitment_sort_orders(),
        page_size=page_size,
        locale=locale,
        kept=[("q", query)],
    )


@dataclass
class AreaTotal:
    """One policy area's commitments: how many, and how many in each status."""

    name: str
    slug: str
    total: int = 0
    by_status: dict = field(default_factory=dict)

    @property
    def completed(self):
        """How many are completed."""
        return self.by_status.get(CommitmentStatus.COMPLETED, 0)

    @property
    def cells(self):
        """Counts in the order of `CommitmentStatus`, for a table row."""
        return [self.by_status.get(value, 0) for value in CommitmentStatus.values]


def policy_area_totals(queryset, locale):
    """The partnership's commitments by policy area and status, biggest area first (one query,
    and the vocabulary the page reads anyway); a commitment in two areas counts in both."""
    rows = (
        queryset.order_by()
        .filter(policy_areas__isnull=False)
        .values("policy_areas__translation_key", "policy_areas__slug", "status")
        .annotate(n=Count("pk", distinct=True))
    )
    totals = {}
    for row in rows:
        key = row["policy_areas__translation_key"]
        total = totals.setdefault(key, AreaTotal(name="", slug=row["policy_areas__slug"]))
        total.by_status[row["status"]] = total.by_status.get(row["status"], 0) + row["n"]
        total.total += row["n"]
    names = vocabulary(PolicyArea, locale)
    for key, total in totals.items():
        total.name = names[key].name if key in names else total.slug
    return sorted(totals.values(), key=lambda t: (-t.total, t.name.casefold()))
