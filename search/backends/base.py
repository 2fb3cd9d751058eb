"""SQL shared by the database-specific search backends: filters, facet counts, result pages.

A backend supplies the `matched` common table expression (which documents match the words, in
the visitor's language or as English-only fallbacks, with a rank) and its highlighting; the
filtering and counting around it are the same on every database. All values are parameters.
"""

from dataclasses import dataclass, field

from django.db import connection

from search.registry import type_choices, type_weights

DOCUMENTS = "search_searchdocument"
TERMS = "search_searchterm"
# The pseudo-facet under which facet_counts() reports the query words the vocabulary knows.
KNOWN_WORDS = "~known"
# An untranslated item's relevance, against one in the visitor's language: it comes first only
# when it is clearly the better answer.
FALLBACK_WEIGHT = 0.6


@dataclass
class SearchSpec:
    """Everything one search asks of the database.

    `filters` is a list of (facet, values) for the facets with chosen values;
    `fallback_language` is the source language (English) when the visitor's is another one.
    """

    query: object
    locale: object
    fallback_language: str = None
    filters: list = field(default_factory=list)
    facets: list = field(default_factory=list)
    exclude_page_ids: list = field(default_factory=list)


@dataclass
class ResultRow:
    """One result as the page shows it; `title_html` and `snippet_html` are escaped and marked."""

    id: int
    page_id: int
    title: str
    summary: str
    url: str
    page_type: str
    language_code: str
    native: bool
    title_html: str = ""
    snippet_html: str = ""

    @property
    def foreign(self):
        """Found through its source-language text: shown in that language."""
        return not self.native

    @property
    def type_label(self):
        """The content type's name in the visitor's language."""
        return dict(type_choices()).get(self.page_type, "")


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


