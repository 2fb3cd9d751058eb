"""Template tags of the site's frame: the locale's home and navigation.

The language switcher and hreflang links live in `localization.templatetags.localization_tags`.
"""

from django import template
from wagtail.models import Page

from home.localization import active_language_code, source_language_code
from home.models import HomePage

register = template.Library()


def _request_cache(request, key, compute):
    """Compute a value once per request (template tags run many times per page)."""
    cache = request.__dict__.setdefault("_site_tags_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


@register.simple_tag(takes_context=True)
def locale_home(context):
    """The live home page of the active language (or of the default language as a fallback)."""
    request = context.get("request")

    def compute():
        homes = {
            h.locale.language_code: h for h in HomePage.objects.live().select_related("locale")
        }
        return homes.get(active_language_code(), homes.get(source_language_code()))

    return _request_cache(request, "locale_home", compute) if request else compute()


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
