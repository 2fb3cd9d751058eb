"""Helpers of the page tests: reading a page, counting its queries, and building content (members,
stories, products, modules, translations) the way editors and translators do."""

import re
from decimal import Decimal

import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.loading import blocks
from tests import factories

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)


def html_of(client, url):
    """The page's HTML, checked to be a successful answer."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


def warm_query_count(client, url):
    """Queries of a repeat visit (a first visit creates image renditions, as in production)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(queries.captured_queries)


def queries_as_items_grow(client, grow, *urls):
    """The queries of a warm visit to each of `urls`, before and after `grow()` adds more of the
    items they show: two lists, equal when no page's cost grows with its items."""
    before = [warm_query_count(client, url) for url in urls]
    grow()
    return before, [warm_query_count(client, url) for url in urls]


def assert_csp_safe(html):
    """No inline executable script and no style attribute anywhere in the page."""
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html).group(0)
    assert not STYLE_ATTRIBUTE.search(html), STYLE_ATTRIBUTE.search(html).group(0)


def make_vocabulary():
    """Two policy areas, two goals and two countries in two regions."""
    return {
        "lobbying": factories.PolicyAreaFactory(name="Lobbying", slug="lobbying"),
        "open_data": factories.PolicyAreaFactory(name="Open data", slug="open-data"),
        "goal_16": factories.SDGFactory(number=16, name="Peace and justice", colour="#00689D"),
        "goal_5": factories.SDGFactory(number=5, name="Gender equality", colour="#FF3A21"),
        "spain": factories.CountryFactory(name="Spain", iso_code="ES", region="europe"),
        "ghana": factories.CountryFactory(name="Ghana", iso_code="GH", region="africa-middle-east"),
    }


def add_member(site_tree, vocabulary, title, country="spain", **kwargs):
    """A member government in the directory, with a place on the map."""
    defaults = {"latitude": Decimal("40.4"), "longitude": Decimal("-3.7"), "kind": "city"}
    defaults.update(kwargs)
    return factories.MemberProfilePageFactory(
        parent=site_tree["members"], title=title, country=vocabulary[country], **defaults
    )


def add_story(site_tree, vocabulary, member, title, **kwargs):
    """A reform story with an image, one policy area and one goal."""
    story = factories.ReformStoryPageFactory(
        parent=site_tree["stories"],
        title=title,
        member=member,
        image=factories.ImageFactory(),
        image_alt="A drawing of the town hall",
        policy_areas=[vocabulary["lobbying"]],
        sdgs=[vocabulary["goal_16"]],
        **kwargs,
    )
    return story


def add_product(site_tree, title, **kwargs):
    """A knowledge product (an external link unless files are given)."""
    return factories.KnowledgeProductPageFactory(
        parent=site_tree["knowledge"], title=title, **kwargs
    )


# A lesson's question in the data's format; its right answer is the second choice.
QUESTION = {
    "prompt": "Who co-creates a local action plan?",
    "choices": [
        {"text": "The mayor alone", "correct": False},
        {"text": "Government and civil society together", "correct": True},
        {"text": "An outside consultant", "correct": False},
    ],
    "explanation": "Co-creation means civil society shapes the plan with government.",
}


def numbered_lessons(key, count):
    """Lessons "Lesson 1" to "Lesson <count>" of the module `key`, each with QUESTION."""
    return blocks.lessons(
        key,
        [
            {"title": f"Lesson {n}", "body": [f"Lesson {n} body."], "question": QUESTION}
            for n in range(1, count + 1)
        ],
    )


def add_module(site_tree, title, lessons=2, **kwargs):
    """A training module with numbered lessons, each with a question."""
    return factories.TrainingModulePageFactory(
        parent=site_tree["training"],
        title=title,
        lessons=numbered_lessons(f"builders/{title}", lessons),
        learning_objectives=blocks.objectives(
            f"builders/{title}/objectives", ["Explain what an action plan is"]
        ),
        **kwargs,
    )


def add_knowledge_files(product, count):
    """Give a product `count` files, each its own document."""
    product.files = blocks.files(
        f"builders/{product.title}/files",
        [
            {
                "document": wagtail_factories.DocumentFactory(),
                "language": "en",
                "label": f"File {n}",
            }
            for n in range(count)
        ],
    )
    product.save_revision().publish()


def translate_terms(vocabulary, locale):
    """Arabic names for every term, as translators give them."""
    for term in vocabulary.values():
        copy = term.copy_for_translation(locale)
        copy.name = f"{term.name} (ar)"
        copy.save()


def publish_in(page, locale):
    """A live translation of `page` (its untranslated parents copied too)."""
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.save_revision().publish()
    return copy
