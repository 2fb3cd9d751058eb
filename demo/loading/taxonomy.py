"""The shared vocabulary in English: policy areas, Sustainable Development Goals and countries.

Regions are choices on the Country model, not snippets, so only their slugs are used here.
"""

from django.utils.text import slugify

from demo.loading.pages import upsert_snippet
from home.models import Country, PolicyArea, SustainableDevelopmentGoal


def sdg_slug(number):
    """The goal's slug, the same in every language: sdg-1 ... sdg-17."""
    return f"sdg-{number}"


def load_taxonomy(data, english):
    """Create or update every term; returns (terms by kind and key, changed translation keys).

    Terms are keyed by policy area slug, goal number and ISO country code.
    """
    terms = {"policy_areas": {}, "sdgs": {}, "countries": {}}
    changed = set()

    def keep(kind, key, result):
        term, term_changed = result
        terms[kind][key] = term
        if term_changed:
            changed.add(term.translation_key)

    for area in data.taxonomy["policy_areas"]:
        keep(
            "policy_areas",
            area["slug"],
            upsert_snippet(
                PolicyArea,
                {"locale": english, "slug": area["slug"]},
                {
                    "name": area["name"],
                    "description": area.get("description", ""),
                    "synonyms": area.get("synonyms", ""),
                },
            ),
        )
    for goal in data.taxonomy["sdgs"]:
        keep(
            "sdgs",
            goal["number"],
            upsert_snippet(
                SustainableDevelopmentGoal,
                {"locale": english, "slug": sdg_slug(goal["number"])},
                {"name": goal["name"], "number": goal["number"], "colour": goal["colour"]},
            ),
        )
    for country in data.taxonomy["countries"]:
        keep(
            "countries",
            country["iso2"],
            upsert_snippet(
                Country,
                {"locale": english, "slug": slugify(country["name"])},
                {"name": country["name"], "iso_code": country["iso2"], "region": country["region"]},
            ),
        )
    return terms, changed
