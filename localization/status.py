"""Where each source-language page stands in each language: missing, in progress, awaiting
review (submitted and not yet approved or sent back), live or stale.

"Stale" means the source page was published after the translation was last synchronised with
it. wagtail-localize records the synchronisation on `TranslationSource.last_updated_at` (set
when the page is submitted for translation and each time "Sync translated pages" runs); the
live translation only carries that synchronised content once it has been published again, so
a translation is stale when the source was published after either of the two moments.
Everything here is computed in a fixed number of queries, whatever the number of pages.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState, get_page_models
from wagtail_localize.models import StringSegment, Translation

from home.localization import source_language_code

MISSING = "missing"
IN_PROGRESS = "in_progress"
AWAITING_REVIEW = "awaiting_review"
LIVE = "live"
STALE = "stale"
STATES = [
    (MISSING, _("Missing")),
    (IN_PROGRESS, _("In progress")),
    (AWAITING_REVIEW, _("Awaiting review")),
    (STALE, _("Stale")),
    (LIVE, _("Live")),
]
STATE_LABELS = dict(STATES)

OTHER = "other"
SECTIONS = [
    ("stories", _("Reform stories")),
    ("members", _("Members")),
    ("knowledge", _("Knowledge products")),
    ("training", _("Training")),
    (OTHER, _("Other pages")),
]
SECTION_LABELS = dict(SECTIONS)


def is_stale(source_published_at, synced_at, translation_published_at):
    """Whether the source was published after the translation last caught up with it.

    `synced_at` is None for a translation not managed by wagtail-localize; then only the
    translation's own publication date counts.
    """
    if source_published_at is None:
        return False
    marks = [mark for mark in (synced_at, translation_published_at) if mark is not None]
    return bool(marks) and source_published_at > min(marks)


def stale_source_page(page, live_versions=None):
    """The live source page of a translated `page` if it changed since the translation caught up.

    Returns None for a page in the source language, an untranslated page or an up-to-date one.
    `live_versions`, when given, are the live pages sharing the page's translation key (as the
    language switcher loads them): the source is found among them, and a page with no live
    version in another language costs no query at all.
    """
    if live_versions is not None:
        live_versions = [p for p in live_versions if p.locale_id != page.locale_id]
        if not live_versions:
            return None
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .select_related("source")
        .first()
    )
    if translation is not None:
        if translation.source.locale_id == page.locale_id:
            return None
        in_source = {"locale_id": translation.source.locale_id}
    else:
        # page.locale is usually loaded already by the page's template; Locale.get_default()
        # would cost a query on every page.
        if page.locale.language_code == source_language_code():
            return None
        in_source = {"locale__language_code": source_language_code()}
    if live_versions is not None:
        source = next((p for p in live_versions if matches(p, in_source)), None)
    else:
        source = (
            Page.objects.live()
            .filter(translation_key=page.translation_key, **in_source)
            .select_related("locale")
            .first()
        )
    if source is None:
        return None
    synced_at = translation.source.last_updated_at if translation else None
    if is_stale(source.last_published_at, synced_at, page.last_published_at):
        return source
    return None


def matches(page, in_source):
    """Whether a page (with its locale loaded) is in the source locale described by `in_source`."""
    if "locale_id" in in_source:
        return page.locale_id == in_source["locale_id"]
    return page.locale.language_code == in_source["locale__language_code"]


def target_locales(locale_ids=None):
    """The locales other than the source, in the order of settings.LANGUAGES (optionally only
    those in `locale_ids`)."""
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    locales = Locale.objects.exclude(pk=Locale.get_default().pk)
    if locale_ids is not None:
        locales = locales.filter(pk__in=locale_ids)
    return sorted(locales, key=lambda locale: order.get(locale.language_code, len(order)))


def section_of_content_types():
    """A dict content type id -> section key for the page types that belong to a section (their
    `section` class attribute names one of SECTIONS)."""
    known = SECTION_LABELS.keys() - {OTHER}
    models = [model for model in get_page_models() if getattr(model, "section", "") in known]
    types = ContentType.objects.get_for_models(*models)
    return {types[model].pk: model.section for model in models}


def content_type_ids_of(section, sections):
    """The content type ids of `section` (None for "other": everything not in a section)."""
    return [pk for pk, name in sections.items() if name == section]


@dataclass
class Cell:
    """One page in one language: its state, its translated page and its progress."""

    locale: Locale
    state: str
    page_id: int | None = None
    translation_id: int | None = None
    source_id: int | None = None
    percent: int | None = None

    @property
    def label(self):
        """The state, in words."""
        return STATE_LABELS[self.state]


@dataclass
class Row:
    """One source-language page and its state in each language shown."""

    page_id: int
    title: str
    section: str
    source_published_at: object
    cells: list = field(default_factory=list)

    @property
    def section_label(self):
        """The section's name."""
        return SECTION_LABELS[self.section]


