"""PostgreSQL: a GIN-indexed tsvector per document, built with the document's own language.

The visitor's words are parsed with the visitor's language configuration (so "corrupción" is
stemmed as Spanish) and matched against that language's documents; English-only items are
matched with the English configuration. Titles (weight A) outrank summaries (B) and bodies (C),
and a title containing every word gets a further boost.
"""

from django.db import connection

from search.backends.base import DOCUMENTS, FALLBACK_WEIGHT, TERMS, SearchBackend
from search.models import text_search_config
from search.text import MARK_END, MARK_START, has_mark, marked_html

HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
# ts_headline parses the whole text it is given; the snippet comes from the body's opening
# characters (about 300 words), else from the summary.
HEADLINE_CHARACTERS = 2000
HIGHLIGHT_ALL = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"
TITLE_BOOST = 1.0
# Puts a page whose title is the query first (ts_rank is at most 1 per weight).
EXACT_TITLE_BOOST = 100.0
MAX_CANDIDATES = 20
# ts_rank's weights of D, C, B and A lexemes. D holds other languages' labels (see
# search/labels.py): they count like a summary for an untranslated item, the only way a
# visitor's own words reach it; native matches exclude them.
NATIVE_RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
FALLBACK_RANK_WEIGHTS = "{0.4, 0.2, 0.4, 1.0}"


def tsquery(query, language_codes, weight="", prefix=False):
    """SQL (and params) of a tsquery: every word required, each widened to its word family.

    A word is parsed with each language's configuration (stemmed) and matches in any of them;
    its family root is matched as a literal prefix (`simple_unaccent`), since stemming a root
    can shorten it into other words ("transpar" -> "transp" would match "transporte"). `weight`
    restricts matches to those weights ("A" titles, "ABC" everything but other languages'
    labels). Words are letters and digits only (see SearchQuery.parse), so they cannot carry
    tsquery operators.
    """
    star = "*" if prefix else ""
    flags = f":{star}{weight}" if (weight or prefix) else ""
    configs = list(dict.fromkeys(text_search_config(code) for code in language_codes))
    families = [query.terms(code) for code in language_codes]
    parts = []
    params = []
    for index, word in enumerate(query.words):
        alternatives = ["to_tsquery(%s::regconfig, %s)"] * len(configs)
        for config in configs:
            params.extend([config, word + flags])
        for root in dict.fromkeys(terms[index][1] for terms in families if terms[index][1]):
            alternatives.append("to_tsquery('simple_unaccent', %s)")
            params.append(f"{root}:*{weight}")
        parts.append("(" + " || ".join(alternatives) + ")")
    return "(" + " && ".join(parts) + ")", params


