"""PostgreSQL: a GIN-indexed tsvector per document, built with the document's own language.

The visitor's words are parsed with the visitor's language configuration (so "corrupción" is
stemmed as Spanish) and matched against that language's documents; English-only items are
matched with the English configuration. Titles (weight A) outrank summaries (B) and bodies (C),
and a title containing every word gets a further boost.
"""

from django.db import connection
from django.utils.html import escape

from search.backends.base import DOCUMENTS, TERMS, SearchBackend
from search.models import text_search_config
from search.text import MARK_END, MARK_START, has_mark, marked_html

HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
HIGHLIGHT_ALL = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"
TITLE_BOOST = 1.0
MAX_CANDIDATES = 20


def tsquery_text(query, language_code, weight="", prefix=False):
    """A to_tsquery() string: all words required, each widened to its word family.

    Words are letters and digits only (see SearchQuery.parse), so they cannot carry operators.
    """
    parts = []
    for word, root in query.terms(language_code):
        star = "*" if prefix else ""
        term = f"{word}:{star}{weight}" if (weight or prefix) else word
        parts.append(f"({term} | {root}:*{weight})" if root else term)
    return " & ".join(parts)


class PostgresBackend(SearchBackend):
    """Search documents through their tsvector column and the vocabulary through pg_trgm."""

    vendor = "postgresql"

    def _branches(self, spec):
        """(locale, config, language code, native flag) for the visitor's language and English."""
        code = spec.locale.language_code
        branches = [(spec.locale, text_search_config(code), code, 1)]
        if spec.fallback_locale is not None:
            fallback_code = spec.fallback_locale.language_code
            branches.append(
                (spec.fallback_locale, text_search_config(fallback_code), fallback_code, 0)
            )
        return branches

    def match_cte(self, spec, with_rank):
        """`matched(id, native[, rank])`: GIN-indexed matches in each language branch."""
        selects = []
        params = []
        for locale, config, code, native in self._branches(spec):
            text = tsquery_text(spec.query, code)
            rank = ""
            rank_params = []
            if with_rank:
                rank = (
                    ", ts_rank(d.search_vector, to_tsquery(%s::regconfig, %s))"
                    " + CASE WHEN d.search_vector @@ to_tsquery(%s::regconfig, %s)"
                    f" THEN {TITLE_BOOST} ELSE 0 END AS rank"
                )
                rank_params = [config, text, config, tsquery_text(spec.query, code, weight="A")]
            untranslated = ""
            untranslated_params = []
            if not native:
                untranslated = (
                    f" AND NOT EXISTS (SELECT 1 FROM {DOCUMENTS} t"
                    " WHERE t.translation_key = d.translation_key AND t.locale_id = %s)"
                )
                untranslated_params = [spec.locale.pk]
            selects.append(
                f"SELECT d.id, {native} AS native{rank} FROM {DOCUMENTS} d"
                " WHERE d.locale_id = %s AND d.search_vector @@ to_tsquery(%s::regconfig, %s)"
                f"{untranslated}"
            )
            params.extend([*rank_params, locale.pk, config, text, *untranslated_params])
        return f"matched AS MATERIALIZED ({' UNION ALL '.join(selects)})", params

    def highlight(self, spec, rows):
        """ts_headline over the page's rows only, each with its own language's query."""
        cases = []
        params = []
        for locale, config, code, _native in self._branches(spec):
            text = tsquery_text(spec.query, code)
            cases.append((locale.pk, config, text))
        columns = []
        for column, options in (
            ("title", HIGHLIGHT_ALL),
            ("summary", HIGHLIGHT_ALL),
            ("body", HEADLINE_OPTIONS),
        ):
            # Escaped before ts_headline, whose parser would otherwise drop tag-like text.
            escaped = (
                f"replace(replace(replace(d.{column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"
            )
            whens = []
            for locale_id, config, text in cases:
                whens.append(
                    f"WHEN %s THEN ts_headline(%s::regconfig, {escaped},"
                    " to_tsquery(%s::regconfig, %s), %s)"
                )
                params.extend([locale_id, config, config, text, options])
            columns.append(f"CASE d.locale_id {' '.join(whens)} ELSE {escaped} END")
        ids = [row.id for row in rows]
        params.extend(ids)
        sql = (
            f"SELECT d.id, {', '.join(columns)} FROM {DOCUMENTS} d"
            f" WHERE d.id IN ({', '.join(['%s'] * len(ids))})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            marked = {row[0]: row[1:] for row in cursor.fetchall()}
        for row in rows:
            title, summary, body = marked.get(row.id, (escape(row.title), escape(row.summary), ""))
            row.title_html = marked_html(title, escaped=True)
            row.snippet_html = marked_html(body if has_mark(body) else summary, escaped=True)

    def autocomplete(self, query, locale, limit):
        """Titles in the visitor's language whose words start with what was typed (GIN)."""
        code = locale.language_code
        config = text_search_config(code)
        text = tsquery_text(query, code, weight="A", prefix=True)
        sql = f"""
            SELECT d.title, d.url, d.page_type FROM {DOCUMENTS} d
            WHERE d.locale_id = %s AND d.search_vector @@ to_tsquery(%s::regconfig, %s)
            ORDER BY ts_rank(d.search_vector, to_tsquery(%s::regconfig, %s)) DESC, d.title
            LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [locale.pk, config, text, config, text, limit])
            return cursor.fetchall()

    def suggestion_candidates(self, word, locale):
        """Vocabulary words similar to `word` by trigrams (pg_trgm GIN index)."""
        sql = f"""
            SELECT term, frequency FROM {TERMS}
            WHERE locale_id = %s AND term %% %s
            ORDER BY similarity(term, %s) DESC, frequency DESC
            LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [locale.pk, word, word, MAX_CANDIDATES])
            return cursor.fetchall()
