"""Admin: the per-language "Search terms" report for communications staff."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.reports import SearchTermsReportView, search_query_permission_policy


@hooks.register("register_admin_urls")
def register_search_terms_report_urls():
    """The report and its results-only variant (used when filtering without a reload)."""
    return [
        path(
            "reports/site-search-terms/",
            SearchTermsReportView.as_view(),
            name="search_terms_report",
        ),
        path(
            "reports/site-search-terms/results/",
            SearchTermsReportView.as_view(results_only=True),
            name="search_terms_report_results",
        ),
    ]


class SearchTermsMenuItem(MenuItem):
    """Shown to users allowed to view search queries (superusers, or by group permission)."""

    def is_shown(self, request):
        """Only for users with the view permission on search queries."""
        return search_query_permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    """Reports > Search terms."""
    return SearchTermsMenuItem(
        _("Search terms"),
        reverse("search_terms_report"),
        name="site-search-terms",
        icon_name="search",
        order=1300,
    )


@hooks.register("construct_reports_menu")
def hide_wagtails_search_terms_report(request, menu_items):
    """Wagtail's own report counts queries of its admin-side Query log, which the public search
    does not feed; ours counts per language, so only ours is listed."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


@hooks.register("register_permissions")
def register_search_query_permissions():
    """Let administrators give communications staff's group access to the report."""
    return Permission.objects.filter(
        content_type__app_label="search", codename="view_searchqueryday"
    )