class PostgresBackend(SearchBackend):
    """Search documents through their tsvector column and the vocabulary through pg_trgm."""

    vendor = "postgresql"

    def _branches(self, spec):
        """(locale condition, its params, language codes, weights, native flag) per branch.

        The visitor's language matches its own documents everywhere but in other languages'
        labels; untranslated source-language documents match in both languages and through
        every label. The fallback locale is looked up inside the query, saving a round trip.
        """
        code = spec.locale.language_code
        branches = [("d.locale_id = %s", [spec.locale.pk], [code], "ABC", 1)]
        if spec.fallback_language:
            branches.append(
                (
                    "d.locale_id = (SELECT id FROM wagtailcore_locale WHERE language_code = %s)",
                    [spec.fallback_language],
                    [code, spec.fallback_language],
                    "",
                    0,
                )
            )
        return branches

    def match_cte(self, spec, with_rank, columns=("", ()), where=("", ())):
        """`matched(id, native[, rank], ...)`: GIN-indexed matches in each language branch."""
        columns_sql, columns_params = columns
        where_sql, where_params = where
        selects = []
        params = []
        for locale_sql, locale_params, codes, weights, native in self._branches(spec):
            words, words_params = tsquery(spec.query, codes, weight=weights)
            select = f"SELECT d.id, {native} AS native"
            select_params = []
            if with_rank:
                in_title, in_title_params = tsquery(spec.query, codes, weight="A")
                exact, exact_params = self.exact_title(spec)
                # A title that is the query names the page, whatever its type.
                weights = NATIVE_RANK_WEIGHTS if native else FALLBACK_RANK_WEIGHTS
                select += (
                    f", ((ts_rank('{weights}', d.search_vector, {words})"
                    f" + CASE WHEN d.search_vector @@ {in_title} THEN {TITLE_BOOST} ELSE 0 END)"
                    f" * {self.type_weight()}"
                    f" + CASE WHEN {exact} THEN {EXACT_TITLE_BOOST} ELSE 0 END)"
                    f" * {1 if native else FALLBACK_WEIGHT} AS rank"
                )
                select_params = [*words_params, *in_title_params, *exact_params]
            condition = f"{locale_sql} AND d.search_vector @@ {words}"
            condition_params = [*locale_params, *words_params]
            if not native:
                condition += (
                    f" AND NOT EXISTS (SELECT 1 FROM {DOCUMENTS} t"
                    " WHERE t.translation_key = d.translation_key AND t.locale_id = %s)"
                )
                condition_params.append(spec.locale.pk)
            if where_sql:
                condition += f" AND {where_sql}"
                condition_params.extend(where_params)
            selects.append(f"{select}{columns_sql} FROM {DOCUMENTS} d WHERE {condition}")
            params.extend([*select_params, *columns_params, *condition_params])
        return f"matched AS MATERIALIZED ({' UNION ALL '.join(selects)})", params

    def json_values(self, sql):
        """The values of a JSON array (SQL text) of the matched rows."""
        return f"json_array_elements_text(({sql})::json) AS j(value)"

    def json_member(self, alias, key):
        """The text at `key` of the `facets` JSON object (`->>`: arrays as their JSON text)."""
        return f"({alias}.facets::json ->> '{key}')"

    def page_columns(self, spec):
        """ts_headline of title, summary and body, computed for the page's rows only.

        Each row is highlighted with its own language's query; the text is escaped before
        ts_headline, whose parser would otherwise drop tag-like text.
        """
        columns = []
        params = []
        for column, options in (
            ("d.title", HIGHLIGHT_ALL),
            ("d.summary", HIGHLIGHT_ALL),
            (f"left(d.body, {HEADLINE_CHARACTERS})", HEADLINE_OPTIONS),
        ):
            escaped = f"replace(replace(replace({column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"
            whens = []
            for _sql, _params, codes, _weights, _native in self._branches(spec):
                words, words_params = tsquery(spec.query, codes)
                # A row's own language comes last in `codes`: the native branch has only it.
                code = codes[-1]
                whens.append(f"WHEN %s THEN ts_headline(%s::regconfig, {escaped}, {words}, %s)")
                params.extend([code, text_search_config(code), *words_params, options])
            columns.append(f", CASE d.language_code {' '.join(whens)} ELSE {escaped} END")
        return "".join(columns), params

    def highlight(self, spec, rows, extra):
        """Turn the marked headlines selected with the page into HTML."""
        for row, (title, summary, body) in zip(rows, extra, strict=True):
            row.title_html = marked_html(title, escaped=True)
            row.snippet_html = marked_html(body if has_mark(body) else summary, escaped=True)

    def autocomplete(self, query, locale, limit):
        """Titles in the visitor's language whose words start with what was typed (GIN)."""
        words, words_params = tsquery(query, [locale.language_code], weight="A", prefix=True)
        sql = f"""
            SELECT d.title, d.url, d.page_type FROM {DOCUMENTS} d
            WHERE d.locale_id = %s AND d.search_vector @@ {words}
            ORDER BY ts_rank(d.search_vector, {words}) DESC, d.title
            LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [locale.pk, *words_params, *words_params, limit])
            return cursor.fetchall()

    def suggestion_candidates(self, word, locale):
        """Vocabulary words similar to `word` by trigrams (pg_trgm GIN index)."""
        sql = f"""
            SELECT term, spelling, frequency FROM {TERMS}
            WHERE locale_id = %s AND term %% %s
            ORDER BY similarity(term, %s) DESC, frequency DESC
            LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [locale.pk, word, word, MAX_CANDIDATES])
            return cursor.fetchall()
