"""The small site the browser tests read: every page type, in English, Spanish and Arabic.

Loading the full demo content takes minutes; this builds, in a few seconds, one or more of each
page type with images, key figures, lessons with a question and a file, translated through
wagtail-localize (as a translator's work would be), plus the editor, moderator and Spanish
translator accounts the admin journeys log in with.
"""

import datetime
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Page, Site
from wagtail_factories import DocumentFactory

from demo.loading.loader import quiet_loggers
from demo.loading.translation import translate
from home.models import FeaturedStory
from localization.translators import setup_translator_groups, translator_group_name
from tests import factories

PASSWORD = "browser-tests-password"
EDITORS = "Communications editors"
MODERATORS = "Moderators"

# English text -> translation. Text missing here keeps its English wording in the translation
# (wagtail-localize's behaviour for an untranslated segment).
SPANISH = {
    "Home": "Inicio",
    "Open local government": "Gobierno local abierto",
    "Local governments working in the open, with the people they serve.": (
        "Gobiernos locales que trabajan en abierto, con la gente a la que sirven."
    ),
    "Stories": "Historias",
    "Members": "Miembros",
    "Knowledge": "Conocimiento",
    "Training": "Formación",
    "About us": "Quiénes somos",
    "Anti-corruption": "Anticorrupción",
    "Open data and access to information": "Datos abiertos y acceso a la información",
    "Civic space and inclusive participation": "Espacio cívico y participación inclusiva",
    "Peace, justice and strong institutions": "Paz, justicia e instituciones sólidas",
    "Sustainable cities and communities": "Ciudades y comunidades sostenibles",
    "Spain": "España",
    "Argentina": "Argentina",
    "Nigeria": "Nigeria",
    "Madrid opens a lobby registry": "Madrid abre un registro de lobbies",
    "Every meeting between officials and lobbies is now published, with its agenda.": (
        "Cada reunión entre cargos públicos y lobbies se publica ahora, con su agenda."
    ),
    "Abuja brings citizens into public contracting": (
        "Abuja abre la contratación pública a la ciudadanía"
    ),
    "Lobby registers for local governments": "Registros de lobbies para gobiernos locales",
    "Open government basics": "Fundamentos del gobierno abierto",
}
ARABIC = {
    "Home": "الرئيسية",
    "Open local government": "حكومة محلية منفتحة",
    "Local governments working in the open, with the people they serve.": (
        "حكومات محلية تعمل بانفتاح مع الناس الذين تخدمهم."
    ),
    "Stories": "القصص",
    "Members": "الأعضاء",
    "Knowledge": "المعرفة",
    "Training": "التدريب",
    "About us": "من نحن",
    "Anti-corruption": "مكافحة الفساد",
    "Open data and access to information": "البيانات المفتوحة والوصول إلى المعلومات",
    "Civic space and inclusive participation": "الفضاء المدني والمشاركة الشاملة",
    "Peace, justice and strong institutions": "السلام والعدل والمؤسسات القوية",
    "Sustainable cities and communities": "مدن ومجتمعات محلية مستدامة",
    "Spain": "إسبانيا",
    "Argentina": "الأرجنتين",
    "Nigeria": "نيجيريا",
    "Madrid": "مدريد",
    "Madrid opens a lobby registry": "مدريد تفتح سجلاً لجماعات الضغط",
    "Every meeting between officials and lobbies is now published, with its agenda.": (
        "تُنشر الآن كل الاجتماعات بين المسؤولين وجماعات الضغط مع جدول أعمالها."
    ),
    "Registered lobbies": "جماعات الضغط المسجلة",
    "Why a registry": "لماذا السجل",
    "Lobby registers for local governments": "سجلات جماعات الضغط للحكومات المحلية",
    "Open government basics": "أساسيات الحكومة المنفتحة",
    "What open government means": "ما معنى الحكومة المنفتحة",
    "Publishing what you decide": "نشر ما تقررونه",
    "Working with residents": "العمل مع السكان",
    "Who should be able to read a council's decisions?": "من ينبغي أن يستطيع قراءة قرارات المجلس؟",
    "Everyone": "الجميع",
    "Only council members": "أعضاء المجلس فقط",
}


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


VIDEO = "https://www.youtube.com/watch?v=oHg5SJYRHA0"


def rich(*paragraphs):
    """Rich text of the given paragraphs."""
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def publish(page):
    """Publish the page's current state as a new revision (indexes it for search, as live)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def clear_tree():
    """Remove the pages and sites left by migrations, so the site's home is the only root child."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    Site.objects.all().delete()
    return root


