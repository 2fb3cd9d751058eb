"""The open-data tests' content: built once for the package, rolled back after it.

Every module of the package stays on one pytest-xdist worker (group "open_data").
"""

import datetime

from tests import factories
from tests.conftest import built_once, shared
from tests.open_data.readers import at, publish_translation, set_first_published, tag_with


def build_content(site_tree, locales):
    """Stories, members, knowledge and training in English, some of them also in Spanish."""
    lobbying = factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
    budgets = factories.PolicyAreaFactory(name="Open budgets", slug="open-budgets")
    lobbying_es = lobbying.copy_for_translation(locales["es"])
    lobbying_es.name = "Cabildeo"
    lobbying_es.save()
    spain = factories.CountryFactory(name="Spain", slug="spain", iso_code="ES")
    madrid = factories.MemberProfilePageFactory(
        parent=site_tree["members"],
        title="Madrid",
        official_name="Ayuntamiento de Madrid",
        country=spain,
    )
    stories = site_tree["stories"]
    register = factories.ReformStoryPageFactory(
        parent=stories, title="Lobby register", member=madrid, policy_areas=[lobbying]
    )
    budget = factories.ReformStoryPageFactory(
        parent=stories, title="Participatory budget", member=madrid, policy_areas=[budgets]
    )
    meetings = factories.ReformStoryPageFactory(
        parent=stories,
        title="Meetings with lobbyists online",
        member=madrid,
        policy_areas=[lobbying, budgets],
    )
    set_first_published(register, at(2023, 1, 10))
    set_first_published(budget, at(2023, 6, 1))
    set_first_published(meetings, at(2024, 3, 5))
    knowledge = site_tree["knowledge"]
    guide = tag_with(
        factories.KnowledgeProductPageFactory(
            parent=knowledge,
            title="Lobbying guide",
            authors="Research team",
            publication_date=datetime.date(2024, 1, 15),
        ),
        lobbying,
    )
    report = tag_with(
        factories.KnowledgeProductPageFactory(
            parent=knowledge,
            title="Budget report",
            kind="research_report",
            publication_date=datetime.date(2023, 5, 1),
        ),
        budgets,
    )
    brief = tag_with(
        factories.KnowledgeProductPageFactory(
            parent=knowledge,
            title="Lobbying brief",
            kind="policy_brief",
            publication_date=datetime.date(2025, 2, 1),
        ),
        lobbying,
    )
    module = factories.TrainingModulePageFactory(
        parent=site_tree["training"], title="Open data 101"
    )
    home_es = publish_translation(site_tree["home"], locales["es"], title="Inicio")
    stories_es = publish_translation(stories, locales["es"], title="Historias")
    register_es = publish_translation(register, locales["es"], title="Registro de lobbies")
    set_first_published(register_es, at(2023, 2, 1))
    return {
        **site_tree,
        "lobbying": lobbying,
        "budgets": budgets,
        "madrid": madrid,
        "register": register,
        "budget": budget,
        "meetings": meetings,
        "guide": guide,
        "report": report,
        "brief": brief,
        "module": module,
        "home_es": home_es,
        "stories_es": stories_es,
        "register_es": register_es,
    }


module_data = built_once(build_content, scope="package", name="content")


locales, content = shared("locales", "content")
