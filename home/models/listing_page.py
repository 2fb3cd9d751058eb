"""What every listing page shares: its queryset in the visitor's language, filters, pagination."""

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from wagtail.models import Locale

from home.listing import Listing, SortOrder


class ListingPageMixin:
    """Mixin for index pages that list one page type through the shared `Listing` mechanism.

    Subclasses set `listing_model_name` and declare `get_filters()` and `get_sort_orders()`.
    """

    listing_model_name = ""
    listing_page_size = None

    @classmethod
    def listing_model(cls):
        """The page model this index lists."""
        return apps.get_model(cls.listing_model_name)

    def get_filters(self):
        """The filters this listing offers; none by default."""
        return []

    def get_sort_orders(self):
        """The sort orders this listing offers, the default first."""
        return [SortOrder("title", "A-Z", ("title",))]

    def includes_untranslated(self):
        """Whether items not translated into the page's language are listed too (in English)."""
        return self.listing_model()._meta.label_lower in settings.LISTING_UNTRANSLATED_FALLBACK

    def get_listing_queryset(self, locale):
        """Live items in `locale`, plus untranslated source-language items where configured."""
        model = self.listing_model()
        live = model.objects.live().public()
        default = Locale.get_default()
        if locale.pk == default.pk or not self.includes_untranslated():
            return live.filter(locale_id=locale.pk)
        translated = model.objects.live().filter(locale_id=locale.pk).values("translation_key")
        return live.filter(
            Q(locale_id=locale.pk)
            | (Q(locale_id=default.pk) & ~Q(translation_key__in=translated))
        )

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

    def get_context(self, request, *args, **kwargs):
        """Add the listing and the current page of results."""
        context = super().get_context(request, *args, **kwargs)
        listing = self.get_listing(request)
        context["listing"] = listing
        context["results"] = listing.get_page()
        return context

    def serve(self, request, *args, **kwargs):
        """Serve the page; filtered combinations tell crawlers not to index them."""
        response = super().serve(request, *args, **kwargs)
        if any(key != "page" for key in request.GET):
            response["X-Robots-Tag"] = "noindex"
        return response
