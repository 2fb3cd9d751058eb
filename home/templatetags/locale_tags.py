"""Template tags that show shared references in the visitor's language: taxonomy terms, chosen
pages, section index pages, language names and numbers. Each costs a fixed number of queries
whatever the number of items it is given."""

from types import SimpleNamespace

from django import template
from django.conf import settings
from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from home.localization import (
    active_language_code,
    address_in_language,
    in_locale,
    live_versions_in,
    live_versions_of,
    live_versions_of_query,
    localized_live_pages,
    per_request,
    section_indexes,
    shown_locale,
)
from home.models.taxonomy import TaxonomyTerm
from home.routing import page_ancestors

register = template.Library()


def context_locale(context):
    """The locale the context's page is shown in (see `home.localization.shown_locale`)."""
    return shown_locale(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def localized(context, value):
    """A taxonomy term, or a list or manager of terms, in the language the page is shown in."""
    if value is None or value == "":
        return value
    locale = context_locale(context)
    if isinstance(value, TaxonomyTerm):
        return in_locale([value], locale)[0]
    return in_locale(value.all() if hasattr(value, "all") else value, locale)


@register.simple_tag(takes_context=True)
def localized_pages(context, pages):
    """Pages chosen by an editor (any language), as their live version in the page's language,
    falling back to the source language; pages with no live version are left out."""
    if pages is None or pages == "":
        return []
    locale = context_locale(context)
    single = isinstance(pages, Page)
    if single:
        pages = [pages]
    elif hasattr(pages, "all"):
        pages = pages.all()
    if isinstance(pages, QuerySet):
        # A relation read from the database: its pages are found in one query, not loaded
        # first (a preview's relations are in memory, and are a list here).
        return live_versions_of_query(pages, locale)
    pages = list(pages)
    if not pages:
        return []
    # One page already loaded with its relations (a story's member): no query when it is live
    # in the page's language; a list from a manager is fetched again, with its images.
    found = live_versions_in(pages, locale) if single else live_versions_of(pages, locale)
    return [page for page in found if page is not None]


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """One page in the language the page is shown in (see `localized_pages`), or None."""
    found = localized_pages(context, page)
    return found[0] if found else None


@register.simple_tag(takes_context=True)
def section_index(context, section):
    """The live index page of a section (a page type's `section`, e.g. "members") in the page's
    language, or the source language's while that section is not translated yet; else None."""
    locale = context_locale(context)
    return section_indexes(context.get("request"), locale).get(section)


def language_facts(code, foreign=False):
    """A language's code, its name in the visitor's language, its writing direction and whether
    it differs from the visitor's language (`foreign`), for lang/dir attributes and notices."""
    info = get_language_info(code)
    return SimpleNamespace(
        code=code,
        name=info["name_translated"],
        dir="rtl" if info["bidi"] else "ltr",
        foreign=foreign,
    )


@register.simple_tag
def source_language():
    """The language untranslated items are shown in: its code, its name in the visitor's language
    and its writing direction, so an English card reads correctly inside an Arabic page."""
    return language_facts(settings.LANGUAGE_CODE, foreign=True)


@register.simple_tag(takes_context=True)
def lang_attrs(context, language, foreign=None, within=None):
    """`lang` and `dir` attributes for text in `language` (a code or `language_facts`) when it is
    not the language around it, else nothing.

    `foreign` decides: a flag (`card.untranslated`), or a page or record, foreign when its
    locale is not that of `within` (default: the context's page); without it, the language's
    own `foreign` (`content_language`).
    """
    if isinstance(language, str):
        language = language_facts(language)
    if foreign is None:
        foreign = language.foreign
    elif hasattr(foreign, "locale_id"):
        around = within if within is not None else context.get("page")
        foreign = foreign.locale_id != getattr(around, "locale_id", None)
    if not foreign:
        return ""
    return format_html('lang="{}" dir="{}"', language.code, language.dir)


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language of the page's content; `foreign` when it is not the visitor's, as on a page
    served at its fallback address (an English-only page under /es/)."""
    page = context.get("page")
    visitor = active_language_code()
    if not isinstance(page, Page) or not page.locale_id:
        return language_facts(visitor)
    code = shown_locale(context.get("request"), page).language_code
    return language_facts(code, foreign=code != visitor)


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """The page's address in the visitor's language: its own when it is in that language, else
    its fallback address under the visitor's prefix (/es/members/<slug>/), no query."""
    return address_in_language(page, active_language_code(), context.get("request"))


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context):
    """The page's ancestors below the tree root as links (page, url, foreign) in the visitor's
    language: on a page shown at its fallback address, their live translations where they exist
    (one more query), the others marked `foreign` (shown in the source language)."""
    page = context.get("page")
    request = context.get("request")
    ancestors = page_ancestors(request, page)
    foreign = content_language(context).foreign
    if foreign and ancestors:
        visitor = per_request(request, "active_locale", Locale.get_active)
        found = localized_live_pages(Page, [a.translation_key for a in ancestors], visitor)
        ancestors = [shown or ancestor for shown, ancestor in zip(found, ancestors, strict=True)]
    visitor_code = active_language_code()
    return [
        SimpleNamespace(
            page=ancestor,
            url=address_in_language(ancestor, visitor_code, request),
            foreign=foreign and ancestor.locale_id == page.locale_id,
        )
        for ancestor in ancestors
    ]


@register.filter
def language_name(code):
    """A language's name in that language, as the site lists it, e.g. "Español"."""
    names = dict(settings.LANGUAGES)
    if code in names:
        return names[code]
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


@register.filter
def grouped_number(value):
    """A whole number with the visitor's thousands separator, e.g. 3,120,000."""
    if value in (None, ""):
        return ""
    return number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)


@register.simple_tag(takes_context=True)
def statement_pages(context, site_settings):
    """The site's accessibility statement and privacy notice in the visitor's language (the
    footer's language, whatever the page's own)."""
    return site_settings.statement_pages(shown_locale(context.get("request"), None))
