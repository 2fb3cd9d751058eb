"""A member's action plans and the commitments in them, as records edited inside its profile.

Both are ordered children of a member profile (ParentalKey) and translatable with it: titles and
descriptions are translated through wagtail-localize, codes, dates and statuses are synchronised.
A plan's period, commitment count and status are computed from its commitments, never typed.
"""

from dataclasses import dataclass

from django.core.validators import RegexValidator
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.exports import IDENTITY_COLUMNS, LICENCE_COLUMNS, Column
from home.models import TaggedMixin
from home.serializers import TaxonomyField
from pagecache import fragments
from stories.blocks import MilestoneBlock, SourceBlock

commitment_code_validator = RegexValidator(
    r"^[A-Z]{3}\d{4}$", _("Use three capital letters and four digits, e.g. MAD0001.")
)

ILLUSTRATIVE_NOTE = _(
    "Plans and commitments of the demo site are illustrative: the partnership's brochure gives "
    "no commitment data, so they are examples, not any government's record."
)


class CommitmentStatus(models.TextChoices):
    """Where a commitment stands."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def plan_status(statuses):
    """A plan's status from its commitments' statuses; None when it has none yet.

    Withdrawn commitments do not hold a plan back: it is completed when every other one is.
    """
    statuses = list(statuses)
    if not statuses:
        return None
    active = {status for status in statuses if status != CommitmentStatus.WITHDRAWN}
    if not active:
        return CommitmentStatus.WITHDRAWN
    if active == {CommitmentStatus.COMPLETED}:
        return CommitmentStatus.COMPLETED
    if active == {CommitmentStatus.NOT_STARTED}:
        return CommitmentStatus.NOT_STARTED
    return CommitmentStatus.IN_PROGRESS


@dataclass
class PlanProgress:
    """What a plan's commitments add up to: how many, how many completed, period and status."""

    total: int
    completed: int
    start_year: int | None
    end_year: int | None
    status: str | None

    @classmethod
    def of(cls, commitments):
        """The progress of a list of commitments."""
        starts = [c.start_date.year for c in commitments if c.start_date]
        ends = [c.end_date.year for c in commitments if c.end_date]
        return cls(
            total=len(commitments),
            completed=sum(c.status == CommitmentStatus.COMPLETED for c in commitments),
            start_year=min(starts, default=None),
            end_year=max(ends, default=None),
            status=plan_status(c.status for c in commitments),
        )

    @property
    def status_label(self):
        """The status in the active language (empty when there is none)."""
        return CommitmentStatus(self.status).label if self.status else ""

    @property
    def percent(self):
        """Completed commitments as a whole percentage of all of them."""
        return round(100 * self.completed / self.total) if self.total else 0


