"""The read-only public API (Wagtail API v2): pages, images and documents at /api/v2/.

Pages can be narrowed by type (`?type=stories.ReformStoryPage`), language (`?locale=es`) and
policy area (`?policy_area=lobbying`, several separated by commas); commitments, as the
commitments explorer lists them, at /api/v2/commitments/ (stories/api.py).
"""

from django.db.models import Q
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Site, get_page_models

from cms.api_parameters import ValidatedParametersMixin, check_site
from stories.api import CommitmentsAPIViewSet


def policy_area_models():
    """Page models tagged with policy areas (stories and knowledge products today)."""
    return [
        model
        for model in get_page_models()
        if any(field.name == "policy_areas" for field in model._meta.get_fields())
    ]


class PolicyAreaFilter(BaseFilterBackend):
    """`?policy_area=slug[,slug]`: pages tagged with any of these policy areas.

    Slugs are shared by all translations of a term, so the filter works in every language.
    """

    def filter_queryset(self, request, queryset, view):
        """Keep pages of a policy-area model tagged with one of the requested slugs."""
        raw = request.GET.get("policy_area", "")
        slugs = [slug.strip() for slug in raw.split(",") if slug.strip()]
        if not slugs:
            return queryset
        matching = Q(pk__in=[])
        for model in policy_area_models():
            matching |= Q(pk__in=model.objects.filter(policy_areas__slug__in=slugs).values("pk"))
        return queryset.filter(matching)


class OpenDataPagesAPIViewSet(ValidatedParametersMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint plus the policy-area filter, every parameter checked."""

    filter_backends = [
        *PagesAPIViewSet.filter_backends[:-1],
        PolicyAreaFilter,
        # Search turns the queryset into search results, which cannot be filtered further.
        PagesAPIViewSet.filter_backends[-1],
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["policy_area"])

    def get_base_queryset(self):
        """The live pages this visitor may see, of the site `?site=host[:port]` names if any."""
        if "site" in self.request.GET:
            check_site(self.request.GET["site"])
        try:
            return super().get_base_queryset()
        except Site.DoesNotExist as error:
            raise BadRequestError("site: no site has that host name (and port)") from error

    def get_queryset(self):
        """Pages with their language and many-to-many references (taxonomy) fetched up front."""
        queryset = super().get_queryset()
        relations = [field.name for field in queryset.model._meta.many_to_many]
        return queryset.select_related("locale").prefetch_related(*relations)


class OpenDataImagesAPIViewSet(ValidatedParametersMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint, every parameter checked."""


class OpenDataDocumentsAPIViewSet(ValidatedParametersMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint, every parameter checked."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", OpenDataPagesAPIViewSet)
api_router.register_endpoint("images", OpenDataImagesAPIViewSet)
api_router.register_endpoint("documents", OpenDataDocumentsAPIViewSet)
api_router.register_endpoint("commitments", CommitmentsAPIViewSet)
