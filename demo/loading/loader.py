"""The demo loader: English content first, then its translations, then one stale translation.

1. English, each object created or updated and published only when it changed: locales,
   taxonomy, the home page as the site root, index and standard pages, members, stories,
   knowledge products, training modules and the illustrative events (demo/loading/events.py).
2. For each language, the objects whose title its catalogue has, translated through
   wagtail-localize (demo/loading/translation.py): live when complete, a draft otherwise.
3. The English Madrid story republished after its Spanish translation, which makes it stale.
4. One translators' group per language, limited to that language's tree (localization app).

Search and reference indexes are brought up to date once, at the end (demo/loading/indexing.py).
"""

import contextlib
import logging
import time

from django.db import transaction
from wagtail.models import Page

from demo.loading import media
from demo.loading.data import DemoData
from demo.loading.events import load_events
from demo.loading.indexing import deferred_indexing
from demo.loading.knowledge import load_knowledge, load_training
from demo.loading.members import load_members
from demo.loading.site import (
    ensure_locales,
    load_home,
    load_indexes,
    load_site_settings,
    load_standard_pages,
    set_home_links,
)
from demo.loading.stories import STALE_LOCALE, STALE_STORY, load_stories, make_translation_stale
from demo.loading.taxonomy import load_taxonomy
from demo.loading.translation import translate
from events.models import EventPage
from home.models import Country, PolicyArea, StandardPage, SustainableDevelopmentGoal
from knowledge.models import KnowledgeProductPage, TrainingModulePage
from localization.translators import setup_translator_groups
from search.indexing import deferred_label_updates
from stories.models import MemberProfilePage, ReformStoryPage

SUMMARY_MODELS = [
    ("members", MemberProfilePage),
    ("stories", ReformStoryPage),
    ("knowledge products", KnowledgeProductPage),
    ("training modules", TrainingModulePage),
    ("standard pages", StandardPage),
    ("events", EventPage),
]
TAXONOMY_MODELS = [PolicyArea, SustainableDevelopmentGoal, Country]


# Loggers that report every page edit and background task: thousands of lines during a load.
CHATTY_LOGGERS = ("wagtail", "django_tasks")


