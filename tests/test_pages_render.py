"""What a page costs does not grow with related items, listing size or languages (the exact
budget of each page type is pinned in test_page_query_budgets.py)."""

import pytest
import wagtail_factories
from wagtail.models import Locale

from demo.loading import blocks
from home.models import FeaturedStory
from tests import factories
from tests.page_builders import (
    add_knowledge_files,
    add_member,
    add_module,
    add_product,
    add_story,
    numbered_lessons,
    queries_as_items_grow,
)

# --- query counts are pinned and do not grow with the number of items ----------------------------


@pytest.mark.django_db
def test_story_index_queries_do_not_grow_with_stories(client, site_tree, vocabulary):
    members = [add_member(site_tree, vocabulary, f"Member {n}") for n in range(8)]
    for member in members[:2]:
        add_story(site_tree, vocabulary, member, f"Story of {member.title}")

    def grow():
        for member in members[2:]:
            add_story(site_tree, vocabulary, member, f"Story of {member.title}")

    before, after = queries_as_items_grow(client, grow, "/en/stories/")
    assert after == before


@pytest.mark.django_db
def test_member_directory_queries_do_not_grow_with_members(client, site_tree, vocabulary):
    for n in range(2):
        add_member(site_tree, vocabulary, f"Member {n}", country=("spain", "ghana")[n % 2])

    def grow():
        for n in range(2, 8):
            add_member(site_tree, vocabulary, f"Member {n}", country=("spain", "ghana")[n % 2])

    before, after = queries_as_items_grow(client, grow, "/en/members/")
    assert after == before


@pytest.mark.django_db
def test_knowledge_index_queries_do_not_grow_with_products(client, site_tree):
    for n in range(2):
        add_product(site_tree, f"Product {n}", image=factories.ImageFactory(), image_alt="Cover")

    def grow():
        for n in range(2, 8):
            add_product(
                site_tree, f"Product {n}", image=factories.ImageFactory(), image_alt="Cover"
            )

    before, after = queries_as_items_grow(client, grow, "/en/knowledge/")
    assert after == before


@pytest.mark.django_db
def test_translated_story_index_queries_do_not_grow_with_untranslated_stories(
    client, site_tree, vocabulary
):
    members = [add_member(site_tree, vocabulary, f"Member {n}") for n in range(8)]
    arabic_index = site_tree["stories"].copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    arabic_index.save_revision().publish()
    for member in members[:2]:
        add_story(site_tree, vocabulary, member, f"Story of {member.title}")

    def grow():
        for member in members[2:]:
            add_story(site_tree, vocabulary, member, f"Story of {member.title}")

    before, after = queries_as_items_grow(client, grow, "/ar/stories/")
    assert after == before


@pytest.mark.django_db
def test_training_index_queries_do_not_grow_with_modules(client, site_tree):
    for n in range(2):
        add_module(site_tree, f"Module {n}", track_order=n)

    def grow():
        for n in range(2, 8):
            add_module(site_tree, f"Module {n}", track_order=n)

    before, after = queries_as_items_grow(client, grow, "/en/training/")
    assert after == before


@pytest.mark.django_db
def test_home_page_queries_do_not_grow_with_featured_stories_and_products(
    client, site_tree, vocabulary
):
    home = site_tree["home"]
    members = [add_member(site_tree, vocabulary, f"Member {n}") for n in range(6)]
    stories = [add_story(site_tree, vocabulary, m, f"Story of {m.title}") for m in members]

    def feature(count):
        FeaturedStory.objects.filter(page=home).delete()
        for order, story in enumerate(stories[:count]):
            FeaturedStory.objects.create(page=home, story=story, sort_order=order)

    feature(2)
    add_product(site_tree, "Product 0")
    add_module(site_tree, "Module 0")

    def grow():
        feature(6)
        for n in range(1, 4):
            add_product(site_tree, f"Product {n}")
            add_module(site_tree, f"Module {n}")

    before, after = queries_as_items_grow(client, grow, "/en/")
    assert after == before


