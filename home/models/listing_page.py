"""What every listing page shares: its queryset in the visitor's language, filters, pagination."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.exports import export_response
from home.feeds import feed_response, offers_feed
from home.listing import Listing, SortOrder
from home.localization import live_in_language
from home.models.base import BasePage


class DownloadableIndexMixin(RoutablePageMixin):
    """Mixin for index pages whose items can be downloaded: export/csv/ and export/json/.

    The index lists the one page type it allows below it (its `subpage_types`, as Wagtail
    resolves them), so home/ never names it. RoutablePageMixin must come before Page in the
    bases, which putting this mixin first (`class X(DownloadableIndexMixin, BasePage)`) ensures.
    """

    export_ordering = ("title",)

    @classmethod
    def listing_model(cls):
        """The page type this index lists: the only one it allows as a child."""
        (model,) = cls.allowed_subpage_models()
        return model

    def includes_untranslated(self):
        """Whether items not translated into the page's language are listed too (in English)."""
        return self.listing_model().listed_untranslated

    def get_listing_queryset(self, locale):
        """Live items in `locale`, plus untranslated source-language items where configured."""
        live = self.listing_model().objects.live().public()
        if not self.includes_untranslated():
            return live.filter(locale_id=locale.pk)
        return live_in_language(live, locale)

    def get_cached_paths(self):
        """The page and its downloads, which a purge of the listing clears together."""
        return [*super().get_cached_paths(), "export/csv/", "export/json/"]

    def get_export(self, request):
        """What the downloads hold and the query string they come from: every item the page
        lists, in the page's language (an index without filters has no query string)."""
        return self.get_listing_queryset(self.locale).order_by(*self.export_ordering), ""

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        """The items as CSV."""
        return export_response(self, request, *self.get_export(request), "csv")

    @path("export/json/", name="export_json")
    def export_json(self, request):
        """The items as JSON."""
        return export_response(self, request, *self.get_export(request), "json")


class ListingPageMixin(DownloadableIndexMixin):
    """Mixin for index pages that list one page type through the shared `Listing` mechanism.

    Subclasses declare `subpage_types` (the listed type), `get_filters()` and `get_sort_orders()`.
    The downloads and feeds are built from the same `Listing` as the page, so they hold
    exactly the filtered view (every page of it).
    """

    listing_page_size = None

    def get_filters(self):
        """The filters this listing offers; none by default."""
        return []

    def get_sort_orders(self):
        """The sort orders this listing offers, the default first."""
        return [SortOrder("title", "A-Z", ("title",))]

    def get_listing(self, request):
        """The `Listing` for this request: filters, counts, sort and results."""
        return Listing(
            request,
            self.get_listing_queryset(self.locale),
            self.get_filters(),
            self.get_sort_orders(),
            page_size=self.listing_page_size,
            locale=self.locale,
        )

    def get_export(self, request):
        """Every result of the filtered view, in the listing's order (not just one page), and
        the view's query string (its URL state)."""
        listing = self.get_listing(request)
        return listing.queryset, listing.querystring()

    def get_cached_paths(self):
        """The listing, its downloads and its feeds."""
        paths = super().get_cached_paths()
        return [*paths, "feed/", "feed/atom/"] if self.offers_feed else paths

    @property
    def offers_feed(self):
        """Whether this listing has RSS and Atom feeds."""
        return offers_feed(self.listing_model())

    @path("feed/", name="feed_rss")
    def feed_rss(self, request):
        """RSS 2.0 feed of the newest items of the filtered view."""
        return feed_response(self, self.get_listing(request), request, "rss")

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        """Atom feed of the newest items of the filtered view."""
        return feed_response(self, self.get_listing(request), request, "atom")

    def get_context(self, request, *args, **kwargs):
        """Add the listing and the current page of results."""
        context = super().get_context(request, *args, **kwargs)
        listing = self.get_listing(request)
        context["listing"] = listing
        context["results"] = results = listing.get_page()
        # Items of this page of results not yet translated, shown in the source language (read
        # only when the listing is rendered, not when it comes from its `page_fragment`).
        context["shows_untranslated"] = SimpleLazyObject(
            lambda: any(item.locale_id != self.locale_id for item in results)
        )
        return context

    def serve(self, request, *args, **kwargs):
        """Serve the page; filtered combinations tell crawlers not to index them."""
        response = super().serve(request, *args, **kwargs)
        if any(key != "page" for key in request.GET):
            response["X-Robots-Tag"] = "noindex"
        return response


class SectionIndexPage(ListingPageMixin, BasePage):
    """A section's one index page below the home page, listing the one type it allows below it
    (abstract: each section declares its `subpage_types`, `section` and verbose name)."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("Shown above the list."))

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), *BasePage.summary_panels]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    section_index = True

    class Meta:
        abstract = True
