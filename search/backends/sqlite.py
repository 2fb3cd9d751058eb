"""SQLite: an FTS5 index over the documents table, bm25 ranking with titles weighted highest.

FTS5 has one tokenizer for all languages (Porter stemming over Unicode words, accents folded),
so language awareness comes from restricting matches to the visitor's language (and English-only
fallbacks) and from the word families of SearchQuery.terms(). Other languages' labels
(search/labels.py) sit in their own column, which only the fallback branch searches.
"""

from django.db import connection

from search.backends.base import DOCUMENTS, FALLBACK_WEIGHT, TERMS, SearchBackend
from search.text import MARK_END, MARK_START, has_mark, marked_html

FTS = "search_fts"
# bm25 column weights: title, summary, body, labels, other languages' labels.
BM25 = f"bm25({FTS}, 10.0, 4.0, 1.0, 4.0, 1.0)"
# The columns a visitor's own language is matched in (all but other languages' labels).
OWN_COLUMNS = "{title summary body labels}"
TITLE_BOOST = 5.0
# Large enough to put a page whose title is the query first (bm25 scores are unbounded).
EXACT_TITLE_BOOST = 1000.0
SNIPPET_TOKENS = 32
MAX_CANDIDATES = 5000


def _quoted(word):
    return '"' + word.replace('"', "") + '"'


def match_text(query, language_codes, prefix=False):
    """An FTS5 MATCH expression: every word required, each widened to its word families."""
    groups = []
    for index, word in enumerate(query.words):
        alternatives = [_quoted(word) + (" *" if prefix else "")]
        for code in language_codes:
            root = query.terms(code)[index][1]
            if root and _quoted(root) + " *" not in alternatives:
                alternatives.append(_quoted(root) + " *")
        groups.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(groups)


class SqliteBackend(SearchBackend):
    """Search documents through FTS5 and the vocabulary through a bounded candidate list."""

    vendor = "sqlite"
    true = "1"

    def _codes(self, spec):
        codes = [spec.locale.language_code]
        if spec.fallback_language:
            codes.append(spec.fallback_language)
        return codes

    def match_cte(self, spec, with_rank, columns=("", ()), where=("", ())):
        """`matched(id, native[, rank], ...)`: FTS5 matches in the visitor's language, then
        English-only items matched with both languages' word families and every label."""
        columns_sql, columns_params = columns
        where_sql, where_params = where
        selects = []
        params = []
        code = spec.locale.language_code
        branches = [([code], 1)]
        if spec.fallback_language:
            branches.append(([code, spec.fallback_language], 0))
        for codes, native in branches:
            text = match_text(spec.query, codes)
            select = f"SELECT d.id, {native} AS native"
            select_params = []
            if with_rank:
                exact, exact_params = self.exact_title(spec)
                # A title that is the query names the page, whatever its type.
                select += (
                    f", ((-{BM25} + CASE WHEN d.id IN"
                    f" (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)"
                    f" THEN {TITLE_BOOST} ELSE 0 END)"
                    f" * {self.type_weight()}"
                    f" + CASE WHEN {exact} THEN {EXACT_TITLE_BOOST} ELSE 0 END)"
                    f" * {1 if native else FALLBACK_WEIGHT} AS rank"
                )
                select_params.extend(["{title} : (" + text + ")", *exact_params])
            if native:
                text = f"{OWN_COLUMNS} : ({text})"
                condition = "d.locale_id = %s"
                condition_params = [spec.locale.pk]
            else:
                condition = (
                    f"d.language_code = %s AND NOT EXISTS (SELECT 1 FROM {DOCUMENTS} t"
                    " WHERE t.translation_key = d.translation_key AND t.locale_id = %s)"
                )
                condition_params = [spec.fallback_language, spec.locale.pk]
            if where_sql:
                condition += f" AND {where_sql}"
                condition_params.extend(where_params)
            selects.append(
                f"{select}{columns_sql} FROM {FTS} JOIN {DOCUMENTS} d ON d.id = {FTS}.rowid"
                f" WHERE {FTS} MATCH %s AND {condition}"
            )
            params.extend([*select_params, *columns_params, text, *condition_params])
        return f"matched AS MATERIALIZED ({' UNION ALL '.join(selects)})", params

    def json_values(self, sql):
        """The values of a JSON array (SQL text) of the matched rows (SQLite's JSON1)."""
        return f"json_each({sql}) AS j"

    def json_member(self, alias, key):
        """The value at `key` of the `facets` JSON object (arrays as their JSON text)."""
        return f"json_extract({alias}.facets, '$.{key}')"

    def highlight(self, spec, rows, extra):
        """FTS5 highlight() and snippet() for the page's rows only (SQLite runs in-process, so
        this second query costs no round trip)."""
        text = match_text(spec.query, self._codes(spec))
        ids = [row.id for row in rows]
        sql = (
            f"SELECT rowid, highlight({FTS}, 0, %s, %s), highlight({FTS}, 1, %s, %s),"
            f" snippet({FTS}, 2, %s, %s, '…', {SNIPPET_TOKENS})"
            f" FROM {FTS} WHERE {FTS} MATCH %s AND rowid IN ({', '.join(['%s'] * len(ids))})"
        )
        markers = [MARK_START, MARK_END]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*markers, *markers, *markers, text, *ids])
            marked = {row[0]: row[1:] for row in cursor.fetchall()}
        for row in rows:
            title, summary, body = marked.get(row.id, (row.title, row.summary, ""))
            row.title_html = marked_html(title)
            row.snippet_html = marked_html(body if has_mark(body) else summary)

    def autocomplete(self, query, locale, limit):
        """Titles in the visitor's language whose words start with what was typed (FTS5 prefix)."""
        text = "{title} : (" + match_text(query, [locale.language_code], prefix=True) + ")"
        sql = f"""
            SELECT d.title, d.url, d.page_type FROM {FTS} JOIN {DOCUMENTS} d ON d.id = {FTS}.rowid
            WHERE {FTS} MATCH %s AND d.locale_id = %s
            ORDER BY {BM25}, d.title
            LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [text, locale.pk, limit])
            return cursor.fetchall()

    def suggestion_candidates(self, word, locale):
        """Frequent vocabulary words sharing the first letter and of a similar length.

        SQLite has no trigram index; the unique (locale, term) index serves the first-letter
        range, and the length window keeps the list short for the Python comparison.
        """
        first = word[0]
        sql = f"""
            SELECT term, spelling, frequency FROM {TERMS}
            WHERE locale_id = %s AND term >= %s AND term < %s AND length(term) BETWEEN %s AND %s
            ORDER BY frequency DESC
            LIMIT %s
        """
        params = [
            locale.pk,
            first,
            chr(ord(first) + 1),
            len(word) - 2,
            len(word) + 2,
            MAX_CANDIDATES,
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