def build_taxonomy():
    """Policy areas, goals and countries in English."""
    areas = {
        slug: factories.PolicyAreaFactory(slug=slug, name=name)
        for slug, name in [
            ("anti-corruption", "Anti-corruption"),
            ("open-data", "Open data and access to information"),
            ("civic-space", "Civic space and inclusive participation"),
        ]
    }
    goals = {
        16: factories.SDGFactory(
            number=16, name="Peace, justice and strong institutions", colour="#00689D"
        ),
        11: factories.SDGFactory(
            number=11, name="Sustainable cities and communities", colour="#FD9D24"
        ),
    }
    countries = {
        "spain": factories.CountryFactory(
            name="Spain", slug="spain", iso_code="ES", region="europe"
        ),
        "argentina": factories.CountryFactory(
            name="Argentina", slug="argentina", iso_code="AR", region="americas"
        ),
        "nigeria": factories.CountryFactory(
            name="Nigeria", slug="nigeria", iso_code="NG", region="africa-middle-east"
        ),
    }
    return areas, goals, countries


def image(title, colour):
    """A landscape picture large enough for every rendition size the templates ask for."""
    return factories.ImageFactory(
        title=title,
        file__width=1600,
        file__height=900,
        file__color=colour,
        file__filename=f"{title.lower().replace(' ', '-')}.png",
    )


