"""Template tags of the site's frame: the locale's home and navigation.

The language switcher and hreflang links live in `localization.templatetags.localization_tags`.
"""

from django import template
from django.db.models import Q
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from home.localization import active_language_code, source_language_code
from home.models import HomePage
from home.routing import page_ancestors
from pagecache.fragments import fragment

register = template.Library()


@register.simple_tag(takes_context=True)
def locale_home(context):
    """The live home page of the active language (or of the default language as a fallback)."""

    def compute():
        homes = {
            h.locale.language_code: h
            for h in HomePage.objects.live()
            .select_related("locale")
            .only("title", "url_path", "path", "depth", "locale__language_code")
        }
        return homes.get(active_language_code(), homes.get(source_language_code()))

    return fragment(f"home:{active_language_code()}", compute)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The primary navigation: the live, in-menu children of the active language's home page."""
    request = context.get("request")
    home = locale_home(context)
    current = context.get("page")
    items = []
    if home is not None:
        items = fragment(f"menu:{home.pk}", lambda: menu_pages(home))
    return {
        "home": home,
        "items": items,
        "current_path": current.path if isinstance(current, Page) else "",
        "request": request,
    }


@register.simple_tag(takes_context=True)
def ancestors_of(context, page):
    """The page's ancestors below the tree's root, from the top (for breadcrumbs)."""
    return page_ancestors(context.get("request"), page)


@register.simple_tag(takes_context=True)
def site_wide(context, template_name):
    """A template that is the same on every page of one language and site (the footer),
    rendered once per version of the content (see `pagecache.fragments`). It may show pages in
    the page's language (`context_locale`), which is part of its key with the UI language."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    page = context.get("page")
    locale = page.locale_id if isinstance(page, Page) and page.locale_id else ""
    name = f"{template_name}:{active_language_code()}:{locale}:{site.pk if site else ''}"
    template = context.template.engine.get_template(template_name)
    return mark_safe(fragment(name, lambda: template.render(context)))


def menu_pages(home):
    """The live in-menu pages under the home pages, in `home`'s language where translated, else
    in the source language (shown untranslated), in the source tree's order: one query."""
    candidates = (
        Page.objects.live()
        .in_menu()
        .filter(depth=home.depth + 1)
        .filter(Q(locale_id=home.locale_id) | Q(locale__language_code=source_language_code()))
        .only("id", "title", "url_path", "path", "locale_id", "translation_key")
    )
    chosen, order = {}, {}
    for page in candidates:
        if page.locale_id == home.locale_id or page.translation_key not in chosen:
            chosen[page.translation_key] = page
        if page.locale_id != home.locale_id or page.translation_key not in order:
            order[page.translation_key] = page.path
    return sorted(chosen.values(), key=lambda page: order[page.translation_key])


@register.filter
def starts_with(value, prefix):
    """Whether a string starts with another, e.g. a page path within a menu item's path."""
    return bool(prefix) and str(value).startswith(str(prefix))