def _like_escaped(value):
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class SearchBackend:
    """The parts of a search that do not depend on the database."""

    vendor = None
    true = "TRUE"

    def match_cte(self, spec, with_rank, columns=("", ()), where=("", ())):
        """SQL and params of `matched(id, native[, rank], ...)`; each backend writes its own.

        `columns` adds select expressions on documents `d` (with their params) and `where`
        adds a condition on `d`; both apply to every language branch of the match.
        """
        raise NotImplementedError

    def exact_title(self, spec):
        """SQL (and params) true when a document's title is the query, accents and case aside
        (SQLite's `unaccent` is registered in search/signals.py)."""
        return "lower(unaccent(d.title)) = lower(unaccent(%s))", [spec.query.text]

    def type_weight(self):
        """SQL of the weight of a document's page type (its `search_weight`), constants only:
        the registry checked that type values are plain names and weights numbers."""
        whens = " ".join(
            f"WHEN '{page_type}' THEN {weight}" for page_type, weight in type_weights().items()
        )
        return f"(CASE d.page_type {whens} ELSE 1.0 END)"

    def json_member(self, alias, key):
        """SQL of the text at `key` of the `facets` JSON object of documents `alias` (a plain
        name, checked by the registry): a value, or a JSON array of values."""
        raise NotImplementedError

    def facet_sql(self, facet, alias="d"):
        """SQL of a facet's stored value on documents `alias`: its column, or its JSON member."""
        if facet.key:
            return self.json_member(alias, facet.key)
        return f"{alias}.{facet.column}"

    def page_columns(self, spec):
        """Extra columns (SQL, params) selected for the page's rows only; none by default."""
        return "", []

    def highlight(self, spec, rows, extra):
        """Fill `title_html` and `snippet_html` of the rows, given their `page_columns` values."""
        raise NotImplementedError

    def autocomplete(self, query, locale, limit):
        """Up to `limit` (title, url, page_type) whose title words start with the query's words."""
        raise NotImplementedError

    def suggestion_candidates(self, word, locale):
        """Vocabulary words (term, frequency) that may be what `word` was meant to be."""
        raise NotImplementedError

    def filter_conditions(self, spec):
        """A list of (param, sql, params): one condition on documents `d` per chosen facet."""
        conditions = []
        for facet, values in spec.filters:
            if facet.param == "year":
                values = [int(value) for value in values]
            if facet.multi_valued:
                # The JSON array contains "slug" (quotes included), LIKE wildcards escaped.
                sql = " OR ".join([f"{self.facet_sql(facet)} LIKE %s ESCAPE '\\'"] * len(values))
                sql = f"({sql})"
                params = [f'%"{_like_escaped(value)}"%' for value in values]
            else:
                sql = f"{self.facet_sql(facet)} IN ({_placeholders(values)})"
                params = list(values)
            conditions.append((facet.param, sql, params))
        return conditions

    def _exclusion(self, spec):
        if not spec.exclude_page_ids:
            return self.true, []
        ids = list(spec.exclude_page_ids)
        return f"(d.page_id IS NULL OR d.page_id NOT IN ({_placeholders(ids)}))", ids

    def json_values(self, sql):
        """A table function listing the values of a JSON array (SQL text) as `j.value`."""
        raise NotImplementedError

    def facet_counts(self, spec, words=()):
        """(total, {param: {value: count}}): each facet counted against the other choices.

        One query: the match is computed once with each document's facet columns and which
        chosen filters it passes; each facet's values are then counted over the documents
        passing all the *other* filters (multi-valued facets unpacked from their JSON arrays).
        The same query reports which of `words` the vocabulary of the visitor's language (or of
        the fallback language) has, under KNOWN_WORDS, for "Did you mean".
        """
        conditions = self.filter_conditions(spec)
        facet_columns = "".join(
            f", {self.facet_sql(facet)} AS f_{i}" for i, facet in enumerate(spec.facets)
        )
        flags = "".join(f", {sql} AS ok_{i}" for i, (_p, sql, _v) in enumerate(conditions))
        flag_params = [value for _param, _sql, values in conditions for value in values]
        match_sql, params = self.match_cte(
            spec,
            with_rank=False,
            columns=(facet_columns + flags, flag_params),
            where=self._exclusion(spec),
        )

        def passing(skip=None):
            names = [f"s.ok_{i}" for i, (param, *_rest) in enumerate(conditions) if param != skip]
            return " AND ".join(names) or self.true

        counts_sql = []
        for i, facet in enumerate(spec.facets):
            if facet.multi_valued:
                counts_sql.append(
                    f"SELECT %s, j.value, COUNT(*) FROM matched s, {self.json_values(f's.f_{i}')}"
                    f" WHERE {passing(skip=facet.param)} GROUP BY j.value"
                )
            else:
                counts_sql.append(
                    f"SELECT %s, CAST(s.f_{i} AS TEXT), COUNT(*) FROM matched s"
                    f" WHERE {passing(skip=facet.param)} AND s.f_{i} IS NOT NULL"
                    f" AND CAST(s.f_{i} AS TEXT) <> '' GROUP BY s.f_{i}"
                )
            params.append(facet.param)
        counts_sql.append(f"SELECT '', '', COUNT(*) FROM matched s WHERE {passing()}")
        if words:
            locales = "%s"
            params.append(spec.locale.pk)
            if spec.fallback_language:
                locales += ", (SELECT id FROM wagtailcore_locale WHERE language_code = %s)"
                params.append(spec.fallback_language)
            counts_sql.append(
                f"SELECT '{KNOWN_WORDS}', t.term, 0 FROM {TERMS} t"
                f" WHERE t.locale_id IN ({locales}) AND t.term IN ({_placeholders(words)})"
            )
            params.extend(words)
        sql = f"WITH {match_sql} " + " UNION ALL ".join(counts_sql)
        total = 0
        counts = {}
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for name, value, count in cursor.fetchall():
                if name == "":
                    total = count
                else:
                    counts.setdefault(name, {})[value] = count
        return total, counts

    def results(self, spec, sort, limit, offset, highlight=True):
        """One page of results: by relevance (the visitor's language preferred, see
        FALLBACK_WEIGHT), or newest with the visitor's language first.

        Filters apply inside the match; only the page's rows are joined for their text.
        Downloads pass `highlight=False`: no marked titles or snippets are computed.
        """
        conditions = self.filter_conditions(spec)
        exclusion_sql, exclusion_params = self._exclusion(spec)
        where = " AND ".join([sql for _p, sql, _v in conditions] + [exclusion_sql])
        where_params = [value for _p, _s, values in conditions for value in values]
        match_sql, params = self.match_cte(
            spec,
            with_rank=sort != "newest",
            columns=(", d.date", []),
            where=(where, where_params + exclusion_params),
        )
        if sort == "newest":
            order = "m.native DESC, m.date DESC NULLS LAST, m.id DESC"
        else:
            order = "m.rank DESC, m.native DESC, m.date DESC NULLS LAST, m.id DESC"
        extra_sql, extra_params = self.page_columns(spec) if highlight else ("", [])
        sql = f"""
            WITH {match_sql}
            SELECT d.id, d.page_id, d.title, d.summary, d.url, d.page_type, d.language_code,
                   m.native{extra_sql}
            FROM (SELECT * FROM matched m ORDER BY {order} LIMIT %s OFFSET %s) m
            JOIN {DOCUMENTS} d ON d.id = m.id
            ORDER BY {order}
        """
        params.extend([*extra_params, limit, offset])
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        rows = [ResultRow(*row[:7], native=bool(row[7])) for row in fetched]
        if rows and highlight:
            self.highlight(spec, rows, [row[8:] for row in fetched])
        return rows
