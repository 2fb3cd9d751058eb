"""The "Search terms" report: what visitors search for in each language, and what finds nothing."""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import F, Max, Sum
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from search.models import SearchQueryDay

search_query_permission_policy = ModelPermissionPolicy(SearchQueryDay)


class SearchTermsFilterSet(WagtailFilterSet):
    """Filter the report by language, period and whether the searches found anything."""

    language = django_filters.ChoiceFilter(
        label=_("Language"),
        field_name="locale__language_code",
        choices=settings.LANGUAGES,
        empty_label=_("All languages"),
        widget=forms.RadioSelect,
    )
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    no_results = django_filters.ChoiceFilter(
        label=_("Searches"),
        choices=[("true", _("Only those that found nothing"))],
        empty_label=_("All searches"),
        method="filter_no_results",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = SearchQueryDay
        fields = []

    def filter_no_results(self, queryset, name, value):
        """Keep the queries that found nothing at least once in the period."""
        return queryset.filter(no_results__gt=0) if value == "true" else queryset


class SearchTermsReportView(ReportView):
    """Popular queries per language, with how often each found nothing."""

    page_title = _("Search terms")
    header_icon = "search"
    is_searchable = True
    search_fields = ["query_string"]
    filterset_class = SearchTermsFilterSet
    default_ordering = "-searches"
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    permission_policy = search_query_permission_policy
    permission_required = "view"
    columns = [
        Column("query_string", label=_("Search term"), sort_key="query_string"),
        Column("language_name", label=_("Language"), sort_key="language"),
        NumberColumn("searches", label=_("Searches"), sort_key="searches"),
        NumberColumn("no_results", label=_("Found nothing"), sort_key="no_results"),
        DateColumn("last_searched", label=_("Last searched"), sort_key="last_searched"),
    ]
    list_export = ["query_string", "language_name", "searches", "no_results", "last_searched"]
    export_headings = {
        "query_string": _("Search term"),
        "language_name": _("Language"),
        "searches": _("Searches"),
        "no_results": _("Found nothing"),
        "last_searched": _("Last searched"),
    }

    def get_base_queryset(self):
        """One row per (language, query) with its totals over the filtered days."""
        return SearchQueryDay.objects.values(
            "query_string", language=F("locale__language_code")
        ).annotate(
            searches=Sum("hits"),
            no_results=Sum("no_result_hits"),
            last_searched=Max("date"),
        )

    def decorate_paginated_queryset(self, object_list):
        """Name each row's language as the language switcher does."""
        names = dict(settings.LANGUAGES)
        rows = list(object_list)
        for row in rows:
            row["language_name"] = names.get(row["language"], row["language"])
        return rows

    def get_filterset_kwargs(self):
        """Filter the grouped queryset (date and language filters apply before grouping)."""
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs
