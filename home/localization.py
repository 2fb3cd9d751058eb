"""Resolving shared references to the visitor's language, in a fixed number of queries.

Pages refer to taxonomy and to other pages through whichever instance an editor chose (usually
the English one, synchronized into translations); these helpers map them to the active locale by
translation key, falling back to the source language where no translation exists.
"""

from wagtail.models import Locale


def localized_live_pages(model, translation_keys, locale):
    """Live pages of `model` for the given keys, in `locale` where live, else the default locale.

    Returns a list in the order of `translation_keys`; a key with no live page gives None.
    """
    keys = list(translation_keys)
    if not keys:
        return []
    default = Locale.get_default()
    candidates = (
        model.objects.live()
        .filter(translation_key__in=keys, locale_id__in={locale.pk, default.pk})
        .select_related("image", "locale")
    )
    best = {}
    for page in candidates:
        current = best.get(page.translation_key)
        if current is None or page.locale_id == locale.pk:
            best[page.translation_key] = page
    return [best.get(key) for key in keys]


def localized_terms(model, translation_keys, locale):
    """A dict translation_key -> term in `locale` (or the default locale where not translated)."""
    keys = set(translation_keys)
    if not keys:
        return {}
    default_id = Locale.get_default().pk
    terms = {}
    for term in model.objects.filter(
        translation_key__in=keys, locale_id__in={locale.pk, default_id}
    ):
        if term.translation_key not in terms or term.locale_id == locale.pk:
            terms[term.translation_key] = term
    return terms


def localize_term_list(terms, locale, model=None):
    """The given terms (any locale) rendered in `locale`, keeping their order and dropping none."""
    terms = list(terms)
    if not terms:
        return []
    model = model or type(terms[0])
    mapping = localized_terms(model, (t.translation_key for t in terms), locale)
    return [mapping.get(t.translation_key, t) for t in terms]
