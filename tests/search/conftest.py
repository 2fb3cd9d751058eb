"""The search tests' pages: locales, site tree and corpus built once for the package.

Every module of the package is kept on one pytest-xdist worker (group "search") and reads the
same corpus, so it is built once and rolled back after the last of them.
"""

import datetime

import pytest
from django.db import connection

from tests import factories
from tests.conftest import built_once, shared
from tests.search.pages import paragraphs, publish, translate

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Language-specific stemming needs PostgreSQL's text search configurations; SQLite's "
    "FTS5 has one (English Porter) stemmer for every language.",
)


def build_corpus(site_tree, locales):
    """Stories, knowledge, training and members in English, some translated into Spanish."""
    lobbying = factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
    budgets = factories.PolicyAreaFactory(name="Open budgets", slug="open-budgets")
    integrity = factories.PolicyAreaFactory(name="Anti-corruption", slug="anti-corruption")
    goal = factories.SDGFactory(number=16, name="Peace, justice and strong institutions")
    spain = factories.CountryFactory(name="Spain", slug="spain", region="europe")
    kenya = factories.CountryFactory(name="Kenya", slug="kenya", region="africa-middle-east")
    madrid = publish(
        factories.MemberProfilePageFactory(
            parent=site_tree["members"],
            title="Madrid",
            official_name="Ayuntamiento de Madrid",
            country=spain,
            year_joined=2018,
        )
    )
    nairobi = publish(
        factories.MemberProfilePageFactory(
            parent=site_tree["members"], title="Nairobi", country=kenya, year_joined=2020
        )
    )
    stories = site_tree["stories"]
    registry = factories.ReformStoryPageFactory(
        parent=stories,
        title="Madrid makes lobbying visible with a mandatory lobby registry",
        summary="Every meeting between officials and lobbyists is now published.",
        body=paragraphs(
            "The city created a public lobby register. Lobbyists sign up before meeting "
            "officials, and the register publishes every meeting."
        ),
        member=madrid,
        start_year=2021,
    )
    registry.policy_areas.set([lobbying])
    registry.sdgs.set([goal])
    publish(registry)
    agendas = factories.ReformStoryPageFactory(
        parent=stories,
        title="Nairobi publishes the agendas of its officials",
        summary="Agendas online, a first step before a register.",
        body=paragraphs(
            "A lobby registry was discussed. A lobby registry needs a law; the lobby registry "
            "bill is pending, and the lobby registry debate goes on. Corruption risks remain."
        ),
        member=nairobi,
        start_year=2022,
    )
    agendas.policy_areas.set([lobbying, integrity])
    publish(agendas)
    budget = factories.ReformStoryPageFactory(
        parent=stories,
        title="Participatory budgeting reaches every district",
        summary="Residents decide how to spend part of the budget.",
        body=paragraphs("Participatory budgeting in Madrid lets residents vote on projects."),
        member=madrid,
        start_year=2019,
    )
    budget.policy_areas.set([budgets])
    publish(budget)
    integrity_story = factories.ReformStoryPageFactory(
        parent=stories,
        title="Integrity pacts against corruption in procurement",
        summary="Monitors watch public contracts.",
        body=paragraphs("Civil society monitors fight corruption in public procurement."),
        member=nairobi,
        start_year=2023,
    )
    integrity_story.policy_areas.set([integrity])
    publish(integrity_story)
    guide = factories.KnowledgeProductPageFactory(
        parent=site_tree["knowledge"],
        title="Guide to lobby transparency",
        summary="How to open up lobbying: registers, meeting logs and cooling-off periods.",
        kind="guide",
        publication_date=datetime.date(2024, 5, 2),
        body=paragraphs("A practical guide for cities that regulate lobbying."),
    )
    guide.policy_areas.set([lobbying])
    publish(guide)
    module = publish(
        factories.TrainingModulePageFactory(
            parent=site_tree["training"],
            title="Lobbying rules for civil servants",
            summary="What officials must record when lobbyists call.",
            audience="civil_servants",
        )
    )
    registry_es = translate(
        registry,
        locales["es"],
        title="Madrid hace visible el lobby con un registro obligatorio",
        summary="Cada reunión entre cargos públicos y grupos de interés se publica.",
        body=paragraphs(
            "La ciudad creó un registro público de lobbies para prevenir la corrupción."
        ),
    )
    integrity_es = translate(
        integrity_story,
        locales["es"],
        title="Pactos de integridad en la contratación pública",
        summary="Observadores vigilan los contratos públicos.",
        body=paragraphs(
            "La sociedad civil vigila a los funcionarios corruptos. Los resultados se "
            "publicaron en un portal abierto."
        ),
    )
    return {
        "lobbying": lobbying,
        "registry": registry,
        "agendas": agendas,
        "budget": budget,
        "integrity": integrity_story,
        "guide": guide,
        "module": module,
        "madrid": madrid,
        "registry_es": registry_es,
        "integrity_es": integrity_es,
    }


module_data = built_once(build_corpus, scope="package", name="corpus")


locales, site_tree, corpus = shared("locales", "site_tree", "corpus")