class ActionPlan(TranslatableMixin, Orderable):
    """One of a member's action plans: a title and where to read it; the rest is computed."""

    page = ParentalKey(
        "stories.MemberProfilePage", on_delete=models.CASCADE, related_name="action_plans"
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("e.g. Action plan 2021-2023."))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The plan."),
    )
    url = models.URLField(_("link"), blank=True, help_text=_("Or where it is published."))

    panels = [
        HelpPanel(content=ILLUSTRATIVE_NOTE),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("document"), FieldPanel("url")]),
    ]
    api_fields = [APIField("title"), APIField("document"), APIField("url")]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("document"),
        SynchronizedField("url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def __str__(self):
        """The plan's title."""
        return self.title


class Commitment(TranslatableMixin, TaggedMixin, Orderable, ClusterableModel):
    """A commitment of a member, identified by its code (e.g. MAD0001), in one of its plans."""

    page = ParentalKey(
        "stories.MemberProfilePage", on_delete=models.CASCADE, related_name="commitments"
    )
    action_plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commitments",
        help_text=_("One of this member's plans (save the page after adding a new plan)."),
    )
    code = models.CharField(
        _("code"),
        max_length=7,
        validators=[commitment_code_validator],
        help_text=_("Three capital letters and four digits, e.g. MAD0001."),
    )
    title = models.CharField(_("title"), max_length=250, help_text=_("What it commits to."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("What will be done, by whom, and why.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.NOT_STARTED,
        help_text=_("Where the reform stands."),
    )
    start_date = models.DateField(_("start"), null=True, blank=True, help_text=_("When it began."))
    end_date = models.DateField(_("end"), null=True, blank=True, help_text=_("When it is due."))
    starred = models.BooleanField(
        _("starred"), default=False, help_text=_("Marked as a standout commitment.")
    )
    milestones = StreamField(
        [("milestone", MilestoneBlock())],
        blank=True,
        verbose_name=_("milestones"),
        help_text=_("Optional steps on the way, with their dates."),
    )
    evidence = StreamField(
        [("source", SourceBlock())],
        blank=True,
        verbose_name=_("evidence"),
        help_text=_("Links to what shows the progress."),
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("action_plan"), FieldPanel("status")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("starred")]),
        FieldRowPanel([FieldPanel("policy_areas"), FieldPanel("sdgs")]),
        FieldPanel("milestones"),
        FieldPanel("evidence"),
    ]
    api_fields = [
        APIField("code"),
        APIField("action_plan_id"),
        APIField("title"),
        APIField("description"),
        APIField("policy_areas", serializer=TaxonomyField("policy_areas")),
        APIField("sdgs", serializer=TaxonomyField("sdgs")),
        APIField("status"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("starred"),
        APIField("milestones"),
        APIField("evidence"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("milestones"),
        TranslatableField("evidence"),
        SynchronizedField("code"),
        SynchronizedField("action_plan"),
        SynchronizedField("status"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("starred"),
        SynchronizedField("policy_areas"),
        SynchronizedField("sdgs"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(fields=["page", "code"], name="unique_commitment_code")
        ]

    # The explorer's downloads (identity and licence, then these) and what "newest" means in its
    # feeds: a commitment is not a page, so it has no publication dates of its own.
    export_common_columns = [*IDENTITY_COLUMNS, *LICENCE_COLUMNS]
    export_columns = [
        Column("code"),
        Column("member", kind="page", attribute="page"),
        Column("member_url", kind="page_url", attribute="page"),
        Column("member_kind", attribute="page.kind"),
        Column("country", kind="term", attribute="page.country"),
        Column("region", attribute="page.country.region"),
        Column("action_plan", attribute="action_plan.title"),
        Column("policy_areas", kind="taxonomy"),
        Column("sdgs", kind="taxonomy"),
        Column("status", kind="choice"),
        Column("start_date"),
        Column("end_date"),
        Column("starred"),
    ]
    feed_ordering = (models.F("start_date").desc(nulls_last=True), "-pk")
    # Feeds read a page's last publication; a commitment has none.
    last_published_at = None

    def __str__(self):
        """The code and title."""
        return f"{self.code} {self.title}"

    @property
    def summary(self):
        """What listings, feeds and downloads show under the title: the description."""
        return self.description

    def feed_date(self):
        """A feed item's date: when the commitment starts (none when it has no start date)."""
        return self.start_date

    def get_url(self, request=None):
        """The commitment's own address on its member's page."""
        return self.page.get_url(request) + self.page.reverse_subpage(
            "commitment", kwargs={"code": self.code}
        )

    def get_full_url(self, request=None):
        """The commitment's absolute address."""
        return self.page.get_full_url(request) + self.page.reverse_subpage(
            "commitment", kwargs={"code": self.code}
        )


def commitment_structured_data(member, commitment, request):
    """A commitment as schema.org JSON-LD: a CreativeWork by its member, in the page's language."""
    url = commitment.get_full_url(request)
    return {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "identifier": commitment.code,
        "name": commitment.title,
        "description": commitment.description,
        "url": url,
        "inLanguage": member.locale.language_code,
        "creativeWorkStatus": commitment.get_status_display(),
        "temporalCoverage": "/".join(
            d.isoformat() if d else ".." for d in (commitment.start_date, commitment.end_date)
        )
        if commitment.start_date or commitment.end_date
        else None,
        "isPartOf": {"@type": "CreativeWork", "name": commitment.action_plan.title}
        if commitment.action_plan_id
        else None,
        "creator": {
            "@type": "GovernmentOrganization",
            "name": member.title,
            "url": member.get_full_url(request),
        },
    }


@receiver(post_save, sender=ActionPlan)
@receiver(post_save, sender=Commitment)
@receiver(post_delete, sender=ActionPlan)
@receiver(post_delete, sender=Commitment)
def renew_counted_figures(sender, instance, raw=False, **kwargs):
    """Plans and commitments are counted on the home page, the directory and the explorer
    (shared fragments, listing counts): saved with their member page or on their own (a script,
    the data migration), they renew the fragments as a page does."""
    if not raw:
        fragments.renew()