@dataclass
class TranslationStatus:
    """The rows of the dashboard and the number of pages per language and state."""

    locales: list
    rows: list
    totals: dict

    def totals_for(self, locale):
        """[(state, label, count)] for one language, in the order of STATES."""
        counts = self.totals.get(locale.pk, Counter())
        return [(state, label, counts[state]) for state, label in STATES]


def translation_status(locales=None, section=None):
    """The state of every live source-language page in each of `locales` (default: all targets).

    `section` limits the pages to one of SECTIONS. Runs the same handful of queries whatever the
    number of pages and languages.
    """
    default = Locale.get_default()
    if locales is None:
        locales = target_locales()
    locales = [locale for locale in locales if locale.pk != default.pk]
    locale_ids = [locale.pk for locale in locales]
    sections = section_of_content_types()

    sources = Page.objects.live().filter(locale_id=default.pk, depth__gt=1, alias_of__isnull=True)
    if section == OTHER:
        sources = sources.exclude(content_type_id__in=list(sections))
    elif section:
        sources = sources.filter(content_type_id__in=content_type_ids_of(section, sections))
    source_keys = sources.values("translation_key")

    translated = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(
            translation_key__in=source_keys, locale_id__in=locale_ids, alias_of__isnull=True
        ).values("id", "translation_key", "locale_id", "live", "last_published_at")
    }
    translations = {
        (row["source__object_id"], row["target_locale_id"]): row
        for row in Translation.objects.filter(
            source__locale_id=default.pk,
            source__object_id__in=source_keys,
            target_locale_id__in=locale_ids,
        ).values(
            "id", "source_id", "source__object_id", "target_locale_id", "source__last_updated_at"
        )
    }
    in_review = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(row["id"]) for row in translated.values()],
        ).values_list("object_id", flat=True)
    )
    segments = StringSegment.objects.filter(
        source__locale_id=default.pk, source__object_id__in=source_keys
    )
    totals_by_source = dict(
        segments.values("source_id").annotate(n=Count("id")).values_list("source_id", "n")
    )
    done = {
        (row["source_id"], row["string__translations__locale_id"]): row["n"]
        for row in segments.filter(
            string__translations__context_id=F("context_id"),
            string__translations__locale_id__in=locale_ids,
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("id"))
    }

    rows = []
    totals = {locale.pk: Counter() for locale in locales}
    for source in sources.order_by("path").values(
        "id", "title", "translation_key", "content_type_id", "last_published_at"
    ):
        row = Row(
            page_id=source["id"],
            title=source["title"],
            section=sections.get(source["content_type_id"], OTHER),
            source_published_at=source["last_published_at"],
        )
        for locale in locales:
            key = (source["translation_key"], locale.pk)
            target = translated.get(key)
            translation = translations.get(key)
            percent = None
            if translation is not None:
                total = totals_by_source.get(translation["source_id"], 0)
                finished = done.get((translation["source_id"], locale.pk), 0)
                percent = round(100 * finished / total) if total else 100
            if target is None:
                state = MISSING
            elif str(target["id"]) in in_review:
                state = AWAITING_REVIEW
            elif not target["live"]:
                state = IN_PROGRESS
            elif is_stale(
                source["last_published_at"],
                translation["source__last_updated_at"] if translation else None,
                target["last_published_at"],
            ):
                state = STALE
            else:
                state = LIVE
            row.cells.append(
                Cell(
                    locale=locale,
                    state=state,
                    page_id=target["id"] if target else None,
                    translation_id=translation["id"] if translation else None,
                    source_id=translation["source_id"] if translation else None,
                    percent=percent,
                )
            )
            totals[locale.pk][state] += 1
        rows.append(row)
    return TranslationStatus(locales=locales, rows=rows, totals=totals)
