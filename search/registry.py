"""Which page types the search covers, and what of each feeds the index and the facets.

Content apps know nothing of search: this registry reads their public fields. To index another
page type, add one `IndexSpec` here.
"""

import datetime
import json
from dataclasses import dataclass

from django.utils import timezone

from home.models import StandardPage
from knowledge.models import KnowledgeProductPage, TrainingModulePage
from search.labels import Vocabulary, document_labels
from search.models import PageType
from search.text import clean_text, stream_text
from stories.models import MemberProfilePage, ReformStoryPage


def _slugs(manager):
    return sorted({term.slug for term in manager.all()})


def _at_midnight(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time()), datetime.UTC)


def _place(country):
    """Region and country facets of a country snippet (or none)."""
    if country is None:
        return {}
    return {"region": country.region, "country": country.slug}


def story_facets(page):
    """A story: policy areas, goals, its member's place and its start year."""
    return {
        "policy_area": _slugs(page.policy_areas),
        "sdg": _slugs(page.sdgs),
        **_place(page.member.country if page.member_id else None),
        "year": page.start_year,
    }


def knowledge_facets(page):
    """A knowledge product: kind, policy areas, goals and publication year."""
    return {
        "kind": page.kind,
        "policy_area": _slugs(page.policy_areas),
        "sdg": _slugs(page.sdgs),
        "year": page.publication_date.year,
    }


def member_facets(page):
    """A member government: its place and the year it joined."""
    return {**_place(page.country), "year": page.year_joined}


def training_facets(page):
    """A training module: its audience and the year it was first published."""
    published = page.first_published_at or page.last_published_at
    return {"audience": page.audience, "year": published.year if published else None}


def page_facets(page):
    """A standard page: the year it was first published."""
    published = page.first_published_at or page.last_published_at
    return {"year": published.year if published else None}


def story_vocabulary(page):
    """A story is described by its policy areas, goals, its member and the member's country."""
    member = page.member if page.member_id else None
    country = member.country if member is not None and member.country_id else None
    terms = [*page.policy_areas.all(), *page.sdgs.all(), *([country] if country else [])]
    return Vocabulary(terms=terms, pages=[member] if member else [])


def knowledge_vocabulary(page):
    """A knowledge product is described by its policy areas and goals."""
    return Vocabulary(terms=[*page.policy_areas.all(), *page.sdgs.all()])


def member_vocabulary(page):
    """A member government is described by its country (and so its region)."""
    return Vocabulary(terms=[page.country] if page.country_id else [])


def no_vocabulary(page):
    """Pages without taxonomy are found through their own words only."""
    return Vocabulary()


def published_date(page):
    """When the page first went live: what "newest" means for most page types."""
    return page.first_published_at or page.last_published_at


@dataclass(frozen=True)
class IndexSpec:
    """How one page type becomes a search document.

    `text_fields` are attribute paths (StreamFields are walked, other values used as text) that
    form the body, after the summary; `facets` maps a page to facet name -> value or list;
    `vocabulary` gives the taxonomy terms and pages whose names label it (search/labels.py).
    """

    page_type: str
    text_fields: tuple
    facets: object
    date: object = published_date
    vocabulary: object = no_vocabulary


REGISTRY = {
    ReformStoryPage: IndexSpec(
        PageType.STORY,
        ("body", "key_figures", "member.title", "commitment_codes"),
        story_facets,
        vocabulary=story_vocabulary,
    ),
    KnowledgeProductPage: IndexSpec(
        PageType.KNOWLEDGE,
        ("authors", "body"),
        knowledge_facets,
        date=lambda page: _at_midnight(page.publication_date),
        vocabulary=knowledge_vocabulary,
    ),
    TrainingModulePage: IndexSpec(
        PageType.TRAINING, ("learning_objectives", "lessons"), training_facets
    ),
    MemberProfilePage: IndexSpec(
        PageType.MEMBER,
        ("official_name", "body", "commitments_text"),
        member_facets,
        vocabulary=member_vocabulary,
    ),
    StandardPage: IndexSpec(PageType.PAGE, ("body",), page_facets),
}


def spec_for(page):
    """The IndexSpec of a (specific) page, or None if the search does not cover its type."""
    return REGISTRY.get(type(page))


def indexed_models():
    """The page models the search covers."""
    return list(REGISTRY)


def resolve(page, path):
    """The value at a dotted attribute path of a page, None if any step is missing."""
    value = page
    for name in path.split("."):
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def slug_list(values):
    """A multi-valued facet as stored: a sorted JSON array of distinct slugs."""
    return json.dumps(sorted(set(values or ())), separators=(",", ":"))


def document_fields(page, spec, book):
    """The SearchDocument field values of a live page (no saving); `book` is a TaxonomyBook."""
    parts = []
    for path in spec.text_fields:
        value = resolve(page, path)
        if value is None:
            continue
        parts.append(stream_text(value) if hasattr(value, "stream_block") else str(value))
    facets = {name: value for name, value in spec.facets(page).items() if value not in ("", None)}
    return {
        "title": clean_text(page.title)[:255],
        "summary": clean_text(getattr(page, "summary", "")),
        "body": clean_text(" ".join(parts)),
        "page_type": spec.page_type,
        "policy_areas": slug_list(facets.get("policy_area")),
        "sdgs": slug_list(facets.get("sdg")),
        "region": facets.get("region", ""),
        "country": facets.get("country", ""),
        "kind": facets.get("kind", ""),
        "audience": facets.get("audience", ""),
        "year": facets.get("year"),
        "date": spec.date(page),
        "labels": document_labels(page.locale.language_code, spec.vocabulary(page), book),
    }
