"""The listing tests' pages: members, terms, stories and products, built once for the package.

Every module of the package stays on one pytest-xdist worker (group "listings") and reads
the same pages, rolled back after the last of them.
"""

import datetime

import wagtail_factories

from tests import factories
from tests.conftest import built_once, shared


def make_places():
    """Three countries in three regions."""
    return {
        "spain": factories.CountryFactory(name="Spain", slug="spain", region="europe"),
        "brazil": factories.CountryFactory(
            name="Brazil", slug="brazil", iso_code="BR", region="americas"
        ),
        "kenya": factories.CountryFactory(
            name="Kenya", slug="kenya", iso_code="KE", region="africa-middle-east"
        ),
    }


def make_members(site_tree, places):
    """Four members of three kinds in three countries."""
    parent = site_tree["members"]
    make = factories.MemberProfilePageFactory
    return {
        "madrid": make(parent=parent, title="Madrid", country=places["spain"], kind="city"),
        "basque": make(
            parent=parent, title="Basque Country", country=places["spain"], kind="region"
        ),
        "sao-paulo": make(parent=parent, title="São Paulo", country=places["brazil"], kind="city"),
        "elgeyo": make(
            parent=parent, title="Elgeyo Marakwet", country=places["kenya"], kind="county"
        ),
    }


def make_terms():
    """Three policy areas and three goals."""
    area = factories.PolicyAreaFactory
    goal = factories.SDGFactory
    return {
        "lobbying": area(name="Lobbying", slug="lobbying"),
        "open-data": area(name="Open data", slug="open-data"),
        "participation": area(name="Participation", slug="participation"),
        "sdg-5": goal(number=5, name="Gender equality", slug="sdg-5"),
        "sdg-11": goal(number=11, name="Sustainable cities", slug="sdg-11"),
        "sdg-16": goal(number=16, name="Peace and justice", slug="sdg-16"),
    }


def make_stories(site_tree, members, terms):
    """Four stories spread over areas, goals, places, statuses and years."""

    def make(title, member, areas, goals, status, year):
        return factories.ReformStoryPageFactory(
            parent=site_tree["stories"],
            title=title,
            member=members[member],
            policy_areas=[terms[a] for a in areas],
            sdgs=[terms[g] for g in goals],
            status=status,
            start_year=year,
        )

    return {
        "lobby": make("Lobby register", "madrid", ["lobbying"], ["sdg-16"], "completed", 2018),
        "eskola": make("Open Eskola", "basque", ["participation"], ["sdg-11"], "in_progress", 2020),
        "observa": make(
            "ObservaSampa", "sao-paulo", ["open-data"], ["sdg-11", "sdg-16"], "completed", 2019
        ),
        "budget": make(
            "Budget hearings", "elgeyo", ["participation", "open-data"], ["sdg-5"], "planned", 2020
        ),
    }


def make_products(site_tree, terms):
    """Three products of different kinds, years and file languages."""

    def document_files(*languages):
        return [
            (
                "file",
                {
                    "document": wagtail_factories.DocumentFactory(),
                    "language": code,
                    "label": f"Report ({code})",
                },
            )
            for code in languages
        ]

    make = factories.KnowledgeProductPageFactory
    parent = site_tree["knowledge"]
    return {
        "guide": make(
            parent=parent,
            title="Open data guide",
            kind="guide",
            publication_date=datetime.date(2024, 3, 1),
            files=document_files("en", "es"),
            external_url="",
            policy_areas=[terms["open-data"]],
        ),
        "report": make(
            parent=parent,
            title="Lobbying research",
            kind="research_report",
            publication_date=datetime.date(2023, 6, 1),
            files=document_files("fr"),
            external_url="",
            policy_areas=[terms["lobbying"]],
        ),
        "toolkit": make(
            parent=parent,
            title="Participation toolkit",
            kind="toolkit",
            publication_date=datetime.date(2024, 9, 1),
            policy_areas=[terms["open-data"], terms["participation"]],
        ),
    }


def listed_pages(site_tree, locales):
    """Places, members, terms, stories and products under the site tree."""
    places = make_places()
    members = make_members(site_tree, places)
    terms = make_terms()
    return {
        "places": places,
        "members": members,
        "terms": terms,
        "stories": make_stories(site_tree, members, terms),
        "products": make_products(site_tree, terms),
    }


module_data = built_once(listed_pages, scope="package")


locales, site_tree, places, members, terms, stories, products = shared(
    "locales", "site_tree", "places", "members", "terms", "stories", "products"
)
