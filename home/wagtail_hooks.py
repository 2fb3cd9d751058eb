"""Admin customisation: the Taxonomy menu of snippets and the summary character counter."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import Country, PolicyArea, SustainableDevelopmentGoal


class TaxonomyViewSet(SnippetViewSet):
    """What every taxonomy snippet's listing shares: searched by name and slug."""

    search_fields = ["name", "slug"]
    # The ORM search works alongside the locale filter without extra search-index fields.
    search_backend_name = None


class PolicyAreaViewSet(TaxonomyViewSet):
    """Policy areas: searchable, exportable; Wagtail adds the locale filter itself."""

    model = PolicyArea
    icon = "tag"
    list_display = ["name", "slug", "description"]
    list_export = ["name", "slug", "description", "locale"]
    export_filename = "policy-areas"
    ordering = ["name"]


class SustainableDevelopmentGoalViewSet(TaxonomyViewSet):
    """The 17 goals in their UN order."""

    model = SustainableDevelopmentGoal
    icon = "globe"
    menu_label = _("Sustainable Development Goals")
    list_display = ["number", "name", "slug", "colour"]
    list_export = ["number", "name", "slug", "colour", "locale"]
    export_filename = "sustainable-development-goals"
    ordering = ["number"]


class CountryViewSet(TaxonomyViewSet):
    """Countries with their ISO code and partnership region, filterable by region."""

    model = Country
    icon = "site"
    list_display = ["name", "iso_code", "region", "slug"]
    list_filter = ["region"]
    list_export = ["name", "iso_code", "region", "slug", "locale"]
    export_filename = "countries"
    ordering = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    """One "Taxonomy" menu for the shared vocabulary editors tag content with."""

    items = (PolicyAreaViewSet, SustainableDevelopmentGoalViewSet, CountryViewSet)
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_name = "taxonomy"
    menu_order = 300


register_snippet(TaxonomyViewSetGroup)


@hooks.register("insert_editor_js")
def summary_character_counter():
    """Show "n / 300" under summary fields in the page editor (our script, no inline code)."""
    return format_html('<script src="{}" defer></script>', static("js/admin/summary-counter.js"))