def build_english(root):
    """The English tree; returns its pages by key."""
    english = Locale.objects.get(language_code="en")
    areas, goals, countries = build_taxonomy()
    pages = {}
    home = factories.HomePageFactory(
        parent=root,
        locale=english,
        slug="home",
        title="Home",
        hero_title="Open local government",
        hero_text="Local governments working in the open, with the people they serve.",
        summary="A partnership of local governments for open government.",
        join_title="Join the partnership",
        join_text="Local governments of every size can join.",
    )
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Open Cities"
    )
    pages["home"] = home
    common = {"show_in_menus": True}
    pages["stories"] = factories.StoryIndexPageFactory(
        parent=home, intro="How members opened up their governments.", **common
    )
    pages["members"] = factories.MemberIndexPageFactory(
        parent=home, intro="The local governments of the partnership.", **common
    )
    pages["knowledge"] = factories.KnowledgeIndexPageFactory(
        parent=home, intro="Research, guides and toolkits.", **common
    )
    pages["training"] = factories.TrainingIndexPageFactory(
        parent=home, intro="Learn at your own pace.", **common
    )
    pages["about"] = factories.StandardPageFactory(
        parent=home,
        title="About us",
        slug="about",
        show_in_menus=True,
        summary="Who we are and how the partnership works.",
        body=[
            ("heading", {"text": "Who we are", "level": "h2"}),
            ("paragraph", rich("Local governments from every region share what works.")),
            ("quote", {"quote": "Openness is how we earn trust.", "attribution": "A mayor"}),
            ("callout", {"title": "Join us", "text": rich("Write to the secretariat.")}),
        ],
    )

    members = {
        "madrid": ("Madrid", countries["spain"], "city", "40.42", "-3.70"),
        "basque-country": ("Basque Country", countries["spain"], "region", "43.00", "-2.60"),
        "buenos-aires": ("Buenos Aires", countries["argentina"], "city", "-34.60", "-58.38"),
        "abuja": ("Abuja", countries["nigeria"], "territory", "9.06", "7.49"),
    }
    for slug, (title, country, kind, latitude, longitude) in members.items():
        pages[slug] = factories.MemberProfilePageFactory(
            parent=pages["members"],
            title=title,
            slug=slug,
            official_name=f"City of {title}",
            country=country,
            kind=kind,
            year_joined=2018,
            latitude=latitude,
            longitude=longitude,
            website="https://example.org/",
            summary=f"{title} publishes its decisions and invites residents to shape them.",
        )
        plan = factories.ActionPlanFactory(page=pages[slug], title="Action plan 2021-2023")
        factories.CommitmentFactory(
            page=pages[slug],
            action_plan=plan,
            code="MAD0001",
            title="A public lobby registry",
            policy_areas=[areas["anti-corruption"]],
            status="completed",
            starred=True,
        )

    hero = image("Madrid council chamber", "#2f6f8f")
    figure_image = image("Registry growth chart", "#8f5a2f")
    pages["story"] = factories.ReformStoryPageFactory(
        parent=pages["stories"],
        title="Madrid opens a lobby registry",
        slug="madrid-lobby-registry",
        member=pages["madrid"],
        status="completed",
        start_year=2017,
        end_year=2019,
        summary="Every meeting between officials and lobbies is now published, with its agenda.",
        image=hero,
        image_alt="Councillors seated in Madrid's council chamber",
        commitment_codes="MAD0001",
        key_figures=[
            (
                "figure",
                {
                    "label": "Registered lobbies",
                    "value_before": "0",
                    "value_after": "600+",
                    "unit": "lobbies",
                    "source": "Madrid City Council",
                },
            ),
            (
                "figure",
                {
                    "label": "Meetings published",
                    "value_before": "",
                    "value_after": "2,000",
                    "unit": "meetings",
                    "source": "Registry",
                },
            ),
        ],
        body=[
            ("heading", {"text": "Why a registry", "level": "h2"}),
            ("paragraph", rich("Residents asked who met their councillors, and why.")),
            (
                "image",
                {
                    "image": figure_image,
                    "alt_text": "Bar chart of lobbies registered a year",
                    "caption": "Registrations each year",
                },
            ),
            ("key_figure", {"value": "545", "unit": "meetings", "label": "Meetings in 2019"}),
            (
                "quote",
                {
                    "quote": "Sunlight changed how meetings are prepared.",
                    "attribution": "A council officer",
                },
            ),
        ],
        sources=[("source", {"title": "Registry", "url": "https://example.org/registry"})],
    )
    pages["story-abuja"] = factories.ReformStoryPageFactory(
        parent=pages["stories"],
        title="Abuja brings citizens into public contracting",
        slug="abuja-open-contracting",
        member=pages["abuja"],
        status="in_progress",
        start_year=2021,
        summary="Residents follow public contracts from plan to delivery.",
        image=image("Abuja road works", "#5a8f2f"),
        image_alt="Workers paving a road in Abuja",
    )
    pages["story-buenos-aires"] = factories.ReformStoryPageFactory(
        parent=pages["stories"],
        title="Buenos Aires counts those often left out",
        slug="buenos-aires-inclusion",
        member=pages["buenos-aires"],
        status="planned",
        start_year=2023,
        summary="A survey measures access to rights among residents.",
    )
    for key, terms, goal_numbers in [
        ("story", ["anti-corruption", "open-data"], [16]),
        ("story-abuja", ["anti-corruption"], [16, 11]),
        ("story-buenos-aires", ["civic-space"], [11]),
    ]:
        pages[key].policy_areas.set([areas[slug] for slug in terms])
        pages[key].sdgs.set([goals[number] for number in goal_numbers])

    report = DocumentFactory(
        title="Lobby registers brief (PDF)",
        file__filename="lobby-registers.pdf",
        file__data=b"%PDF-1.4\n%%EOF\n",
    )
    pages["product"] = factories.KnowledgeProductPageFactory(
        parent=pages["knowledge"],
        title="Lobby registers for local governments",
        slug="lobby-registers",
        kind="policy_brief",
        authors="Open Cities anti-corruption team",
        publication_date=datetime.date(2024, 3, 1),
        summary="How to set up a lobby registry that residents actually use.",
        external_url="",
        files=[("file", {"document": report, "language": "en", "label": "Policy brief (PDF)"})],
        body=[("paragraph", rich("A registry works when meetings are published promptly."))],
    )
    pages["product"].policy_areas.set([areas["anti-corruption"]])
    pages["product"].related_stories.set([pages["story"]])

    pages["module"] = factories.TrainingModulePageFactory(
        parent=pages["training"],
        title="Open government basics",
        slug="open-government-basics",
        audience="civil_servants",
        level="introductory",
        estimated_minutes=15,
        summary="The ideas behind open government, in three short lessons.",
        learning_objectives=[("objective", "Explain what open government means")],
        lessons=[
            (
                "lesson",
                {
                    "title": "What open government means",
                    "body": rich("Open government is transparent, participatory and accountable."),
                    "question": {"prompt": "", "choices": [], "explanation": ""},
                },
            ),
            (
                "lesson",
                {
                    "title": "Publishing what you decide",
                    "body": rich("Decisions are published where residents can read them."),
                    "video": VIDEO,
                    "question": {
                        "prompt": "Who should be able to read a council's decisions?",
                        "choices": [
                            {"text": "Everyone", "correct": True},
                            {"text": "Only council members", "correct": False},
                        ],
                        "explanation": "Open decisions can be read by anyone.",
                    },
                },
            ),
            (
                "lesson",
                {
                    "title": "Working with residents",
                    "body": rich("Residents help shape decisions before they are taken."),
                    "question": {"prompt": "", "choices": [], "explanation": ""},
                },
            ),
        ],
    )
    pages["module"].related_knowledge.set([pages["product"]])

    for page in pages.values():
        publish(page)
    FeaturedStory.objects.create(page=home, story=pages["story"], sort_order=0)
    publish(home)
    return pages, (areas, goals, countries)


TRANSLATED = {
    # Spanish: the tree the visitor and the translator use, with two stories to search.
    "es": [
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
    ],
    # Arabic: one page of every type, for the right-to-left checks.
    "ar": [
        "home",
        "stories",
        "members",
        "knowledge",
        "training",
        "about",
        "madrid",
        "story",
        "product",
        "module",
    ],
}
CATALOGUES = {"es": SPANISH, "ar": ARABIC}


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
}
# A word each language's search finds in the built content.
SEARCH_WORDS = {"en": "lobby", "es": "lobbies", "ar": "مدريد"}


def page_type_paths(site, language):
    """{page type: site-relative address} of every page type in `language`, search and 404 too."""
    paths = {kind: site.path(key, language) for kind, key in PAGE_TYPES.items()}
    paths["search"] = f"/{language}/search/?q={SEARCH_WORDS[language]}"
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
