"""Resolving shared references to the visitor's language, in a fixed number of queries.

Pages refer to taxonomy and to other pages through whichever instance an editor chose (usually
the English one, synchronized into translations); these helpers map them to the active locale by
translation key, falling back to the source language where no translation exists.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import translation
from django.utils.translation import get_language_from_path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, get_page_models

from pagecache.fragments import fragment


def source_language_code():
    """The code of the language content is written in first (settings.LANGUAGE_CODE), no query.

    Locales are compared by code where only that is needed: Locale.get_default() and
    Locale.get_active() each cost a query, several times per page.
    """
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def active_language_code():
    """The code of the content language being served, as Locale.get_active() would find it."""
    return get_supported_content_language_variant(translation.get_language())


def in_locale_or_source(locale):
    """A filter on `locale` for rows in `locale` or in the source language."""
    return Q(locale_id=locale.pk) | Q(locale__language_code=source_language_code())


def live_in_language(queryset, locale):
    """The rows of `queryset` (live pages) a visitor of `locale` reads: those in `locale`, plus
    the source language's where `locale` has no live translation (shown in the source language).

    One query whatever the size: the untranslated ones are found through a subquery.
    """
    if locale.language_code == source_language_code():
        return queryset.filter(locale_id=locale.pk)
    model = queryset.model
    translated = model.objects.live().filter(locale_id=locale.pk).values("translation_key")
    return queryset.filter(
        Q(locale_id=locale.pk)
        | (Q(locale__language_code=source_language_code()) & ~Q(translation_key__in=translated))
    )


def address_in_language(page, code, request=None):
    """The address of `page` under the prefix of language `code`, no query once the site's root
    paths are known: its own address when it is in that language, else its fallback address
    (/es/members/<slug>/ for an English-only member), which `home.routing.route` serves."""
    url = page.get_url(request)
    if not url:
        return url
    path_start = url.find("/", url.find("//") + 2) if "//" in url else 0
    own = get_language_from_path(url[path_start:])
    if own is None or own == code:
        return url
    prefix = f"/{own}/"
    return url[:path_start] + f"/{code}/" + url[path_start + len(prefix) :]


def localized_live_pages(model, translation_keys, locale):
    """Live pages of `model` for the given keys, in `locale` where live, else the default locale.

    Returns a list in the order of `translation_keys`; a key with no live page gives None.
    """
    keys = list(translation_keys)
    if not keys:
        return []
    best = _best_live_versions(model, keys, locale)
    return [best.get(key) for key in keys]


def live_versions_of_query(pages, locale):
    """The pages a query finds (an editor's choice of related pages, through its manager) as
    their live versions in `locale`, else the source language's, in tree order: one query, the
    choice read as a subquery rather than loaded first."""
    return list(_best_live_versions(pages.model, pages.values("translation_key"), locale).values())


def _best_live_versions(model, keys, locale):
    """{translation key: the live page of `model` in `locale`, else in the source language} for
    `keys` (a list or a subquery), in tree order, with the page's locale and image."""
    related = ["locale"] + (["image"] if hasattr(model, "image") else [])
    candidates = (
        model.objects.live()
        .filter(in_locale_or_source(locale), translation_key__in=keys)
        .select_related(*related)
    )
    best = {}
    for page in candidates:
        current = best.get(page.translation_key)
        if current is None or page.locale_id == locale.pk:
            best[page.translation_key] = page
    return best


def live_versions_of(pages, locale):
    """`pages` (of one type or several) as their live versions in `locale`, through
    `localized_live_pages`: in order, None where there is none, one query."""
    pages = list(pages)
    model = type(pages[0]) if pages else Page
    if any(type(page) is not model for page in pages):
        model = Page
    return localized_live_pages(model, [page.translation_key for page in pages], locale)


def live_versions_in(pages, locale):
    """`live_versions_of`, but no query when each page is already live in `locale`, as a page's
    own member usually is (pages loaded with their relations, which a query would not keep)."""
    pages = list(pages)
    if all(page.live and page.locale_id == locale.pk for page in pages):
        return pages
    return live_versions_of(pages, locale)


def vocabulary(model, locale):
    """Every term of the vocabulary `model` as shown in `locale`, by translation key: its
    translation there, else the source-language term. One query when the shared fragments are
    renewed (a term saved, `pagecache.fragments`), then none.

    This and `in_locale` are the one way to show terms in a language: taxonomies are short lists,
    so reading one whole keeps any number of terms, cards or rows at one query.
    """

    def load():
        shown = {}
        for term in model.objects.filter(in_locale_or_source(locale)):
            if term.translation_key not in shown or term.locale_id == locale.pk:
                shown[term.translation_key] = term
        return shown

    return fragment(f"vocabulary:{model._meta.label_lower}:{locale.pk}", load)


def in_locale(terms, locale):
    """The given terms (one vocabulary, any locale) shown in `locale`, in their order; no query
    when they all are in it already. A term with no translation nor source stays as it is, and
    None (an empty choice) stays None."""
    terms = list(terms)
    if all(term is None or term.locale_id == locale.pk for term in terms):
        return terms
    model = type(next(term for term in terms if term is not None))
    shown = vocabulary(model, locale)
    return [term and shown.get(term.translation_key, term) for term in terms]


def named_in(terms, locale):
    """The given terms' names in `locale` through `vocabulary`: what a page's structured data
    and citation say."""
    terms = list(terms)
    if not terms:
        return []
    shown = vocabulary(type(terms[0]), locale)
    return [shown.get(term.translation_key, term).name for term in terms]


def per_request(request, key, compute):
    """`compute()` once per request and key (template tags run many times on one page); the one
    per-request cache of the site. Without a request (a model method, a command) it computes."""
    if request is None:
        return compute()
    cache = request.__dict__.setdefault("_localization_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def shown_locale(request, page):
    """The locale a page is shown in: the page's own, else the active language's."""
    if isinstance(page, Page) and page.locale_id:
        return per_request(request, ("locale", page.locale_id), lambda: page.locale)
    return per_request(request, "active_locale", Locale.get_active)


def section_indexes(request, locale):
    """{section: its live index page} for the page types that declare `section_index`, in
    `locale`, else in the source language while that section is untranslated. One query per
    version of the pages (a shared fragment), whatever the number of sections; the pages are
    plain `Page`s (enough for a link)."""

    def find():
        models = [m for m in get_page_models() if getattr(m, "section_index", False)]
        types = ContentType.objects.get_for_models(*models)
        section_of = {types[model].pk: model.section for model in models}
        candidates = (
            Page.objects.live()
            .filter(in_locale_or_source(locale), content_type_id__in=section_of)
            .order_by("path")
        )
        found = {}
        for page in candidates:
            section = section_of[page.content_type_id]
            current = found.get(section)
            if current is None or (current.locale_id != locale.pk and page.locale_id == locale.pk):
                found[section] = page
        return found

    return fragment(f"sections:{locale.pk}", find)
