"""Template tags that show shared references in the visitor's language: taxonomy terms, chosen
pages, section index pages, language names and numbers. Each costs a fixed number of queries
whatever the number of items it is given."""

from types import SimpleNamespace

from django import template
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import get_language_info
from wagtail.models import Page

from home.localization import in_locale, localized_live_pages, section_indexes, shown_locale
from home.models.taxonomy import TaxonomyTerm

register = template.Library()


def context_locale(context):
    """The locale the context's page is shown in (see `home.localization.shown_locale`)."""
    return shown_locale(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def localized(context, value):
    """A taxonomy term, or a list or manager of terms, in the language the page is shown in."""
    if value is None or value == "":
        return value
    locale, request = context_locale(context), context.get("request")
    if isinstance(value, TaxonomyTerm):
        return in_locale([value], locale, request)[0]
    return in_locale(value.all() if hasattr(value, "all") else value, locale, request)


@register.simple_tag(takes_context=True)
def localized_pages(context, pages):
    """Pages chosen by an editor (any language), as their live version in the page's language,
    falling back to the source language; pages with no live version are left out."""
    if pages is None or pages == "":
        return []
    if isinstance(pages, Page):
        pages = [pages]
    elif hasattr(pages, "all"):
        pages = pages.all()
    pages = list(pages)
    if not pages:
        return []
    locale = context_locale(context)
    model = type(pages[0])
    if any(type(p) is not model for p in pages):
        model = Page
    found = localized_live_pages(model, [p.translation_key for p in pages], locale)
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


@register.simple_tag
def source_language():
    """The language untranslated items are shown in: its code, its name in the visitor's language
    and its writing direction, so an English card reads correctly inside an Arabic page."""
    code = settings.LANGUAGE_CODE
    info = get_language_info(code)
    return SimpleNamespace(
        code=code, name=info["name_translated"], dir="rtl" if info["bidi"] else "ltr"
    )


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
