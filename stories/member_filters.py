"""The member directory's policy-area filter: members through their commitments and stories.

A member has a policy area when one of its commitments or live reform stories is tagged with
it. Members and their commitments and stories are matched by translation key, so the filter
works the same in every language.
"""

from dataclasses import dataclass

from django.db.models import Q

from home.listing import TaxonomyFilter


@dataclass
class MemberPolicyAreaFilter(TaxonomyFilter):
    """Members with a commitment or a live story in any of the chosen policy areas."""

    def tagged(self, slugs=None):
        """(member translation key, area slug) querysets of commitments and of live stories."""
        from stories.models import Commitment, ReformStoryPage

        commitments = Commitment.objects.filter(policy_areas__isnull=False)
        stories = ReformStoryPage.objects.live().filter(policy_areas__isnull=False)
        if slugs is not None:
            commitments = commitments.filter(policy_areas__slug__in=slugs)
            stories = stories.filter(policy_areas__slug__in=slugs)
        return (
            commitments.values_list("page__translation_key", "policy_areas__slug"),
            stories.values_list("member__translation_key", "policy_areas__slug"),
        )

    def apply(self, queryset):
        """Members having one of the chosen areas through a commitment or a story."""
        if not self.values:
            return queryset
        commitments, stories = self.tagged(self.values)
        return queryset.filter(
            Q(translation_key__in=commitments.values("page__translation_key"))
            | Q(translation_key__in=stories.values("member__translation_key"))
        )

    def count_parts(self, queryset):
        """Counted on its own (`counts`): members meet areas through two other tables."""
        return []

    def counts(self, queryset):
        """Members of `queryset` per area (two queries: commitments' and stories' areas)."""
        members = queryset.order_by().values("translation_key")
        commitments, stories = self.tagged()
        pairs = set(commitments.filter(page__translation_key__in=members).distinct())
        pairs |= set(stories.filter(member__translation_key__in=members).distinct())
        counts = {}
        for _member, slug in pairs:
            counts[slug] = counts.get(slug, 0) + 1
        return counts
