"""The home page and the general-purpose standard page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, get_page_models
from wagtail.search import index

from home.blocks import BodyBlock
from home.localization import localized_live_pages
from home.models.base import BasePage
from pagecache.fragments import fragment


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
        """Partnership figures from the live content this language's visitors read, as the
        page types give them (`home_figures`): a shared fragment per language, since they
        change only with saved pages (commitments and plans are saved with their member's)."""

        def count():
            figures = {}
            for model in get_page_models():
                figures.update(
                    model.home_figures(self.locale) if hasattr(model, "home_figures") else {}
                )
            return figures

        return fragment(f"home-figures:{self.locale_id}", count)

    def get_featured_stories(self):
        """The editor-chosen pages that are live, in order, in this page's language."""
        chosen = [featured.story for featured in self.featured_stories.select_related("story")]
        if not chosen:
            return []
        keys = [page.translation_key for page in chosen]
        found = localized_live_pages(featured_model(), keys, self.locale)
        return [page for page in found if page is not None]

    def get_context(self, request, *args, **kwargs):
        """Add the figures, the featured pages and what each page type adds (`home_context`)."""
        context = super().get_context(request, *args, **kwargs)
        context.update(figures=self.get_figures(), featured_stories=self.get_featured_stories())
        for model in get_page_models():
            if hasattr(model, "home_context"):
                context.update(model.home_context(self))
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


def featured_model():
    """The page type editors feature on the home page (`featured_on_home`), else Page."""
    models = [model for model in get_page_models() if getattr(model, "featured_on_home", False)]
    return models[0] if len(models) == 1 else Page


class FeaturedPageChooserPanel(PageChooserPanel):
    """A page chooser limited to the types that can be featured, known once models are loaded."""

    def get_form_options(self):
        """Restrict the chooser to the featured types (resolved here, not at import)."""
        self.page_type = [m for m in get_page_models() if getattr(m, "featured_on_home", False)]
        return super().get_form_options()


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

    panels = [FeaturedPageChooserPanel("story")]

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
    search_type = "page"
    search_type_label = _("Pages")
    search_weight = 0.6

    class Meta:
        verbose_name = _("standard page")
