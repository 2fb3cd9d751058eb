"""Training modules: structured orientation for civil servants and civil-society stakeholders."""

from types import SimpleNamespace

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.exports import Column
from home.listing import ChoiceFilter, ConditionFilter, SortOrder
from home.localization import live_in_language
from home.models import BasePage
from home.models.listing_page import SectionIndexPage
from home.serializers import PageLinkField
from knowledge.blocks import LessonBlock


class Audience(models.TextChoices):
    """Who a training module is written for."""

    CIVIL_SERVANTS = "civil_servants", _("Civil servants")
    STAKEHOLDERS = "stakeholders", _("Non-governmental stakeholders")
    EVERYONE = "everyone", _("Everyone")


class Level(models.TextChoices):
    """How much a module assumes the learner knows."""

    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class DurationFilter(ConditionFilter):
    """By how long a module takes: under half an hour, up to an hour, or longer."""

    def choices(self):
        """The three lengths, shortest first."""
        return [
            ("short", _("Under 30 minutes")),
            ("medium", _("30 to 60 minutes")),
            ("long", _("Over an hour")),
        ]

    def conditions(self):
        """The minutes each length stands for."""
        minutes = self.lookup
        return {
            "short": Q(**{f"{minutes}__lt": 30}),
            "medium": Q(**{f"{minutes}__gte": 30, f"{minutes}__lte": 60}),
            "long": Q(**{f"{minutes}__gt": 60}),
        }


class TrainingIndexPage(SectionIndexPage):
    """The structured orientation: one track of modules per audience, in order, filterable by
    audience, level, duration and language."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("Shown above the tracks."))

    subpage_types = ["knowledge.TrainingModulePage"]
    section = "training"
    export_ordering = ("audience", "track_order", "title")
    # Every module on one page: the tracks are read in order, not paged.
    listing_page_size = 500

    class Meta:
        verbose_name = _("training index")

    def get_filters(self):
        """Audience, level, duration and the language a module is written in."""
        return [
            ChoiceFilter("audience", _("Audience"), "audience", choices=Audience.choices),
            ChoiceFilter("level", _("Level"), "level", choices=Level.choices),
            DurationFilter("duration", _("Duration"), "estimated_minutes"),
            ChoiceFilter(
                "language", _("Language"), "locale__language_code", choices=settings.LANGUAGES
            ),
        ]

    def get_sort_orders(self):
        """The tracks' own order."""
        return [SortOrder("track", _("By track"), ("track_order", "title"))]

    def get_tracks(self, modules):
        """(audience label, modules in order) for each audience that has modules."""
        by_audience = {}
        for module in modules:
            by_audience.setdefault(module.audience, []).append(module)
        return [
            {"audience": value, "label": label, "modules": by_audience[value]}
            for value, label in Audience.choices
            if value in by_audience
        ]

    def get_context(self, request, *args, **kwargs):
        """Add the tracks of the filtered modules."""
        context = super().get_context(request, *args, **kwargs)
        context["tracks"] = self.get_tracks(context["results"].object_list)
        return context


