"""Template tags for visitors: the language switcher, hreflang alternates and the stale notice."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language_info, override
from wagtail.models import Page

from home.localization import (
    active_language_code,
    address_in_language,
    source_language_code,
)
from home.routing import page_ancestors
from localization.status import stale_source_page
from pagecache.fragments import fragment

register = template.Library()


def _live_versions(request, page):
    """(ancestors from the top, inclusive of `page`; live pages in any language sharing a
    translation key with one of them, aliases included). The live pages are one query per
    version of the pages, kept as a shared fragment (only a saved page changes them)."""
    ancestors = [*page_ancestors(request, page), page]
    keys = sorted({p.translation_key for p in ancestors})

    def find():
        return list(Page.objects.live().filter(translation_key__in=keys).select_related("locale"))

    return ancestors, fragment(f"live-versions:{page.pk}:{page.path}", find)


def _live_translations(request, page):
    """Live pages (not aliases, whose content is another language's) translating `page`."""
    _ancestors, found = _live_versions(request, page)
    return [p for p in found if p.translation_key == page.translation_key and p.alias_of_id is None]


def language_links_for(request, page):
    """One link per language in settings.LANGUAGES, named as it is there.

    Each goes to the same page where a live translation exists; otherwise to the source
    language's page at its fallback address under that language's prefix, or, with no source
    version either, to that language's nearest translated ancestor (both flagged
    `is_fallback`, so the switcher can say so); for views that are not pages, to the same path
    in that language.
    """
    active_code = active_language_code()
    translations = {}
    ancestors = []
    source = None
    if isinstance(page, Page) and page.pk:
        ancestors, found = _live_versions(request, page)
        ancestors = ancestors[::-1]
        for candidate in found:
            if candidate.alias_of_id is None:
                key = (candidate.translation_key, candidate.locale.language_code)
                translations[key] = candidate
        source = translations.get((page.translation_key, source_language_code()))
    links = []
    for code, name in settings.LANGUAGES:
        link = {
            "code": code,
            "name": name,
            "bidi": get_language_info(code)["bidi"],
            "is_current": code == active_code,
            "is_fallback": False,
            "url": None,
        }
        if ancestors and (page.translation_key, code) not in translations and source:
            link["url"] = address_in_language(source, code, request)
            link["is_fallback"] = True
        elif ancestors:
            for depth_index, ancestor in enumerate(ancestors):
                target = translations.get((ancestor.translation_key, code))
                if target is not None:
                    link["url"] = target.get_url(request)
                    link["is_fallback"] = depth_index > 0
                    break
        if link["url"] is None and ancestors:
            # Not even the home page is translated: the language's root, where Wagtail serves
            # the source home page.
            with override(code):
                link["url"] = reverse("wagtail_serve", args=[""])
            link["is_fallback"] = True
        elif link["url"] is None:
            # Not a page (search, error pages): the same path in that language.
            link["url"] = translate_url(request.path, code) if request else f"/{code}/"
        links.append(link)
    return links


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switcher's links for the page being rendered (see `language_links_for`)."""
    return language_links_for(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """(hreflang, absolute URL) for every live translation of the page, plus x-default."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk or not page.live:
        return []
    pages = _live_translations(request, page)
    links = sorted((p.locale.language_code, p.get_full_url(request)) for p in pages)
    default = next((url for code, url in links if code == settings.LANGUAGE_CODE), None)
    if default:
        links.append(("x-default", default))
    return links


@register.simple_tag(takes_context=True)
def stale_source(context):
    """The source-language page, if it was updated after this translation was last synced."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk or page.locale_id is None:
        return None
    _ancestors, found = _live_versions(context.get("request"), page)
    return stale_source_page(page, [p for p in found if p.translation_key == page.translation_key])
