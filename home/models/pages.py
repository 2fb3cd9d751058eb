"""The home page and the general-purpose standard page."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import BodyBlock
from home.localization import localized_live_pages
from home.models.base import BasePage


class HomePage(BasePage):
    """The front page of one language's site: hero, featured stories, knowledge, training, join."""

    hero_title = models.CharField(
        _("hero title"), max_length=160, help_text=_("The main message, in one line.")
    )
    hero_text = models.TextField(
        _("hero text"), blank=True, help_text=_("One or two sentences under the hero title.")
    )
    join_title = models.CharField(
        _("join title"), max_length=160, blank=True, help_text=_("Heading of the call to join.")
    )
    join_text = models.TextField(
        _("join text"), blank=True, help_text=_("Why a local government should join.")
    )
    join_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("join page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the call to join links to."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Hero")),
        *BasePage.summary_panels,
        InlinePanel(
            "featured_stories",
            label=_("Featured reform stories"),
            help_text=_("Up to six stories shown on the home page, in this order."),
            max_num=6,
        ),
        MultiFieldPanel(
            [FieldPanel("join_title"), FieldPanel("join_text"), FieldPanel("join_page")],
            heading=_("Call to join"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_text")]
    api_fields = [
        *BasePage.api_fields,
        APIField("hero_title"),
        APIField("hero_text"),
        APIField("join_title"),
        APIField("join_text"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_figures(self):
        """Partnership figures computed from the live content of this language's tree."""
        member_model = apps.get_model("stories", "MemberProfilePage")
        story_model = apps.get_model("stories", "ReformStoryPage")
        members = member_model.objects.live().filter(locale_id=self.locale_id)
        return {
            "members": members.count(),
            "countries": members.values("country__translation_key").distinct().count(),
            "stories": story_model.objects.live().filter(locale_id=self.locale_id).count(),
        }

    def get_featured_stories(self):
        """The editor-chosen stories that are live, in order, with their images."""
        story_model = apps.get_model("stories", "ReformStoryPage")
        chosen = story_model.objects.filter(
            pk__in=[f.story_id for f in self.featured_stories.all()]
        ).values_list("translation_key", flat=True)
        stories = localized_live_pages(story_model, chosen, self.locale)
        return [story for story in stories if story is not None]

    def get_latest_knowledge(self, limit=3):
        """The newest live knowledge products in this language."""
        product_model = apps.get_model("knowledge", "KnowledgeProductPage")
        return list(
            product_model.objects.live()
            .filter(locale_id=self.locale_id)
            .select_related("image")
            .order_by("-publication_date")[:limit]
        )

    def get_training_modules(self, limit=4):
        """Entry points into the training tracks, first module of each audience first."""
        module_model = apps.get_model("knowledge", "TrainingModulePage")
        return list(
            module_model.objects.live()
            .filter(locale_id=self.locale_id)
            .order_by("track_order", "title")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        """Add the home page's computed sections."""
        context = super().get_context(request, *args, **kwargs)
        context.update(
            figures=self.get_figures(),
            featured_stories=self.get_featured_stories(),
            latest_knowledge=self.get_latest_knowledge(),
            training_modules=self.get_training_modules(),
        )
        return context

    def get_structured_data(self, request):
        """The partnership as an Organization and the site as a WebSite with a SearchAction."""
        site_url = self.get_full_url(request)
        organization = {
            **self.get_publisher_data(request),
            "@id": f"{site_url}#organization",
            "url": site_url,
            "description": self.meta_description,
        }
        return {
            "@context": "https://schema.org",
            "@graph": [
                organization,
                {
                    "@type": "WebSite",
                    "@id": f"{site_url}#website",
                    "name": organization["name"],
                    "url": site_url,
                    "inLanguage": self.locale.language_code,
                    "publisher": {"@id": organization["@id"]},
                    "potentialAction": {
                        "@type": "SearchAction",
                        "target": f"{site_url}search/?q={{search_term_string}}",
                        "query-input": "required name=search_term_string",
                    },
                },
            ],
        }


class FeaturedStory(Orderable):
    """A reform story an editor chose to feature on the home page."""

    page = ParentalKey(HomePage, related_name="featured_stories", on_delete=models.CASCADE)
    story = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A reform story to feature."),
    )

    panels = [PageChooserPanel("story", page_type="stories.ReformStoryPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured story")


class StandardPage(BasePage):
    """A general page such as About, Join or Contact."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"), help_text=_("Content."))

    content_panels = [*BasePage.content_panels, *BasePage.summary_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