class TrainingModulePage(RoutablePageMixin, BasePage):
    """A module of ordered lessons, each reachable at its own address with previous and next."""

    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, help_text=_("Who it is for.")
    )
    level = models.CharField(
        _("level"),
        max_length=20,
        choices=Level.choices,
        default=Level.INTRODUCTORY,
        help_text=_("How much it assumes."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), help_text=_("How long it takes to complete, in minutes.")
    )
    track_order = models.PositiveSmallIntegerField(
        _("position in track"), default=1, help_text=_("Order within its audience's track.")
    )
    learning_objectives = StreamField(
        [("objective", blocks.CharBlock(max_length=250, label=_("Objective")))],
        blank=True,
        verbose_name=_("learning objectives"),
        help_text=_("What the learner will be able to do afterwards."),
    )
    lessons = StreamField(
        [("lesson", LessonBlock())],
        verbose_name=_("lessons"),
        help_text=_("The lessons, in order."),
    )
    related_knowledge = ParentalManyToManyField(
        "knowledge.KnowledgeProductPage",
        verbose_name=_("related knowledge products"),
        blank=True,
        related_name="+",
        help_text=_("Products to read next."),
    )
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("prerequisite modules"),
        symmetrical=False,
        blank=True,
        related_name="+",
        help_text=_("Modules to take first."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("audience"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("track_order")]),
            ],
            heading=_("Module"),
        ),
        *BasePage.summary_panels,
        FieldPanel("learning_objectives"),
        FieldPanel("lessons"),
        FieldPanel("related_knowledge"),
        FieldPanel("prerequisites"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("learning_objectives"),
        index.SearchField("lessons"),
        index.FilterField("audience"),
        index.FilterField("level"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("audience"),
        APIField("level"),
        APIField("estimated_minutes"),
        APIField("track_order"),
        APIField("learning_objectives"),
        APIField("lessons"),
        APIField("related_knowledge", serializer=PageLinkField("related_knowledge", many=True)),
        APIField("prerequisites", serializer=PageLinkField("prerequisites", many=True)),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("audience"),
        SynchronizedField("level"),
        SynchronizedField("estimated_minutes"),
        SynchronizedField("track_order"),
        SynchronizedField("related_knowledge"),
        SynchronizedField("prerequisites"),
    ]
    # The downloads' own columns, after the common ones.
    export_columns = [
        Column("audience", kind="choice"),
        Column("level", kind="choice"),
        Column("estimated_minutes"),
        Column("track_order"),
        Column("lesson_count", kind="call"),
    ]
    parent_page_types = ["knowledge.TrainingIndexPage"]
    subpage_types = []
    section = "training"
    listed_untranslated = True
    search_type = "training"
    search_type_label = _("Training modules")
    search_weight = 0.8
    search_body = ("learning_objectives", "lessons")

    class Meta:
        verbose_name = _("training module")

    @classmethod
    def search_filters(cls):
        """The search's facet over the audience a module is written for."""
        audiences = Audience.choices
        return [ChoiceFilter("audience", _("Training audience"), "audience", choices=audiences)]

    def search_facets(self):
        """A training module: its audience and the year it was first published."""
        return {**super().search_facets(), "audience": self.audience}

    @classmethod
    def home_context(cls, home, limit=4):
        """The home page's entry points into the training tracks, first module of each first."""
        modules = live_in_language(cls.objects.live(), home.locale).order_by("track_order", "title")
        return {"training_modules": list(modules[:limit])}

    def lesson_count(self):
        """How many lessons the module has."""
        return len(self.lessons)

    def get_cached_paths(self):
        """The overview and each lesson's own address."""
        lessons = [f"lessons/{number}/" for number in range(1, self.lesson_count() + 1)]
        return [*super().get_cached_paths(), *lessons]

    def lesson_url(self, request, number):
        """The address of lesson `number` (from 1), from this page's own route."""
        return self.get_url(request) + self.reverse_subpage("lesson", args=(number,))

    def get_context(self, request, *args, **kwargs):
        """Add the lessons with their addresses, for the overview and each lesson's navigation."""
        context = super().get_context(request, *args, **kwargs)
        context["lesson_links"] = [
            SimpleNamespace(number=number, url=self.lesson_url(request, number), lesson=lesson)
            for number, lesson in enumerate(self.lessons, start=1)
        ]
        return context

    @path("")
    def overview(self, request):
        """The module's overview: objectives and the list of lessons."""
        return self.render(request, context_overrides={"lesson": None})

    @path("lessons/<int:number>/")
    def lesson(self, request, number):
        """One lesson (numbered from 1), with previous and next, and the verdict on the answer
        sent with its question's form (GET `answer=<index>`)."""
        lessons = list(self.lessons)
        if not 1 <= number <= len(lessons):
            raise Http404(_("This module has no lesson %(number)s.") % {"number": number})
        lesson = lessons[number - 1]
        has_next = number < len(lessons)
        return self.render(
            request,
            context_overrides={
                "lesson": lesson,
                "lesson_number": number,
                "lesson_url": self.lesson_url(request, number),
                "answer": lesson.value["question"].grade(request.GET.get("answer")),
                "previous_url": self.lesson_url(request, number - 1) if number > 1 else None,
                "next_url": self.lesson_url(request, number + 1) if has_next else None,
            },
            template="knowledge/training_lesson_page.html",
        )

    def get_structured_data(self, request):
        """A schema.org Course, free and online, in the page's language."""
        data = super().get_structured_data(request)
        duration = f"PT{self.estimated_minutes}M"
        data.update(
            {
                "@type": "Course",
                "name": self.title,
                "datePublished": self.first_published_at and self.first_published_at.isoformat(),
                "educationalLevel": self.get_level_display(),
                "audience": {"@type": "Audience", "audienceType": self.get_audience_display()},
                "timeRequired": duration,
                "isAccessibleForFree": True,
                "provider": self.get_publisher_data(request),
                "offers": {"@type": "Offer", "category": "Free"},
                "hasCourseInstance": {
                    "@type": "CourseInstance",
                    "courseMode": "online",
                    "courseWorkload": duration,
                },
                "teaches": [objective.value for objective in self.learning_objectives],
            }
        )
        return data
