"""What the shared vocabulary says about a page, in each language the page is read in.

An English page without a translation is shown to every visitor; a Spanish visitor can only find
it through words they know in Spanish: the Spanish names of its policy areas, goals, country,
region and member, and the Spanish synonyms of those terms. A document's labels hold these words
per language, keyed by the language's text search configuration, so each database indexes them
with that language's rules (search/migrations/0006): a source-language document carries every
language's labels (it stands in for missing translations), a translation only its own.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page

from home.localization import source_language_code
from home.models import Country, PolicyArea, Region, SustainableDevelopmentGoal
from home.models.taxonomy import split_synonyms
from search.models import text_search_config
from search.text import clean_text, fold_accents, vocabulary_words

TAXONOMY = (PolicyArea, SustainableDevelopmentGoal, Country)
# Labels and taxonomy words are cached this long, under a version that changes whenever a term
# is saved or deleted (search/signals.py), so every process sharing the cache drops them at once.
LABELS_CACHE_SECONDS = 300
LABELS_VERSION_KEY = "search:labels:version"


@dataclass
class Vocabulary:
    """The taxonomy terms and related pages whose names describe a page."""

    terms: list = field(default_factory=list)
    pages: list = field(default_factory=list)


class TaxonomyBook:
    """Every taxonomy term's words ({language code: [name, synonyms]}) by model and key.

    Loaded once (one query per taxonomy model) for any number of documents.
    """

    def __init__(self):
        self.words = {}
        for model in TAXONOMY:
            rows = model.objects.values_list(
                "translation_key", "locale__language_code", "name", "synonyms"
            )
            for key, language, name, synonyms in rows:
                words = self.words.setdefault((model, key), {}).setdefault(language, [])
                words.append(name)
                words.extend(split_synonyms(synonyms))

    def term_words(self, term, language):
        """The name and synonyms of a term in a language (none where it has no translation),
        and what every language can say of it: a goal's abbreviation, a country's region."""
        words = list(self.words.get((type(term), term.translation_key), {}).get(language, []))
        with translation.override(language):
            if isinstance(term, SustainableDevelopmentGoal):
                # Translators: how this language abbreviates a Sustainable Development Goal
                # ("ODS 16"); visitors search with it.
                words.append(gettext("SDG %(number)s") % {"number": term.number})
            if isinstance(term, Country) and term.region:
                words.append(str(Region(term.region).label))
        return words


def label_languages(language_code):
    """The languages a document's labels are written in (see the module docstring)."""
    if language_code == source_language_code():
        return [code for code, _name in settings.LANGUAGES]
    return [language_code]


def page_titles(pages, languages):
    """{language: [titles]} of the live translations of related pages (one query)."""
    keys = [page.translation_key for page in pages if page is not None]
    titles = {}
    if not keys:
        return titles
    rows = Page.objects.filter(
        translation_key__in=keys, live=True, locale__language_code__in=languages
    )
    for language, title in rows.values_list("locale__language_code", "title"):
        titles.setdefault(language, []).append(title)
    return titles


def document_labels(language_code, vocabulary, book):
    """{text search configuration: words} for a document in `language_code`."""
    languages = label_languages(language_code)
    titles = page_titles(vocabulary.pages, languages)
    labels = {}
    for language in languages:
        words = [word for term in vocabulary.terms for word in book.term_words(term, language)]
        words += titles.get(language, [])
        if words:
            config = text_search_config(language)
            labels[config] = clean_text(" ".join([labels.get(config, ""), *words]))
    return labels


def taxonomy_words(language_code):
    """The words (accents folded) of every taxonomy name and synonym in a language, cached.

    They find what is tagged with their terms, so "Did you mean" leaves them alone. Dropped with
    the facets' labels whenever a term changes (search/facets.py).
    """
    version = cache.get(LABELS_VERSION_KEY) or "0"
    key = f"search:taxonomy-words:{version}:{language_code}"
    words = cache.get(key)
    if words is None:
        book = TaxonomyBook()
        texts = [
            " ".join(by_language.get(language_code, ())) for by_language in book.words.values()
        ]
        words = {fold_accents(word) for word in vocabulary_words(*texts)}
        cache.set(key, words, LABELS_CACHE_SECONDS)
    return words
