"""Every page type renders in an exact number of queries, in English and in Arabic: a warm but
uncached visit (renditions made, shared fragments built) of pages that have related items."""

import pytest
from wagtail.models import Locale

from demo.loading import blocks
from home.models import FeaturedStory
from tests import factories
from tests.conftest import make_locales, make_site_tree, rolled_back
from tests.page_builders import (
    add_member,
    add_module,
    add_product,
    add_story,
    assert_csp_safe,
    html_of,
    make_vocabulary,
    publish_in,
    translate_terms,
)


@pytest.fixture(scope="module")
def every_page_type(django_db_blocker):
    """One page of every type, with related items (a member's stories and commitments, a
    product's related pages, a module's lessons and prerequisites), each translated into Arabic,
    with the vocabulary too; built once for the module's budget tests, which only read it.
    Yields the addresses under /<lang>/ by page type."""
    with rolled_back(django_db_blocker):
        yield build_every_page_type(make_site_tree(make_locales()), make_vocabulary())


def build_every_page_type(site_tree, vocabulary):
    """The content of `every_page_type`."""
    home = site_tree["home"]
    madrid = add_member(
        site_tree, vocabulary, "Madrid", slug="madrid", logo=factories.ImageFactory()
    )
    shama = add_member(site_tree, vocabulary, "Shama", slug="shama", country="ghana")
    plan = factories.ActionPlanFactory(page=madrid, title="Plan 2021-2023")
    factories.CommitmentFactory(
        page=madrid,
        action_plan=plan,
        code="MAD0001",
        policy_areas=[vocabulary["lobbying"]],
        sdgs=[vocabulary["goal_16"]],
        status="completed",
    )
    story = add_story(
        site_tree,
        vocabulary,
        madrid,
        "Madrid story",
        slug="madrid-story",
        commitment_codes="MAD0001",
        body=blocks.body(
            "render/madrid-story",
            [{"type": "image", "image": factories.ImageFactory(), "alt_text": "A chart"}],
        ),
    )
    similar = add_story(site_tree, vocabulary, shama, "Shama story", slug="shama-story")
    FeaturedStory.objects.create(page=home, story=story, sort_order=0)
    product = add_product(
        site_tree, "Guide", slug="guide", image=factories.ImageFactory(), image_alt="Cover"
    )
    product.related_stories.set([story, similar])
    product.related_members.set([madrid])
    product.policy_areas.set([vocabulary["open_data"]])
    product.save_revision().publish()
    before = add_module(site_tree, "Before", slug="before")
    module = add_module(site_tree, "Basics", slug="basics", lessons=3)
    module.prerequisites.set([before])
    module.related_knowledge.set([product])
    module.save_revision().publish()
    events = factories.EventIndexPageFactory(parent=home)
    event = factories.EventPageFactory(
        parent=events, title="Open Gov Week", slug="week", policy_areas=[vocabulary["lobbying"]]
    )
    about = factories.StandardPageFactory(parent=home, title="About", slug="about")
    arabic = Locale.objects.get(language_code="ar")
    translate_terms(vocabulary, arabic)
    for page in [
        home,
        *site_tree.values(),
        madrid,
        shama,
        story,
        similar,
        product,
        before,
        module,
        events,
        event,
        about,
    ]:
        if not page.get_translations().filter(locale=arabic).exists():
            publish_in(page, arabic)
    return {
        "home": "",
        "standard page": "about/",
        "story index": "stories/",
        "story": "stories/madrid-story/",
        "member directory": "members/",
        "member profile": "members/madrid/",
        "commitment": "members/madrid/commitments/MAD0001/",
        "knowledge index": "knowledge/",
        "knowledge product": "knowledge/guide/",
        "training index": "training/",
        "training module": "training/basics/",
        "lesson": "training/basics/lessons/2/?answer=1",
        "event index": "events/",
        "event": "events/week/",
    }


# Exact queries of an uncached (but warm: renditions made, shared fragments built) visit, the
# same on SQLite and PostgreSQL. A page that needs one more has gained a query per item, per
# language or per include: find it with CaptureQueriesContext before changing a number here.
# Listings share one mechanism (filters with counts, card lists, pagination; the counts are a
# shared fragment, so the warm visit kept them: tests/listings/test_listing_counts.py pins the one
# counting query of a first visit); content pages share
# the frame, related items and structured data: a change to one moves one table.
LISTING_PAGE_QUERIES = {
    # page type: (English, Arabic)
    "story index": (8, 9),
    "member directory": (7, 7),
    "knowledge index": (8, 8),
    "training index": (6, 6),
    "event index": (7, 7),
}

CONTENT_PAGE_QUERIES = {
    # page type: (English, Arabic)
    "home": (11, 12),
    "standard page": (3, 3),
    "story": (10, 12),
    "member profile": (10, 11),
    "commitment": (11, 11),
    "knowledge product": (10, 11),
    "training module": (5, 5),
    "lesson": (3, 3),
    "event": (7, 7),
}

PAGE_TYPE_QUERIES = {**LISTING_PAGE_QUERIES, **CONTENT_PAGE_QUERIES}


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", PAGE_TYPE_QUERIES)
def test_every_page_type_renders_in_its_exact_query_budget_in_english_and_arabic(
    every_page_type, client, db, page_type, django_assert_num_queries
):
    for index, language in enumerate(("en", "ar")):
        url = f"/{language}/{every_page_type[page_type]}"
        client.get(url)
        with django_assert_num_queries(PAGE_TYPE_QUERIES[page_type][index]):
            html = html_of(client, url)
        direction = "rtl" if language == "ar" else "ltr"
        assert f'<html lang="{language}" dir="{direction}">' in html, url
        assert_csp_safe(html)
