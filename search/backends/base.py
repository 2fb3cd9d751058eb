"""SQL shared by the database-specific search backends: filters, facet counts, result pages.

A backend supplies the `matched` common table expression (which documents match the words, in
the visitor's language or as English-only fallbacks, with a rank) and its highlighting; the
filtering and counting around it are the same on every database. All values are parameters.
"""

from dataclasses import dataclass, field

from django.db import connection

from search.models import PageType

DOCUMENTS = "search_searchdocument"
FACETS = "search_searchfacet"
TERMS = "search_searchterm"


@dataclass
class SearchSpec:
    """Everything one search asks of the database.

    `filters` is a list of (facet, values) for the facets with chosen values; `fallback_locale`
    is the English locale when the visitor's language is another one (else None).
    """

    query: object
    locale: object
    fallback_locale: object = None
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
    def type_label(self):
        """The content type's name in the visitor's language."""
        return dict(PageType.choices).get(self.page_type, "")


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


class SearchBackend:
    """The parts of a search that do not depend on the database."""

    vendor = None
    true = "TRUE"

    def match_cte(self, spec, with_rank):
        """SQL and params of `matched(id, native[, rank])`; each backend writes its own."""
        raise NotImplementedError

    def highlight(self, spec, rows):
        """Fill `title_html` and `snippet_html` of the result rows (a fixed number of queries)."""
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
            if facet.column:
                sql = f"d.{facet.column} IN ({_placeholders(values)})"
                params = list(values)
            else:
                sql = (
                    f"EXISTS (SELECT 1 FROM {FACETS} f2 WHERE f2.document_id = d.id"
                    f" AND f2.name = %s AND f2.value IN ({_placeholders(values)}))"
                )
                params = [facet.param, *values]
            conditions.append((facet.param, sql, params))
        return conditions

    def _exclusion(self, spec):
        if not spec.exclude_page_ids:
            return self.true, []
        ids = list(spec.exclude_page_ids)
        return f"(d.page_id IS NULL OR d.page_id NOT IN ({_placeholders(ids)}))", ids

    def facet_counts(self, spec):
        """(total, {param: {value: count}}): each facet counted against the other choices.

        One query: the match is computed once, each document is tagged with which chosen
        filters it passes, and its facet rows are counted where all the *other* filters pass.
        """
        match_sql, params = self.match_cte(spec, with_rank=False)
        conditions = self.filter_conditions(spec)
        exclusion_sql, exclusion_params = self._exclusion(spec)
        flags = "".join(f", {sql} AS ok_{i}" for i, (_p, sql, _v) in enumerate(conditions))
        for _param, _sql, values in conditions:
            params.extend(values)
        params.extend(exclusion_params)

        def passing(skip=None):
            names = [f"s.ok_{i}" for i, (param, *_rest) in enumerate(conditions) if param != skip]
            return " AND ".join(names) or self.true

        chosen = [param for param, *_rest in conditions]
        others = [facet.param for facet in spec.facets if facet.param not in chosen]
        clauses = []
        clause_params = []
        if others:
            clauses.append(f"(f.name IN ({_placeholders(others)}) AND {passing()})")
            clause_params.extend(others)
        for param in chosen:
            clauses.append(f"(f.name = %s AND {passing(skip=param)})")
            clause_params.append(param)
        params.extend(clause_params)
        sql = f"""
            WITH {match_sql},
            scoped AS MATERIALIZED (
                SELECT d.id{flags} FROM matched m JOIN {DOCUMENTS} d ON d.id = m.id
                WHERE {exclusion_sql}
            )
            SELECT f.name, f.value, COUNT(*) FROM scoped s
            JOIN {FACETS} f ON f.document_id = s.id
            WHERE {" OR ".join(clauses) or "1 = 0"}
            GROUP BY f.name, f.value
            UNION ALL
            SELECT '', '', COUNT(*) FROM scoped s WHERE {passing()}
        """
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

    def results(self, spec, sort, limit, offset):
        """One page of results: native language first, then by relevance or newest."""
        match_sql, params = self.match_cte(spec, with_rank=True)
        conditions = self.filter_conditions(spec)
        exclusion_sql, exclusion_params = self._exclusion(spec)
        where = " AND ".join([sql for _p, sql, _v in conditions] + [exclusion_sql])
        for _param, _sql, values in conditions:
            params.extend(values)
        params.extend(exclusion_params)
        if sort == "newest":
            order = "m.native DESC, d.date DESC NULLS LAST, d.id DESC"
        else:
            order = "m.native DESC, m.rank DESC, d.date DESC NULLS LAST, d.id DESC"
        sql = f"""
            WITH {match_sql}
            SELECT d.id, d.page_id, d.title, d.summary, d.url, d.page_type, d.language_code,
                   m.native
            FROM matched m JOIN {DOCUMENTS} d ON d.id = m.id
            WHERE {where}
            ORDER BY {order}
            LIMIT %s OFFSET %s
        """
        params.extend([limit, offset])
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = [ResultRow(*row[:7], native=bool(row[7])) for row in cursor.fetchall()]
        if rows:
            self.highlight(spec, rows)
        return rows
