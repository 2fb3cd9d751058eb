"""Template tags of the site's frame: the locale's home and navigation.

The language switcher and hreflang links live in `localization.templatetags.localization_tags`.
"""

from django import template
from wagtail.models import Page

from home.localization import active_language_code, per_request, source_language_code
from home.models import HomePage

register = template.Library()


@register.simple_tag(takes_context=True)
def locale_home(context):
    """The live home page of the active language (or of the default language as a fallback)."""
    request = context.get("request")

    def compute():
        homes = {
            h.locale.language_code: h for h in HomePage.objects.live().select_related("locale")
        }
        return homes.get(active_language_code(), homes.get(source_language_code()))

    return per_request(request, "locale_home", compute)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The primary navigation: the live, in-menu children of the active language's home page."""
    request = context.get("request")
    home = locale_home(context)
    current = context.get("page")
    items = []
    if home is not None:
        items = list(home.get_children().live().in_menu().only("id", "title", "url_path", "path"))
    return {
        "home": home,
        "items": items,
        "current_path": current.path if isinstance(current, Page) else "",
        "request": request,
    }


@register.filter
def starts_with(value, prefix):
    """Whether a string starts with another, e.g. a page path within a menu item's path."""
    return bool(prefix) and str(value).startswith(str(prefix))
