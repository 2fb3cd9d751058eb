"""Members who did similar reforms: other members' stories sharing a story's policy areas and
goals, through their stories and through their commitments, each with the reason it is shown.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from home.localization import vocabulary
from home.models import PolicyArea, SustainableDevelopmentGoal


@dataclass
class Suggestion:
    """Another member's story, scored by the terms it (or its member's commitments) shares."""

    story: object
    about: list = field(default_factory=list)
    committed: list = field(default_factory=list)

    @property
    def score(self):
        """Distinct shared terms; a term shared by both the story and commitments counts once."""
        return len({*self.about, *self.committed})

    def reason(self, names):
        """Why it is suggested, in the visitor's language, e.g. "Also committed to open
        contracting"; the commitments' terms first, since they say what a member set out to do,
        each part's terms by name (the database hands them in no fixed order)."""
        committed = sorted((names[key] for key in self.committed if key in names), key=str.casefold)
        about = [names[key] for key in self.about if key in names and key not in self.committed]
        about.sort(key=str.casefold)
        parts = []
        if committed:
            parts.append(format_lazy(_("Also committed to {terms}"), terms=", ".join(committed)))
        if about:
            parts.append(format_lazy(_("Also about {terms}"), terms=", ".join(about)))
        return "; ".join(str(part) for part in parts)


def commitment_terms(member_keys, area_keys, goal_keys):
    """{member translation key: [shared term keys]} from the members' commitments (one query)."""
    from stories.models import Commitment

    shared = {}
    rows = (
        Commitment.objects.filter(page__translation_key__in=member_keys)
        .filter(
            Q(policy_areas__translation_key__in=area_keys) | Q(sdgs__translation_key__in=goal_keys)
        )
        .values_list(
            "page__translation_key", "policy_areas__translation_key", "sdgs__translation_key"
        )
        .distinct()
    )
    for member_key, area_key, goal_key in rows:
        keys = shared.setdefault(member_key, [])
        for key in (area_key, goal_key):
            if key is not None and key in {*area_keys, *goal_keys} and key not in keys:
                keys.append(key)
    return shared


def story_terms(story_ids, area_keys, goal_keys):
    """{story id: [shared term keys]} from the stories' own policy areas and goals: both
    relations in one query (the cards show no terms, so none is loaded whole)."""
    from stories.models import ReformStoryPage

    areas = ReformStoryPage.policy_areas.through.objects.filter(
        reformstorypage_id__in=story_ids, policyarea__translation_key__in=area_keys
    ).values_list("reformstorypage_id", "policyarea__translation_key")
    goals = ReformStoryPage.sdgs.through.objects.filter(
        reformstorypage_id__in=story_ids,
        sustainabledevelopmentgoal__translation_key__in=goal_keys,
    ).values_list("reformstorypage_id", "sustainabledevelopmentgoal__translation_key")
    shared = {}
    for story_id, key in areas.union(goals, all=True):
        shared.setdefault(story_id, []).append(key)
    return shared


def similar_stories(story, limit=3):
    """Other members' live stories in the story's language that share its policy areas or goals,
    in their own terms or their members' commitments, best first, each with `similar_reason`
    (a fixed number of queries)."""
    from stories.models import Commitment, ReformStoryPage

    areas = list(story.policy_areas.all())
    goals = list(story.sdgs.all())
    area_keys = {a.translation_key for a in areas}
    goal_keys = {g.translation_key for g in goals}
    if not area_keys and not goal_keys:
        return []
    own_member = getattr(story.member, "translation_key", None)
    committed_members = Commitment.objects.filter(
        Q(policy_areas__translation_key__in=area_keys) | Q(sdgs__translation_key__in=goal_keys)
    ).values("page__translation_key")
    candidates = list(
        ReformStoryPage.objects.live()
        .filter(locale_id=story.locale_id)
        .exclude(translation_key=story.translation_key)
        .exclude(member__translation_key=own_member)
        .filter(
            Q(policy_areas__translation_key__in=area_keys)
            | Q(sdgs__translation_key__in=goal_keys)
            | Q(member__translation_key__in=committed_members)
        )
        .distinct()
        .select_related("member__country", "image")
    )
    member_keys = {c.member.translation_key for c in candidates if c.member_id}
    committed = commitment_terms(member_keys, area_keys, goal_keys)
    shared = story_terms([c.pk for c in candidates], area_keys, goal_keys)
    suggestions = []
    for candidate in candidates:
        member_key = candidate.member.translation_key if candidate.member_id else None
        suggestions.append(
            Suggestion(candidate, shared.get(candidate.pk, []), committed.get(member_key, []))
        )
    suggestions = [s for s in suggestions if s.score]
    # The primary key last: stories alike in all else are still shown in one order.
    suggestions.sort(
        key=lambda s: (-s.score, -len(s.committed), -s.story.start_year, s.story.title, s.story.pk)
    )
    chosen = suggestions[:limit]
    names = {}
    for model, keys in ((PolicyArea, area_keys), (SustainableDevelopmentGoal, goal_keys)):
        if keys and chosen:
            names.update({k: str(t) for k, t in vocabulary(model, story.locale).items()})
    for suggestion in chosen:
        suggestion.story.similar_reason = suggestion.reason(names)
    return [suggestion.story for suggestion in chosen]
