"""Keeping the search tables in step with the live pages.

`index_page` and `remove_page` are called on publish and unpublish (search/signals.py);
`rebuild` recreates everything (`manage.py rebuild_search_documents`).
"""

import contextlib
from collections import Counter
from contextvars import ContextVar
from itertools import islice

from django.db import connection, transaction
from django.db.models import F
from wagtail.models import Page

from search.backends.base import DOCUMENTS
from search.labels import TaxonomyBook
from search.models import SearchDocument, SearchTerm, text_search_config
from search.registry import document_fields, indexed_models, is_searched
from search.text import vocabulary_spellings, vocabulary_words

CHUNK = 500
# Inside deferred_label_updates(): the taxonomy terms changed so far (None outside).
_changed_terms = ContextVar("changed_terms", default=None)


def _chunks(items, size=CHUNK):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def is_indexable(page):
    """A page is searchable when it is live, public and has an address."""
    return page.live and not page.get_view_restrictions().exists()


def document_words(document, spellings=False):
    """The vocabulary words of a document (with their spellings when asked)."""
    texts = (document.title, document.summary, document.body, document.own_labels)
    return vocabulary_spellings(*texts) if spellings else vocabulary_words(*texts)


def index_page(page, book=None):
    """Create or refresh the search document of a page (or remove it if it is not searchable).

    Returns the document, or None when the page type is not searched or the page is not public.
    `book` (a TaxonomyBook) may be shared by several calls.
    """
    page = page.specific if type(page) is Page else page
    if not is_searched(page):
        return None
    url = page.get_url() if is_indexable(page) else None
    if not url:
        remove_page(page)
        return None
    with transaction.atomic():
        document = SearchDocument.objects.filter(page_id=page.pk).first()
        old_words = document_words(document) if document else set()
        document = _write(
            document or SearchDocument(page_id=page.pk), page, url, book or TaxonomyBook()
        )
        spellings = document_words(document, spellings=True)
        new_words = set(spellings)
        update_vocabulary(
            document.locale_id, new_words - old_words, old_words - new_words, spellings
        )
    return document


def remove_page(page):
    """Take a page out of the search (its vocabulary is updated by the post_delete signal)."""
    for document in SearchDocument.objects.filter(page_id=page.pk):
        document.delete()


def forget_document_words(document):
    """Lower the vocabulary counts for the words of a document that is going away."""
    words = document_words(document)
    update_vocabulary(document.locale_id, set(), words)


def update_vocabulary(locale_id, added, removed, spellings=None):
    """Count words that appeared in a document up and words that left it down.

    A new word is stored with its spelling in the document (`spellings`, see
    vocabulary_spellings); a capitalised spelling gives way once the word is seen in lower case.
    """
    spellings = spellings or {}
    terms = SearchTerm.objects.filter(locale_id=locale_id)
    for chunk in _chunks(sorted(added)):
        terms.filter(term__in=chunk).update(frequency=F("frequency") + 1)
        known = set(terms.filter(term__in=chunk).values_list("term", flat=True))
        lower_case = [term for term in chunk if term in known and spellings.get(term) == term]
        terms.filter(term__in=lower_case).exclude(spelling=F("term")).update(spelling=F("term"))
        SearchTerm.objects.bulk_create(
            [
                SearchTerm(
                    locale_id=locale_id, term=term, spelling=spellings.get(term, term), frequency=1
                )
                for term in chunk
                if term not in known
            ],
            ignore_conflicts=True,
        )
    for chunk in _chunks(sorted(removed)):
        terms.filter(term__in=chunk).update(frequency=F("frequency") - 1)
        terms.filter(term__in=chunk, frequency__lte=0).delete()


def reindex_subtree(page):
    """Index a page and its live descendants again (after a move or a view restriction change).

    `index_page` drops the ones that are no longer public and stores everyone's new address.
    """
    pages = (
        Page.objects.descendant_of(page, inclusive=True).live().type(*indexed_models()).specific()
    )
    book = TaxonomyBook()
    for descendant in pages.iterator(chunk_size=200):
        index_page(descendant, book)


