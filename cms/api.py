"""The read-only public API (Wagtail API v2): pages, images and documents at /api/v2/.

Pages can be narrowed by type (`?type=stories.ReformStoryPage`), language (`?locale=es`) and
policy area (`?policy_area=lobbying`, several separated by commas).
"""

from django.db.models import Q
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import get_page_models


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


class OpenDataPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint plus the policy-area filter."""

    filter_backends = [
        *PagesAPIViewSet.filter_backends[:-1],
        PolicyAreaFilter,
        # Search turns the queryset into search results, which cannot be filtered further.
        PagesAPIViewSet.filter_backends[-1],
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["policy_area"])

    def get_queryset(self):
        """Pages with their language and many-to-many references (taxonomy) fetched up front."""
        queryset = super().get_queryset()
        relations = [field.name for field in queryset.model._meta.many_to_many]
        return queryset.select_related("locale").prefetch_related(*relations)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", OpenDataPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
