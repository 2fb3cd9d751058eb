"""Factories for tests: pages, snippets and images, built with wagtail-factories.

StreamField content comes from demo/loading/blocks.py, the builders the demo loader and the
browser tests' site use too, so no block's shape is typed here.
"""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
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


def make_user(username, group_name):
    """A user (password "pw", address <username>@example.org) in exactly one group."""
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def index_page_factory(model, title, doc):
    """A factory of `model`, a section's index page: `title`, at the slug of that title."""
    made = factory.make_factory(
        model, FACTORY_CLASS=wagtail_factories.PageFactory, title=title, slug=title.lower()
    )
    made.__doc__ = doc
    return made


def attached(field, publish):
    """A post-generation hook that sets the many-to-many `field` to the list it is given, then
    saves the object (a page: publishes a revision, as its other content is live)."""

    def hook(obj, create, extracted, **kwargs):
        if extracted:
            getattr(obj, field).set(extracted)
            if create:
                if publish:
                    obj.save_revision().publish()
                else:
                    obj.save()

    return factory.post_generation(hook)


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


StoryIndexPageFactory = index_page_factory(StoryIndexPage, "Stories", "The story index.")
MemberIndexPageFactory = index_page_factory(MemberIndexPage, "Members", "The member directory.")
KnowledgeIndexPageFactory = index_page_factory(
    KnowledgeIndexPage, "Knowledge", "The knowledge index."
)
TrainingIndexPageFactory = index_page_factory(TrainingIndexPage, "Training", "The training index.")
CommitmentIndexPageFactory = index_page_factory(
    CommitmentIndexPage, "Commitments", "The commitments explorer."
)


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

    policy_areas = attached("policy_areas", publish=False)
    sdgs = attached("sdgs", publish=False)


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

    policy_areas = attached("policy_areas", publish=True)
    sdgs = attached("sdgs", publish=True)


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


EventIndexPageFactory = index_page_factory(EventIndexPage, "Events", "The events index.")


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

    policy_areas = attached("policy_areas", publish=True)
