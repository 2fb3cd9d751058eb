"""Wagtail's database search backend (API and admin search), given words only.

Wagtail 7.4's database backends pass the typed text into the engine's own query language: on
SQLite each term goes inside an FTS5 string without escaping its double quotes (`"` is a syntax
error), and a NUL character reaches SQLite FTS5 or PostgreSQL, which refuse it. Here a typed
text keeps its words (letters and digits of any script) and nothing else, as the site search
does, so it can never be read as syntax. Configured in WAGTAILSEARCH_BACKENDS.
"""

import copy
import functools

from modelsearch.query import SearchQuery

from search.text import WORD


def words_only(query):
    """The query with only its words: a text, or a query object with each text reduced."""
    if isinstance(query, str):
        return " ".join(WORD.findall(query))
    if not isinstance(query, SearchQuery):
        return query
    reduced = copy.copy(query)
    if isinstance(getattr(query, "query_string", None), str):
        reduced.query_string = words_only(query.query_string)
    if getattr(query, "subqueries", None) is not None:
        reduced.subqueries = [words_only(subquery) for subquery in query.subqueries]
    if isinstance(getattr(query, "subquery", None), SearchQuery):
        reduced.subquery = words_only(query.subquery)
    return reduced


class WordsOnlyMixin:
    """A search backend whose search() and autocomplete() see the query's words only."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        """Wagtail's search of the query's words."""
        return super().search(words_only(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        """Wagtail's autocomplete of the query's words."""
        return super().autocomplete(words_only(query), model_or_queryset, *args, **kwargs)


@functools.cache
def words_only_class(backend_class):
    """`backend_class` with WordsOnlyMixin in front (one class per backend class)."""
    return type(f"WordsOnly{backend_class.__name__}", (WordsOnlyMixin, backend_class), {})


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    """Wagtail's database backend for the default database (as Wagtail picks it), words only."""
    from wagtail.search.backends.database import SearchBackend as database_backend

    return words_only_class(type(database_backend(params)))(params)
