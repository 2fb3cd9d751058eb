"""The small site the browser tests read: every page type, in English, Spanish and Arabic.

Loading the full demo content takes minutes; this builds, in a few seconds, one or more of each
page type with images, key figures, lessons with a question and a file, translated through
wagtail-localize (as a translator's work would be), plus the editor, moderator and Spanish
translator accounts the admin journeys log in with.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Page

from demo.loading.loader import quiet_loggers
from demo.loading.translation import translate
from localization.translators import setup_translator_groups, translator_group_name
from tests.browser import site_sections
from tests.browser.site_pages import build_english, clear_tree

PASSWORD = "browser-tests-password"
EDITORS = "Communications editors"
MODERATORS = "Moderators"


class Catalogue:
    """What the demo loader's `translate` expects: `get(text)` gives the translation."""

    def __init__(self, strings):
        self.strings = strings

    def get(self, text):
        """The translation of `text`, or the text itself (an untranslated segment)."""
        return self.strings.get(text.strip(), text)


@dataclass
class BrowserSite:
    """Paths of the built pages (by key and language), the accounts, and the live server URL."""

    base_url: str
    paths: dict = field(default_factory=dict)
    ids: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    password: str = PASSWORD

    def url(self, key, language="en"):
        """The absolute address of page `key` in `language` (KeyError if not translated)."""
        return self.base_url + self.paths[language][key]

    def path(self, key, language="en"):
        """The site-relative address of page `key` in `language`."""
        return self.paths[language][key]


# Spanish: the tree the visitor and the translator use, with two stories to search; Arabic: one
# page of every type, for the right-to-left checks. Parents come before their children.
SPANISH_PAGES = [
    "home",
    "stories",
    "members",
    "knowledge",
    "training",
    "about",
    "madrid",
    "story",
    "story-abuja",
    "product",
    "module",
]
TRANSLATED = {
    "es": SPANISH_PAGES,
    "ar": [key for key in SPANISH_PAGES if key != "story-abuja"],
}
# English text -> translation, by language. Text missing there keeps its English wording in the
# translation (wagtail-localize's behaviour for an untranslated segment).
CATALOGUES = json.loads((Path(__file__).parent / "catalogues.json").read_text(encoding="utf-8"))
# Events and statements in Spanish and Arabic; the menu (and home) in the other languages too.
TRANSLATED["es"] += site_sections.SECTION_KEYS
TRANSLATED["ar"] += site_sections.SECTION_KEYS
TRANSLATED.update(dict.fromkeys(site_sections.MENU_ONLY_LANGUAGES, site_sections.MENU_KEYS))
CATALOGUES.update(
    {code: site_sections.menu_catalogue(code) for code in site_sections.MENU_ONLY_LANGUAGES}
)


def build_translations(pages, terms):
    """Translate the taxonomy and the listed pages through wagtail-localize, and publish them."""
    translated = {}
    for code, keys in TRANSLATED.items():
        locale = Locale.objects.get(language_code=code)
        catalogue = Catalogue(CATALOGUES[code])
        for kind in terms:
            for term in kind.values():
                translate(term, locale, catalogue)
        translated[code] = {}
        for key in keys:  # parents come before their children in TRANSLATED
            page = Page.objects.get(pk=pages[key].pk).specific
            outcome = translate(page, locale, catalogue)
            assert outcome.live, f"{key} in {code} is not live: {outcome.missing}"
            translated[code][key] = page.get_translation(locale)
    return translated


def build_users():
    """An editor, a moderator and a Spanish translator, all with the same password."""
    user_model = get_user_model()
    accounts = {
        "editor": EDITORS,
        "moderator": MODERATORS,
        "translator": translator_group_name("es"),
    }
    users = {}
    for username, group in accounts.items():
        user = user_model.objects.create_user(
            username, f"{username}@example.org", PASSWORD, first_name=username.title()
        )
        user.groups.add(Group.objects.get(name=group))
        users[username] = username
    return users


def build_site(base_url):
    """Build the whole site into the (empty) test database; returns its addresses."""
    with quiet_loggers(verbosity=1):
        for code, _name in settings.LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        root = clear_tree()
        pages, terms = build_english(root)
        translated = build_translations(pages, terms)
        setup_translator_groups()
    site = BrowserSite(base_url=base_url, users=build_users())
    site.paths["en"] = {key: page.url for key, page in pages.items()}
    site.ids["en"] = {key: page.pk for key, page in pages.items()}
    for code, by_key in translated.items():
        site.paths[code] = {key: page.url for key, page in by_key.items()}
        site.ids[code] = {key: page.pk for key, page in by_key.items()}
    site.paths["en"]["lesson-1"] = site.paths["en"]["module"] + "lessons/1/"
    site.paths["en"]["lesson-2"] = site.paths["en"]["module"] + "lessons/2/"
    site.paths["ar"]["lesson-2"] = site.paths["ar"]["module"] + "lessons/2/"
    return site


# Every kind of public page: page type -> key of the built page in BrowserSite.paths.
PAGE_TYPES = {
    "home": "home",
    "standard": "about",
    "story-index": "stories",
    "story": "story",
    "member-index": "members",
    "member": "madrid",
    "knowledge-index": "knowledge",
    "knowledge-product": "product",
    "training-index": "training",
    "training-module": "module",
    "training-lesson": "lesson-2",
    "event-index": "events",
    "event": "circle",
    "accessibility": "accessibility",
    "privacy": "privacy",
}
# A word each language's search finds in the built content.
SEARCH_WORDS = {"en": "lobby", "es": "lobbies", "ar": "مدريد"}


def page_type_paths(site, language):
    """{page type: site-relative address} of every page type in `language`, search and 404 too."""
    paths = {kind: site.path(key, language) for kind, key in PAGE_TYPES.items()}
    paths["search"] = f"/{language}/search/?q={SEARCH_WORDS[language]}"
    paths["join"] = f"/{language}/join-us/"
    paths["contact"] = f"/{language}/write-to-us/"
    paths["not-found"] = f"/{language}/no-such-page/"
    return paths


def snapshot_database():
    """The whole test database as JSON, as Django's serialized rollback saves it.

    Content types come first: signal handlers that run while the snapshot is reloaded (search
    indexing) look them up, and would otherwise create them under other ids.
    """
    objects = json.loads(connection.creation.serialize_db_to_string())
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")
    return json.dumps(objects)


def restore_database(snapshot):
    """Empty the test database and reload `snapshot` (what Django's serialized rollback does)."""
    call_command(
        "flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False
    )
    connection.creation.deserialize_db_from_string(snapshot)


class SharedSite:
    """One site for the whole browser folder, built on first use.

    Tests that manage the database themselves (transactional, with serialized rollback) need it
    as the migrations left it: `set_aside()` puts it back so, and the next `ensure()` rebuilds.
    """

    def __init__(self, base_url):
        self.base_url = base_url
        self.snapshot = snapshot_database()
        self.site = None

    def ensure(self):
        """The site, built now if it is not there (or was emptied by a transactional test)."""
        if self.site is not None:
            if Page.objects.filter(pk=self.site.ids["en"]["home"]).exists():
                return self.site
            restore_database(self.snapshot)
        elif Page.get_first_root_node() is None:
            restore_database(self.snapshot)
        self.site = build_site(self.base_url)
        return self.site

    def set_aside(self):
        """Put the database back as it was before the site was built."""
        restore_database(self.snapshot)
        self.site = None
