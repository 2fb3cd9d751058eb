"""Which page types the search covers, and what of each feeds the index and the facets.

Content apps know nothing of search, and search names no content type: a page type declares
what the search reads of it, as it declares Wagtail's `search_fields` (home/models/base.py):
`search_type` (its value in the `type` facet; a type without one is not searched),
`search_type_label`, `search_weight`, `search_body`, `search_facets()`, `search_terms()`,
`search_date()` and `search_filters()` (facets of its own). This module finds those types in
Wagtail's registry of page models.
"""

import functools
import json
import re

from django.core.exceptions import ImproperlyConfigured
from wagtail.models import get_page_models

from search.labels import Vocabulary, document_labels
from search.text import clean_text, stream_text

# Facets the search keeps in columns of their own (shared vocabulary of home/); a type's own
# facets (`search_filters()`) go to the document's `facets` JSON object.
SHARED_FACETS = ("policy_area", "sdg", "region", "country", "year")
# A type's value and its own facets' names are written into SQL as constants.
NAME = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


@functools.cache
def indexed_models():
    """The page models the search covers, heaviest `search_weight` first (the `type` facet's
    order), each checked: a name fit for SQL, one type per value, a number for its weight."""
    models = [model for model in get_page_models() if getattr(model, "search_type", "")]
    seen = {}
    facet_owners = {}
    for model in models:
        if not NAME.match(model.search_type) or model.search_type in seen:
            raise ImproperlyConfigured(
                f"{model.__name__}.search_type {model.search_type!r}: lowercase letters, digits "
                f"and _, and not already used by {seen.get(model.search_type, 'another type')}."
            )
        seen[model.search_type] = model.__name__
        float(model.search_weight)
        for facet in model.search_filters():
            # One facet per name in the form and the download: a second type's facet of the
            # same name would be served with the first one's choices and labels.
            if (
                not NAME.match(facet.param)
                or facet.param in SHARED_FACETS
                or facet.param in facet_owners
            ):
                raise ImproperlyConfigured(
                    f"{model.__name__}: facet name {facet.param!r} (lowercase letters, digits "
                    f"and _, not a shared facet's, not already declared by "
                    f"{facet_owners.get(facet.param, 'another type')})."
                )
            facet_owners[facet.param] = model.__name__
    return sorted(models, key=lambda model: -float(model.search_weight))


def type_choices():
    """(value, label) of every searched type, for the `type` facet and result badges."""
    return [
        (model.search_type, model.search_type_label or model._meta.verbose_name_plural)
        for model in indexed_models()
    ]


def type_weights():
    """{type value: relevance weight} of every searched type."""
    return {model.search_type: float(model.search_weight) for model in indexed_models()}


def own_filters():
    """The facets types declare for themselves (fresh `home.listing` filters; each name is one
    type's, `indexed_models` checks), in the order of the types."""
    return [facet for model in indexed_models() for facet in model.search_filters()]


def is_searched(page):
    """Whether the search covers the (specific) page's type."""
    return type(page) in indexed_models()


def resolve(page, path):
    """The value at a dotted attribute path of a page, None if any step is missing."""
    value = page
    for name in path.split("."):
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def slug_list(values):
    """A multi-valued facet as stored: a sorted JSON array of distinct slugs."""
    return json.dumps(sorted(set(values or ())), separators=(",", ":"))


def own_facet_values(facets):
    """A type's own facets as stored in `facets`: text values, lists sorted, empties left out."""
    stored = {}
    for name, value in facets.items():
        if name in SHARED_FACETS or value in ("", None, [], ()):
            continue
        if isinstance(value, list | tuple | set):
            stored[name] = sorted({str(item) for item in value})
        else:
            stored[name] = str(value)
    return json.dumps(stored, sort_keys=True, separators=(",", ":"))


def document_fields(page, book):
    """The SearchDocument field values of a live page (no saving); `book` is a TaxonomyBook."""
    parts = []
    for path in page.search_body:
        value = resolve(page, path)
        if value is None:
            continue
        parts.append(stream_text(value) if hasattr(value, "stream_block") else str(value))
    facets = {
        name: value for name, value in page.search_facets().items() if value not in ("", None)
    }
    terms, pages = page.search_terms()
    return {
        "title": clean_text(page.title)[:255],
        "summary": clean_text(getattr(page, "summary", "")),
        "body": clean_text(" ".join(parts)),
        "page_type": page.search_type,
        "policy_areas": slug_list(facets.get("policy_area")),
        "sdgs": slug_list(facets.get("sdg")),
        "region": facets.get("region", ""),
        "country": facets.get("country", ""),
        "facets": own_facet_values(facets),
        "year": facets.get("year"),
        "date": page.search_date(),
        "labels": document_labels(
            page.locale.language_code, Vocabulary(terms=list(terms), pages=list(pages)), book
        ),
    }
