"""Template tags of the site's frame: the locale's home, navigation, language links, settings."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

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
        active = Locale.get_active()
        homes = {h.locale_id: h for h in HomePage.objects.live().select_related("locale")}
        default = next((h for h in homes.values() if h.locale.language_code == settings.LANGUAGE_CODE), None)
        return homes.get(active.pk, default)

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


def language_links_for(request, page):
    """One link per language: the same page where a live translation exists, else the nearest
    translated ancestor (flagged `is_fallback`), else that language's home."""
    active = Locale.get_active()
    links = []
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    translations = {}
    ancestors = []
    if isinstance(page, Page) and page.pk:
        ancestors = list(page.get_ancestors(inclusive=True).filter(depth__gt=1).reverse())
        keys = [p.translation_key for p in ancestors]
        for candidate in Page.objects.live().filter(translation_key__in=keys).select_related("locale"):
            translations[(candidate.translation_key, candidate.locale_id)] = candidate
    for code, _name in settings.LANGUAGES:
        locale = locales.get(code)
        info = get_language_info(code)
        link = {
            "code": code,
            "name": info["name_local"],
            "bidi": info["bidi"],
            "is_current": locale is not None and locale.pk == active.pk,
            "is_fallback": False,
            "url": None,
        }
        if ancestors and locale is not None:
            for depth_index, ancestor in enumerate(ancestors):
                target = translations.get((ancestor.translation_key, locale.pk))
                if target is not None:
                    link["url"] = target.get_url(request)
                    link["is_fallback"] = depth_index > 0
                    break
        if link["url"] is None:
            link["url"] = translate_url(request.path, code) if request else f"/{code}/"
            link["is_fallback"] = bool(ancestors)
        links.append(link)
    return links


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """The language switcher shown on every page."""
    request = context.get("request")
    page = context.get("page")
    return {"links": language_links_for(request, page), "request": request}


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """(hreflang, absolute URL) for every live translation of the page, plus x-default."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk or not page.live:
        return []
    pages = list(
        Page.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    links = [(p.locale.language_code, p.get_full_url(request)) for p in pages]
    default = next((url for code, url in links if code == settings.LANGUAGE_CODE), None)
    if default:
        links.append(("x-default", default))
    return links
