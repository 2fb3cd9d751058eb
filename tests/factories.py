"""Factories for tests: pages, snippets and images, built with wagtail-factories.

StreamField content comes from demo/loading/blocks.py, the builders the demo loader and the
browser tests' site use too, so no block's shape is typed here.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from demo.loading.blocks import lessons
from events.models import EventIndexPage, EventPage
from home.models import Country, HomePage, PolicyArea, StandardPage, SustainableDevelopmentGoal
from knowledge.models import (
    KnowledgeIndexPage,
    KnowledgeProductPage,
    TrainingIndexPage,
    TrainingModulePage,
)
from stories.models import (
    ActionPlan,
    Commitment,
    CommitmentIndexPage,
    CommitmentStatus,
    MemberIndexPage,
    MemberProfilePage,
    ReformStoryPage,
    StoryIndexPage,
)


def default_locale():
    """The source-language locale (English)."""
    return Locale.get_default()


class PolicyAreaFactory(factory.django.DjangoModelFactory):
    """A policy area in English."""

    class Meta:
        model = PolicyArea
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Policy area {n}")
    slug = factory.Sequence(lambda n: f"policy-area-{n}")
    locale = factory.LazyFunction(default_locale)


class SDGFactory(factory.django.DjangoModelFactory):
    """A Sustainable Development Goal in English."""

    class Meta:
        model = SustainableDevelopmentGoal
        django_get_or_create = ("slug", "locale")

    number = factory.Sequence(lambda n: n % 17 + 1)
    name = factory.LazyAttribute(lambda o: f"Goal {o.number}")
    slug = factory.LazyAttribute(lambda o: f"sdg-{o.number}")
    colour = "#E5243B"
    locale = factory.LazyFunction(default_locale)


class CountryFactory(factory.django.DjangoModelFactory):
    """A country in English."""

    class Meta:
        model = Country
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Country {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    iso_code = "ES"
    region = "europe"
    locale = factory.LazyFunction(default_locale)


class ImageFactory(wagtail_factories.ImageFactory):
    """A small generated image."""


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page."""

    class Meta:
        model = HomePage

    title = "Home"
    hero_title = "Open local government"


class StandardPageFactory(wagtail_factories.PageFactory):
    """A standard page."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page {n}")
    summary = "A standard page."


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    """The story index."""

    class Meta:
        model = StoryIndexPage

    title = "Stories"
    slug = "stories"


class MemberIndexPageFactory(wagtail_factories.PageFactory):
    """The member directory."""

    class Meta:
        model = MemberIndexPage

    title = "Members"
    slug = "members"


class KnowledgeIndexPageFactory(wagtail_factories.PageFactory):
    """The knowledge index."""

    class Meta:
        model = KnowledgeIndexPage

    title = "Knowledge"
    slug = "knowledge"


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    """The training index."""

    class Meta:
        model = TrainingIndexPage

    title = "Training"
    slug = "training"


class CommitmentIndexPageFactory(wagtail_factories.PageFactory):
    """The commitments explorer."""

    class Meta:
        model = CommitmentIndexPage

    title = "Commitments"
    slug = "commitments"


class MemberProfilePageFactory(wagtail_factories.PageFactory):
    """A member government."""

    class Meta:
        model = MemberProfilePage

    title = factory.Sequence(lambda n: f"Member {n}")
    kind = "city"
    country = factory.SubFactory(CountryFactory)
    year_joined = 2020
    summary = "A member government."


class ActionPlanFactory(factory.django.DjangoModelFactory):
    """An action plan of a member (pass `page`), in the member's language."""

    class Meta:
        model = ActionPlan

    locale = factory.LazyAttribute(lambda plan: plan.page.locale)
    title = factory.Sequence(lambda n: f"Action plan {n}")


class CommitmentFactory(factory.django.DjangoModelFactory):
    """A commitment of a member (pass `page`, optionally `action_plan`), in progress."""

    class Meta:
        model = Commitment
        skip_postgeneration_save = True

    locale = factory.LazyAttribute(lambda commitment: commitment.page.locale)
    code = factory.Sequence(lambda n: f"TST{n % 10000:04d}")
    title = factory.Sequence(lambda n: f"Commitment {n}")
    status = CommitmentStatus.IN_PROGRESS
    start_date = datetime.date(2021, 1, 1)
    end_date = datetime.date(2023, 12, 31)

    @factory.post_generation
    def policy_areas(obj, create, extracted, **kwargs):
        """Attach the given policy areas (a list)."""
        if extracted:
            obj.policy_areas.set(extracted)
            if create:
                obj.save()

    @factory.post_generation
    def sdgs(obj, create, extracted, **kwargs):
        """Attach the given goals (a list)."""
        if extracted:
            obj.sdgs.set(extracted)
            if create:
                obj.save()


class ReformStoryPageFactory(wagtail_factories.PageFactory):
    """A reform story."""

    class Meta:
        model = ReformStoryPage
        # The hooks below publish what they attach; a save after them would only repeat it.
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Reform story {n}")
    summary = "What the member did."
    member = factory.SubFactory(MemberProfilePageFactory)
    status = "in_progress"
    start_year = 2021

    @factory.post_generation
    def policy_areas(obj, create, extracted, **kwargs):
        """Attach the given policy areas (a list) after creation."""
        if extracted:
            obj.policy_areas.set(extracted)
            if create:
                obj.save_revision().publish()

    @factory.post_generation
    def sdgs(obj, create, extracted, **kwargs):
        """Attach the given goals (a list) after creation."""
        if extracted:
            obj.sdgs.set(extracted)
            if create:
                obj.save_revision().publish()


class KnowledgeProductPageFactory(wagtail_factories.PageFactory):
    """A knowledge product with an external link."""

    class Meta:
        model = KnowledgeProductPage

    title = factory.Sequence(lambda n: f"Knowledge product {n}")
    summary = "What it teaches."
    kind = "guide"
    publication_date = datetime.date(2024, 1, 15)
    external_url = "https://example.org/guide"


class TrainingModulePageFactory(wagtail_factories.PageFactory):
    """A training module with two lessons."""

    class Meta:
        model = TrainingModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What it covers."
    audience = "civil_servants"
    estimated_minutes = 20
    lessons = factory.LazyAttribute(
        lambda module: lessons(
            f"factory/{module.title}",
            [
                {"title": "First lesson", "body": ["One."]},
                {"title": "Second lesson", "body": ["Two."]},
            ],
        )
    )


class EventIndexPageFactory(wagtail_factories.PageFactory):
    """The events index."""

    class Meta:
        model = EventIndexPage

    title = "Events"
    slug = "events"


class EventPageFactory(wagtail_factories.PageFactory):
    """An online webinar next month, 18:00-19:30 in Jakarta, in English."""

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Event {n}")
    summary = "What happens there."
    kind = "webinar"
    time_zone = "Asia/Jakarta"
    start = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=30)).replace(
            hour=11, minute=0, second=0, microsecond=0
        )
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(minutes=90))
    attendance = "online"
    languages = "|en|"

    @factory.post_generation
    def policy_areas(obj, create, extracted, **kwargs):
        """Attach the given policy areas (a list) after creation."""
        if extracted:
            obj.policy_areas.set(extracted)
            if create:
                obj.save_revision().publish()
