"""Translating demo content through wagtail-localize, with the catalogues as the translator.

For each English page or snippet this does what a translator does in the editor: it submits the
object for translation (a TranslationSource and a Translation), fills in each segment from the
catalogue (StringTranslation), and saves the target. A page whose segments are all translated is
published; one with missing segments is saved as a draft, so it shows as "in progress".
"""

from dataclasses import dataclass, field

from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue


@dataclass
class TranslationOutcome:
    """What translating one object into one locale did."""

    live: bool
    saved: bool
    missing: list = field(default_factory=list)


def slug_translation(instance, locale, slug):
    """Slugs stay English so URLs match across languages (/es/stories/...).

    Home pages are siblings under the tree root, so theirs get the language code appended.
    """
    if isinstance(instance, Page) and instance.depth == 2:
        return f"{slug}-{locale.language_code}"
    return slug


def record_string_translations(source, instance, locale, catalogue):
    """Store the catalogue's translation of every segment; return (missing texts, changed)."""
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    existing = {
        (translation_of_id, context_id): data
        for translation_of_id, context_id, data in StringTranslation.objects.filter(
            locale=locale, context__object_id=source.object_id
        ).values_list("translation_of_id", "context_id", "data")
    }
    missing, changed = [], False
    for segment in segments:
        text = StringValue(segment.string.data).render_text()
        if segment.context.path == "slug":
            translated = slug_translation(instance, locale, text)
        else:
            translated = catalogue.get(text)
        if translated is None:
            missing.append(text)
            continue
        data = StringValue.from_plaintext(translated).data
        key = (segment.string_id, segment.context_id)
        if existing.get(key) == data:
            continue
        values = {
            "data": data,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "has_error": False,
            "field_error": "",
        }
        if key in existing:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults=values,
            )
        else:
            # Known to be new (from `existing`): a plain insert spares a lookup per string.
            StringTranslation.objects.create(
                translation_of=segment.string, locale=locale, context=segment.context, **values
            )
        changed = True
    return missing, changed


def translate(instance, locale, catalogue, changed=False, refresh=False):
    """Translate an English page or snippet into `locale` from `catalogue`.

    `changed` says the English object changed in this load, so its translation is saved again;
    `refresh` says its translation source must first be brought up to date (once per object, not
    once per locale). Nothing is saved when the translation is already up to date, which keeps
    repeated loads from adding revisions (and keeps the deliberately stale translation stale).
    """
    source, source_created = TranslationSource.get_or_create_from_instance(instance)
    if refresh and not source_created:
        source.update_from_db()
    translation, translation_created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    missing, strings_changed = record_string_translations(source, instance, locale, catalogue)
    complete = not missing
    is_page = isinstance(instance, Page)
    target = instance.get_translation_or_none(locale)
    needs_save = (
        target is None
        or changed
        or source_created
        or translation_created
        or strings_changed
        or (is_page and complete and not target.live)
    )
    if not needs_save:
        return TranslationOutcome(
            live=target.live if is_page else True, saved=False, missing=missing
        )
    if not is_page:
        # Snippets have no drafts: wagtail-localize saves them with source text where missing.
        translation.save_target(publish=True)
        return TranslationOutcome(live=True, saved=True, missing=missing)
    # Saved as a draft, then published here rather than through save_target(publish=True),
    # which defers publishing to the end of the outermost transaction: the demo needs the
    # translation live before the stale English revision is published after it.
    translation.save_target(publish=False)
    target = instance.get_translation(locale).specific
    if complete:
        target.get_latest_revision().publish()
    return TranslationOutcome(live=complete or target.live, saved=True, missing=missing)