@contextlib.contextmanager
def quiet_loggers(verbosity):
    """Silence per-object INFO logging while loading, unless asked for (verbosity 3)."""
    loggers = [logging.getLogger(name) for name in CHATTY_LOGGERS]
    levels = [logger.level for logger in loggers]
    if verbosity < 3:
        for logger in loggers:
            logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class DemoLoader:
    """Loads the demo site; `run()` is idempotent (a second run finds everything in place)."""

    def __init__(self, stdout=None, verbosity=1):
        self.stdout = stdout
        self.verbosity = verbosity
        self.data = DemoData()
        # Translation keys of English objects created or republished by this run: their
        # translations are resynchronized.
        self.changed = set()
        # Changed objects whose translation source has been refreshed already in this run.
        self.refreshed = set()
        # (language code, object) of translations that failed.
        self.failures = []

    def log(self, message, level=1):
        """Write a line when the verbosity allows it."""
        if self.stdout is not None and self.verbosity >= level:
            self.stdout.write(message)

    def log_progress(self, step):
        """Report a finished step with the time so far (wall clock and processor)."""
        self.log(
            f"{step} ({time.monotonic() - self.started:.1f} s, "
            f"processor {time.process_time():.1f} s).",
            level=2,
        )

    def track(self, result):
        """Remember the changed keys of a loader step and return its pages."""
        pages, changed = result
        self.changed |= changed
        return pages

    def run(self):
        """Load everything; returns the summary counts."""
        self.started = time.monotonic()
        with quiet_loggers(self.verbosity):
            # Taxonomy translations label the English pages: the search is rebuilt once at the
            # end rather than at each term saved.
            with deferred_indexing(), deferred_label_updates():
                summary = self.load()
            self.log_progress("Search and reference indexes updated")
            self.log(self.format_summary(summary, time.monotonic() - self.started))
            return summary

    def load(self):
        """Load the English content, its translations and the stale translation."""
        with transaction.atomic():
            self.locales = ensure_locales()
            self.english = self.locales["en"]
            self.collection = media.demo_collection()
            self.terms = self.track(load_taxonomy(self.data, self.english))
        with transaction.atomic():
            self.home, site, changed = load_home(self.data, self.english)
            self.changed |= changed
            self.indexes = self.track(load_indexes(self.data, self.home))
            self.standard_pages = self.track(load_standard_pages(self.data, self.home))
            load_site_settings(self.data, site, self.standard_pages)
        with transaction.atomic():
            self.members = self.track(
                load_members(self.data, self.indexes["members"], self.terms, self.collection)
            )
        with transaction.atomic():
            self.stories = self.track(
                load_stories(
                    self.data, self.indexes["stories"], self.members, self.terms, self.collection
                )
            )
            featured = [self.stories[s["slug"]] for s in self.data.stories if s.get("featured")]
            join_page = next((p for p in self.standard_pages if p.slug == "join"), None)
            self.changed |= set_home_links(self.home, featured, join_page)
        with transaction.atomic():
            self.products = self.track(
                load_knowledge(
                    self.data,
                    self.indexes["knowledge"],
                    self.members,
                    self.stories,
                    self.terms,
                    self.collection,
                )
            )
            self.modules = self.track(
                load_training(self.data, self.indexes["training"], self.products)
            )
        with transaction.atomic():
            self.events = self.track(
                load_events(
                    self.home,
                    self.members,
                    self.stories,
                    self.products,
                    self.terms,
                    self.collection,
                )
            )
        self.log_progress("English content loaded")

        for code, locale in self.locales.items():
            if locale.pk == self.english.pk:
                continue
            with transaction.atomic():
                saved = self.translate_into(locale)
            self.log_progress(f"{code}: {saved} translations saved")
        with transaction.atomic():
            stale_locale = self.locales.get(STALE_LOCALE)
            if stale_locale and make_translation_stale(
                self.data, self.stories[STALE_STORY], stale_locale, self.terms, self.collection
            ):
                self.log(f"Made the {STALE_LOCALE} translation of {STALE_STORY} stale.", level=2)
        # Once every language's home page exists, so each group gets its page permissions.
        groups = setup_translator_groups()
        self.log_progress(f"{len(groups)} translators' groups set up")
        return self.summary()

    def translation_plan(self, locale):
        """The English pages and snippets to translate into `locale`, parents before children."""
        catalogue = self.data.catalogue(locale.language_code)

        def started(page):
            # A translation exists once the catalogue has the page's title.
            return page.title in catalogue

        terms = [term for kind in self.terms.values() for term in kind.values()]
        pages = [self.home, *self.indexes.values(), *self.standard_pages]
        story_members = {story.member_id for story in self.stories.values() if started(story)}
        members = [
            member
            for member in self.members.values()
            if member.pk in story_members and started(member) and member.summary in catalogue
        ]
        pages += members + list(self.stories.values()) + list(self.products.values())
        pages += list(self.modules.values())
        # The events index comes first in `self.events`, before the events under it.
        pages += list(self.events.values())
        return catalogue, terms + [page for page in pages if started(page)]

    def translate_into(self, locale):
        """Translate the plan for one locale; returns how many translations were saved.

        Failures are reported, not fatal.
        """
        catalogue, plan = self.translation_plan(locale)
        saved = 0
        for instance in plan:
            if isinstance(instance, Page):
                instance = type(instance).objects.get(pk=instance.pk)
            key = instance.translation_key
            changed = key in self.changed
            try:
                with transaction.atomic():
                    outcome = translate(
                        instance,
                        locale,
                        catalogue,
                        changed=changed,
                        refresh=changed and key not in self.refreshed,
                    )
                if changed:
                    self.refreshed.add(key)
            except Exception as error:  # one failure must not stop the whole demo
                # e.g. wagtail-localize cannot extract an empty optional EmbedBlock (#875).
                self.failures.append((locale.language_code, str(instance)))
                self.log(f"  {locale.language_code}: could not translate {instance}: {error!r}")
                continue
            saved += outcome.saved
            if outcome.missing:
                self.log(
                    f"  {locale.language_code}: {instance} is in progress; missing: "
                    + "; ".join(text[:60] for text in outcome.missing),
                    level=2,
                )
        return saved

    def summary(self):
        """Counts of pages per type and per locale (live and draft), and of taxonomy terms."""
        counts = {}
        for code, locale in self.locales.items():
            row = {}
            for label, model in SUMMARY_MODELS:
                pages = model.objects.filter(locale=locale)
                row[label] = (pages.filter(live=True).count(), pages.filter(live=False).count())
            row["taxonomy terms"] = sum(
                model.objects.filter(locale=locale).count() for model in TAXONOMY_MODELS
            )
            row["pages"] = (
                Page.objects.filter(locale=locale, depth__gt=1, live=True).count(),
                Page.objects.filter(locale=locale, depth__gt=1, live=False).count(),
            )
            counts[code] = row
        return counts

    def format_summary(self, counts, seconds):
        """The summary as a few lines of text."""
        lines = [f"Demo content loaded in {seconds:.1f} s (live / in progress):"]
        labels = [label for label, _model in SUMMARY_MODELS]
        for code, row in counts.items():
            parts = [f"{row['pages'][0]}/{row['pages'][1]} pages"]
            parts += [f"{label} {row[label][0]}/{row[label][1]}" for label in labels]
            parts.append(f"taxonomy terms {row['taxonomy terms']}")
            lines.append(f"  {code}: " + ", ".join(parts))
        if self.failures:
            lines.append(f"{len(self.failures)} translations failed (see above).")
        return "\n".join(lines)


def load_demo_content(stdout=None, verbosity=1):
    """Load (or bring up to date) the demo content; returns the summary counts."""
    return DemoLoader(stdout=stdout, verbosity=verbosity).run()