@pytest.mark.django_db
def test_member_profile_queries_do_not_grow_with_stories_commitments_and_plans(
    client, site_tree, vocabulary
):
    madrid = add_member(site_tree, vocabulary, "Madrid", slug="madrid")

    def fill(count):
        madrid.commitments.all().delete()
        madrid.action_plans.all().delete()
        for n in range(count):
            plan = factories.ActionPlanFactory(
                page=madrid, title=f"Plan {n}", document=wagtail_factories.DocumentFactory()
            )
            factories.CommitmentFactory(
                page=madrid,
                action_plan=plan,
                code=f"MAD{n:04d}",
                policy_areas=[vocabulary["lobbying"]],
                status="completed",
                starred=n == 0,
            )
        madrid.contacts = blocks.contacts(
            "render/madrid", [{"name": f"Office {n}"} for n in range(count)]
        )
        madrid.save_revision().publish()
        while len(madrid_stories) < count:
            madrid_stories.append(
                add_story(site_tree, vocabulary, madrid, f"Story {len(madrid_stories)}")
            )

    madrid_stories = []
    fill(2)

    before, after = queries_as_items_grow(client, lambda: fill(8), "/en/members/madrid/")
    assert after == before


@pytest.mark.django_db
def test_story_queries_do_not_grow_with_figures_sources_and_similar_stories(
    client, site_tree, vocabulary
):
    madrid = add_member(site_tree, vocabulary, "Madrid")
    story = add_story(site_tree, vocabulary, madrid, "Madrid story", slug="madrid-story")
    others = [add_member(site_tree, vocabulary, f"Member {n}") for n in range(8)]

    def fill(count):
        key = "render/madrid-story"
        story.key_figures = blocks.key_figures(
            f"{key}/figures",
            [
                {
                    "label": f"Figure {n}",
                    "value_before": "1",
                    "value_after": "2",
                    "source": "Register",
                }
                for n in range(count)
            ],
        )
        story.sources = blocks.sources(
            f"{key}/sources",
            [{"title": f"Source {n}", "url": "https://example.org"} for n in range(count)],
        )
        story.body = blocks.body(
            key,
            [
                {"type": "image", "image": factories.ImageFactory(), "alt_text": "A chart"}
                for _n in range(count)
            ],
        )
        story.save_revision().publish()

    fill(2)
    for member in others[:2]:
        add_story(site_tree, vocabulary, member, f"Similar {member.title}")

    def grow():
        fill(8)
        for member in others[2:]:
            add_story(site_tree, vocabulary, member, f"Similar {member.title}")

    before, after = queries_as_items_grow(client, grow, "/en/stories/madrid-story/")
    assert after == before


@pytest.mark.django_db
def test_knowledge_product_queries_do_not_grow_with_files_and_related_pages(
    client, site_tree, vocabulary
):
    product = add_product(site_tree, "Guide", slug="guide")
    members = [add_member(site_tree, vocabulary, f"Member {n}") for n in range(8)]
    stories = [add_story(site_tree, vocabulary, m, f"Story {m.title}") for m in members]

    def fill(count):
        add_knowledge_files(product, count)
        product.related_members.set(members[:count])
        product.related_stories.set(stories[:count])
        product.save_revision().publish()

    fill(2)

    before, after = queries_as_items_grow(client, lambda: fill(8), "/en/knowledge/guide/")
    assert after == before


@pytest.mark.django_db
def test_training_module_and_lesson_queries_do_not_grow_with_lessons(client, site_tree):
    module = add_module(site_tree, "Basics", slug="basics", lessons=2)
    prerequisites = [add_module(site_tree, f"Before {n}") for n in range(8)]
    products = [add_product(site_tree, f"Read {n}") for n in range(8)]

    def fill(count):
        module.lessons = numbered_lessons("render/basics", count)
        module.prerequisites.set(prerequisites[:count])
        module.related_knowledge.set(products[:count])
        module.save_revision().publish()

    fill(2)

    def grow():
        fill(8)

    lesson = "/en/training/basics/lessons/2/?answer=1"
    before, after = queries_as_items_grow(client, grow, "/en/training/basics/", lesson)
    assert after == before
