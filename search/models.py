"""The site search's own tables: one indexed row per live page, its vocabulary and query logs.

Wagtail's database backend matches `(title || body) @@ query`, which no index serves, and filters
by rescanning the page tables (see docs/performance.md). These tables keep everything the search
page needs on one row per page, so matching, filtering and facet counting stay inside indexed
queries. The full-text index itself is created per database in the migrations: on PostgreSQL a
`search_vector` tsvector column (filled by a trigger with the row's language configuration) with a
GIN index; on SQLite an FTS5 table kept in step by triggers. Neither is a Django field, so the
ORM never reads or writes them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

# PostgreSQL text search configuration per language: copies of PostgreSQL's own that remove
# accents (`unaccent`) before stemming (migration 0005), so "eleves" finds "élèves"; `simple`
# (no stemming) where PostgreSQL has no stemmer. PostgreSQL 13+ ships an Arabic Snowball
# stemmer, and Django 5.2 needs 14+.
TEXT_SEARCH_CONFIGS = {
    "en": "english_unaccent",
    "es": "spanish_unaccent",
    "fr": "french_unaccent",
    "pt": "portuguese_unaccent",
    "id": "indonesian_unaccent",
    "ar": "arabic_unaccent",
    "uk": "simple_unaccent",
}
UNACCENTED_SIMPLE = "simple_unaccent"


def text_search_config(language_code):
    """The PostgreSQL text search configuration for a language code (unaccented simple else)."""
    return TEXT_SEARCH_CONFIGS.get(language_code.split("-")[0].lower(), UNACCENTED_SIMPLE)


class SearchDocument(models.Model):
    """One live page in one language, as the search sees it: text, address and filter values.

    `page` is null only for rows of the synthetic benchmark corpus (generate_search_corpus).
    """

    page = models.OneToOneField(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    language_code = models.CharField(max_length=20)
    search_config = models.CharField(
        max_length=20, help_text="PostgreSQL text search configuration used for this row."
    )
    translation_key = models.UUIDField()
    # The page type's `search_type` (search/registry.py), the `type` facet's value.
    page_type = models.CharField(max_length=32)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=2000)
    # The facets beside the text, so filtering and counting read only the matched rows.
    # Multi-valued facets hold a sorted JSON array of slugs (see docs/performance.md).
    policy_areas = models.TextField(default="[]", help_text="JSON array of policy area slugs.")
    sdgs = models.TextField(default="[]", help_text="JSON array of goal slugs (sdg-1...).")
    region = models.CharField(max_length=32, blank=True)
    country = models.CharField(max_length=80, blank=True)
    facets = models.TextField(
        default="{}",
        help_text="JSON object of the facets a page type declares for itself (search_filters).",
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    date = models.DateTimeField(null=True, blank=True, help_text="What 'newest' sorts by.")
    labels = models.JSONField(
        default=dict,
        blank=True,
        help_text="Names and synonyms of the page's taxonomy terms and member, by text search "
        "configuration (search/labels.py).",
    )

    class Meta:
        indexes = [
            # Cross-language fallback asks "has this item a row in the visitor's locale?".
            models.Index(fields=["translation_key", "locale"], name="search_doc_translation"),
            models.Index(fields=["locale", "date"], name="search_doc_locale_date"),
        ]

    def __str__(self):
        return f"{self.title} ({self.language_code})"

    @property
    def own_labels(self):
        """The labels in the document's own language."""
        return (self.labels or {}).get(self.search_config, "")


class SearchTerm(models.Model):
    """A word of the indexed text in one language, with how many documents contain it.

    The vocabulary behind "Did you mean": suggestions are real words visitors can read. On
    PostgreSQL `term` has a pg_trgm GIN index (created in the migration).
    """

    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=64)
    # The word as the texts write it ("Bogotá" for the term "bogotá"), shown in "Did you mean".
    spelling = models.CharField(max_length=64, blank=True, default="")
    frequency = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["locale", "term"], name="search_term_unique"),
        ]

    def __str__(self):
        return self.term


class SearchQueryDay(models.Model):
    """How often a query was searched in one language on one day, and how often it found nothing."""

    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    query_string = models.CharField(_("search term"), max_length=255)
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)
    no_result_hits = models.PositiveIntegerField(_("searches with no result"), default=0)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "query_string", "date"], name="search_query_day_unique"
            ),
        ]
        indexes = [models.Index(fields=["date", "locale"], name="search_query_day_date")]

    def __str__(self):
        return f"{self.query_string} ({self.date})"
