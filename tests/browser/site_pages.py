"""The English pages of the browser tests' site: one or more of every page type."""

import datetime

from wagtail.models import Locale, Page, Site
from wagtail_factories import DocumentFactory

from demo.loading import blocks
from home.models import FeaturedStory
from tests import factories
from tests.browser.site_sections import build_sections

VIDEO = "https://www.youtube.com/watch?v=oHg5SJYRHA0"


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
        body=blocks.body(
            "browser/about",
            [
                {"type": "heading", "text": "Who we are"},
                {
                    "type": "paragraph",
                    "text": "Local governments from every region share what works.",
                },
                {
                    "type": "quote",
                    "quote": "Openness is how we earn trust.",
                    "attribution": "A mayor",
                },
                {"type": "callout", "title": "Join us", "text": "Write to the secretariat."},
            ],
        ),
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
        key_figures=blocks.key_figures(
            "browser/story/figures",
            [
                {
                    "label": "Registered lobbies",
                    "value_before": "0",
                    "value_after": "600+",
                    "unit": "lobbies",
                    "source": "Madrid City Council",
                },
                {
                    "label": "Meetings published",
                    "value_after": "2,000",
                    "unit": "meetings",
                    "source": "Registry",
                },
            ],
        ),
        body=blocks.body(
            "browser/story/body",
            [
                {"type": "heading", "text": "Why a registry"},
                {
                    "type": "paragraph",
                    "text": "Residents asked who met their councillors, and why.",
                },
                {
                    "type": "image",
                    "image": figure_image,
                    "alt_text": "Bar chart of lobbies registered a year",
                    "caption": "Registrations each year",
                },
                {
                    "type": "key_figure",
                    "value": "545",
                    "unit": "meetings",
                    "label": "Meetings in 2019",
                },
                {
                    "type": "quote",
                    "quote": "Sunlight changed how meetings are prepared.",
                    "attribution": "A council officer",
                },
            ],
        ),
        sources=blocks.sources(
            "browser/story/sources", [{"title": "Registry", "url": "https://example.org/registry"}]
        ),
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
        files=blocks.files(
            "browser/product/files",
            [{"document": report, "language": "en", "label": "Policy brief (PDF)"}],
        ),
        body=blocks.paragraphs(
            "browser/product/body", "A registry works when meetings are published promptly."
        ),
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
        learning_objectives=blocks.objectives(
            "browser/module/objectives", ["Explain what open government means"]
        ),
        lessons=blocks.lessons(
            "browser/module",
            [
                {
                    "title": "What open government means",
                    "body": ["Open government is transparent, participatory and accountable."],
                },
                {
                    "title": "Publishing what you decide",
                    "body": ["Decisions are published where residents can read them."],
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
                {
                    "title": "Working with residents",
                    "body": ["Residents help shape decisions before they are taken."],
                },
            ],
        ),
    )
    pages["module"].related_knowledge.set([pages["product"]])
    build_sections(home, pages)

    for page in pages.values():
        publish(page)
    FeaturedStory.objects.create(page=home, story=pages["story"], sort_order=0)
    publish(home)
    return pages, (areas, goals, countries)