def refresh_urls(page):
    """Store the new addresses of a page and its descendants after a move or a slug change."""
    documents = {
        document.page_id: document
        for document in SearchDocument.objects.filter(
            page__path__startswith=page.path, page__depth__gte=page.depth
        )
    }
    if not documents:
        return
    for descendant in Page.objects.filter(pk__in=documents).select_related("locale"):
        documents[descendant.pk].url = descendant.get_url() or documents[descendant.pk].url
    SearchDocument.objects.bulk_update(documents.values(), ["url"])


def tagged_page_ids(term):
    """Pages whose documents carry a taxonomy term (by its slug, shared by all languages)."""
    column = {"policyarea": "policy_areas", "sustainabledevelopmentgoal": "sdgs"}.get(
        term._meta.model_name
    )
    documents = SearchDocument.objects.filter(page__isnull=False)
    if column:
        documents = documents.filter(**{f"{column}__contains": f'"{term.slug}"'})
    else:
        documents = documents.filter(country=term.slug)
    return list(documents.values_list("page_id", flat=True))


def reindex_tagged(term):
    """Index again the pages tagged with a term whose names or synonyms changed (they label
    those pages in every language); deferred inside deferred_label_updates()."""
    changed = _changed_terms.get()
    if changed is not None:
        changed.add((type(term), term.pk))
        return
    book = TaxonomyBook()
    for page in Page.objects.filter(pk__in=tagged_page_ids(term)).specific():
        index_page(page, book)


@contextlib.contextmanager
def deferred_label_updates():
    """Collect taxonomy changes made inside the block; rebuild the search once at the end.

    For bulk loads (the demo), where re-indexing at each of hundreds of term saves would
    repeat the same work.
    """
    token = _changed_terms.set(set())
    try:
        yield
    finally:
        changed = _changed_terms.get()
        _changed_terms.reset(token)
    if changed:
        rebuild()


def clear(synthetic_only=False):
    """Delete documents (all, or only the benchmark's page-less ones).

    Plain SQL, so ten thousand rows go in one statement without loading them; the caller
    rebuilds the vocabulary afterwards.
    """
    condition = " WHERE page_id IS NULL" if synthetic_only else ""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {DOCUMENTS}{condition}")


def rebuild_vocabulary():
    """Recount every language's vocabulary from the documents."""
    counts = {}
    spellings = {}
    rows = SearchDocument.objects.only(
        "locale_id", "search_config", "title", "summary", "body", "labels"
    )
    for document in rows.iterator(chunk_size=1000):
        locale_id = document.locale_id
        found = document_words(document, spellings=True)
        counts.setdefault(locale_id, Counter()).update(found.keys())
        written = spellings.setdefault(locale_id, {})
        for term, spelling in found.items():
            if term not in written or spelling == term:
                written[term] = spelling
    with transaction.atomic():
        SearchTerm.objects.all().delete()
        for locale_id, counter in counts.items():
            SearchTerm.objects.bulk_create(
                (
                    SearchTerm(
                        locale_id=locale_id,
                        term=term,
                        spelling=spellings[locale_id][term],
                        frequency=n,
                    )
                    for term, n in counter.items()
                ),
                batch_size=2000,
            )


def rebuild():
    """Recreate the search tables from every live, public page of the searched types.

    Returns the number of documents written.
    """
    written = 0
    book = TaxonomyBook()
    with transaction.atomic():
        clear()
        for model in indexed_models():
            pages = model.objects.live().public().select_related("locale").order_by("path")
            for page in pages.iterator(chunk_size=200):
                url = page.get_url()
                if url:
                    _write(SearchDocument(page_id=page.pk), page, url, book)
                    written += 1
        rebuild_vocabulary()
    return written


def _write(document, page, url, book):
    """Fill a document from its page and save it."""
    fields = document_fields(page, book)
    language_code = page.locale.language_code
    document.locale_id = page.locale_id
    document.language_code = language_code
    document.search_config = text_search_config(language_code)
    document.translation_key = page.translation_key
    document.url = url
    for name, value in fields.items():
        setattr(document, name, value)
    document.save()
    return document
