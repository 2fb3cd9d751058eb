"""The commitments explorer: every member's commitments in one listing, with the partnership's
totals by policy area.

A page (not a view of its own) so that it has a tree in every language, a translated title and
introduction, menus, a sitemap entry and the listing mechanism's feeds and downloads, as the
other listings do; commitments keep their own addresses on their members.
"""

from django.utils.translation import gettext_lazy as _

from home.localization import in_locale, vocabulary
from home.models import PolicyArea
from home.models.listing_page import SectionIndexPage
from pagecache.fragments import fragment
from stories.commitment_listing import (
    commitment_filters,
    commitment_listing,
    commitment_sort_orders,
    commitments_in_language,
    policy_area_totals,
)
from stories.models.commitments import Commitment, CommitmentStatus


class CommitmentIndexPage(SectionIndexPage):
    """Every commitment of every member: filters with counts, search, feeds and downloads."""

    subpage_types = []
    listing_page_size = 24
    section = "commitments"
    export_ordering = ("page__title", "sort_order", "pk")

    class Meta:
        verbose_name = _("commitments explorer")

    @classmethod
    def listing_model(cls):
        """Commitments, which are records on their members, not pages below this one."""
        return Commitment

    def get_filters(self):
        """Policy area, goal, status, region, country, kind of member, plan period, starred."""
        return commitment_filters()

    def get_sort_orders(self):
        """By member, code, newest or title."""
        return commitment_sort_orders()

    def get_listing_queryset(self, locale):
        """Commitments of live members in `locale` (with the source's meanwhile), with what
        their cards, feeds and downloads show fetched up front."""
        return (
            commitments_in_language(locale)
            .select_related("page", "page__country", "action_plan", "locale")
            .prefetch_related("policy_areas")
        )

    def get_listing(self, request):
        """The listing of the request's search (`q`) and filters."""
        return commitment_listing(
            request, self.get_listing_queryset(self.locale), self.locale, self.listing_page_size
        )

    def get_cards(self, request, commitments):
        """What each commitment's card shows: its address, member, country and policy areas
        in this page's language (two queries whatever the number of cards)."""
        commitments = list(commitments)
        areas = [area for c in commitments for area in c.policy_areas.all()]
        names = vocabulary(PolicyArea, self.locale) if areas else {}
        return [
            {
                "commitment": c,
                "url": c.get_url(request),
                "member": c.page,
                "country": in_locale([c.page.country], self.locale)[0],
                "areas": [names.get(a.translation_key, a).name for a in c.policy_areas.all()],
                "untranslated": c.locale_id != self.locale.pk,
            }
            for c in commitments
        ]

    def get_context(self, request, *args, **kwargs):
        """Add the cards of this page of results and the partnership's totals by policy area."""
        context = super().get_context(request, *args, **kwargs)
        context["cards"] = self.get_cards(request, context["results"].object_list)
        # The same for every filter: counted once per version of the content and language.
        context["area_totals"] = fragment(
            f"commitment-area-totals:{self.locale.pk}",
            lambda: policy_area_totals(commitments_in_language(self.locale), self.locale),
        )
        context["statuses"] = CommitmentStatus.choices
        context["query"] = context["listing"].kept[0][1] if context["listing"].kept else ""
        return context
