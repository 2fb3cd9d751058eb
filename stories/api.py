"""`/api/v2/commitments/`: the commitments explorer's items as Wagtail API v2 JSON.

The endpoint takes the explorer's own parameters (`locale`, `q`, `policy_area`, `sdg`,
`status`, `region`, `country`, `kind`, `period`, `starred`, `sort`, each repeatable as on the
page) plus the API's `limit`, `offset` and `fields`, and answers with exactly the commitments
the explorer lists for them, and each filter's options with their counts in `meta.facets`
(stories/commitment_listing.py).
"""

from django.conf import settings
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from cms.api_parameters import ValidatedParametersMixin
from home.localization import source_language_code
from home.serializers import SiteDetailUrlField
from stories.commitment_listing import (
    commitment_filters,
    commitment_listing,
    commitments_in_language,
    live_member_commitments,
)
from stories.models import Commitment


class CommitmentAddressField(Field):
    """The commitment's page on its member, as an absolute address."""

    def get_attribute(self, instance):
        """The commitment itself."""
        return instance

    def to_representation(self, commitment):
        """Its absolute address."""
        return commitment.get_full_url(self.context.get("request"))


class CommitmentMemberField(Field):
    """The commitment's member as `{"id", "title"}` (the member the commitment belongs to)."""

    def get_attribute(self, instance):
        """The member page (fetched with the commitment)."""
        return instance.page

    def to_representation(self, member):
        """Its id and title."""
        return {"id": member.pk, "title": member.title}


class LanguageCodeField(Field):
    """The commitment's language code."""

    def get_attribute(self, instance):
        """The commitment itself (its locale is fetched with it)."""
        return instance

    def to_representation(self, commitment):
        """e.g. "es"."""
        return commitment.locale.language_code


class ExplorerParametersFilter(BaseFilterBackend):
    """The explorer's search, filters and sort order, read from the same parameters through
    the same listing; its filters' counts are kept on the view for the response."""

    def filter_queryset(self, request, queryset, view):
        """The commitments the explorer page lists for these parameters, in its order."""
        if view.action == "detail_view":
            return queryset
        listing = commitment_listing(request, queryset, view.locale())
        view.facets = {
            f.param: [{"value": o.value, "label": o.label, "count": o.count} for o in f.options]
            for f in listing.filters
        }
        return listing.queryset


class CommitmentsAPIViewSet(ValidatedParametersMixin, BaseAPIViewSet):
    """Commitments of live members in one language, as the explorer lists them."""

    model = Commitment
    name = "commitments"
    filter_backends = [ExplorerParametersFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(
        ["locale", "q", "sort", *(f.param for f in commitment_filters())]
    ).difference(["order", "search", "search_operator"])
    meta_fields = [
        *(name for name in BaseAPIViewSet.meta_fields if name != "detail_url"),
        APIField("detail_url", serializer=SiteDetailUrlField(read_only=True)),
        APIField("html_url", serializer=CommitmentAddressField(read_only=True)),
        APIField("locale", serializer=LanguageCodeField(read_only=True)),
    ]
    body_fields = [
        *BaseAPIViewSet.body_fields,
        APIField("member", serializer=CommitmentMemberField(read_only=True)),
    ]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "html_url",
        "code",
        "title",
        "member",
        "status",
    ]

    facets = None

    def listing_view(self, request):
        """The commitments, with each filter's options and counts in `meta.facets`."""
        response = super().listing_view(request)
        response.data["meta"]["facets"] = self.facets
        return response

    def locale(self):
        """The language asked for (`?locale=`), the source language by default."""
        code = self.request.GET.get("locale", source_language_code())
        codes = [language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        if code not in codes:
            raise BadRequestError(f"locale must be one of {', '.join(codes)}")
        if getattr(self, "_locale", None) is None:
            self._locale = Locale.objects.filter(language_code=code).first()
        if self._locale is None:
            raise BadRequestError(f"locale: the site has no content in {code}")
        return self._locale

    def get_queryset(self):
        """The explorer's commitments in that language (any live member's commitment for the
        detail view), with what the fields read."""
        if self.action == "detail_view":
            commitments = live_member_commitments()
        else:
            commitments = commitments_in_language(self.locale())
        return commitments.select_related("page", "locale", "action_plan").prefetch_related(
            "policy_areas", "sdgs"
        )
