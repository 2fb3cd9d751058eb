"""Listings and detail pages show their key content: home figures and featured stories, member
directory grouped by country with its map and filter counts, member profiles, stories with their
figures and similar reforms, story listings with counts, pagination and language badges."""

import re

import pytest
from wagtail.models import Locale

from demo.loading import blocks
from home.models import FeaturedStory
from tests import factories
from tests.page_builders import (
    add_member,
    add_module,
    add_product,
    add_story,
    assert_csp_safe,
    html_of,
)


@pytest.mark.django_db
def test_home_page_shows_hero_figures_featured_stories_knowledge_training_and_join(
    client, site_tree, vocabulary
):
    home = site_tree["home"]
    join = factories.StandardPageFactory(parent=home, title="Join the partnership")
    home.join_title = "Join us"
    home.join_page = join
    home.save_revision().publish()
    madrid = add_member(site_tree, vocabulary, "Madrid")
    story = add_story(site_tree, vocabulary, madrid, "Madrid opens its lobby register")
    FeaturedStory.objects.create(page=home, story=story, sort_order=0)
    add_product(site_tree, "Open contracting guide")
    add_module(site_tree, "Basics for civil servants")

    html = html_of(client, "/en/")

    assert "Open local government" in html
    assert re.search(r"<dd>\s*1\s*</dd>", html), "figures are computed from the content"
    assert "Madrid opens its lobby register" in html
    assert "Open contracting guide" in html
    assert "Basics for civil servants" in html
    assert 'href="/en/join-the-partnership/"' in html
    assert_csp_safe(html)


@pytest.mark.django_db
def test_standard_page_shows_its_body(client, site_tree):
    factories.StandardPageFactory(
        parent=site_tree["home"],
        title="About us",
        slug="about",
        body=blocks.body(
            "content/about",
            [
                {"type": "heading", "text": "Who we are"},
                {"type": "paragraph", "text": "We are local governments."},
                {"type": "quote", "quote": "Open by default.", "attribution": "A mayor"},
                {"type": "callout", "title": "Good to know", "text": "Anyone can join."},
                {"type": "key_figure", "value": "105", "label": "members"},
                {"type": "embed", "url": "https://www.youtube.com/watch?v=abcdefghijk"},
            ],
        ),
    )

    html = html_of(client, "/en/about/")

    assert "<h1>About us</h1>" in html
    assert "<h2>Who we are</h2>" in html
    assert "We are local governments." in html
    assert "A mayor" in html and 'role="note"' in html
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/abcdefghijk"' in html
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk"' in html
    assert "<iframe" not in html, "the player loads only when asked for"
    assert_csp_safe(html)


@pytest.mark.django_db
def test_member_directory_groups_members_by_country_with_a_map_and_filter_counts(
    client, site_tree, vocabulary
):
    add_member(site_tree, vocabulary, "Madrid")
    add_member(site_tree, vocabulary, "Bilbao", kind="municipality")
    add_member(site_tree, vocabulary, "Shama", country="ghana", kind="district")

    html = html_of(client, "/en/members/")

    assert re.search(r"<h4>\s*Ghana <span[^>]*>\(1\)</span>", html)
    assert re.search(r"<h4>\s*Spain <span[^>]*>\(2\)</span>", html)
    assert html.index("Africa and Middle East") < html.index("Europe</h3>")
    assert 'role="group"' in html and '<title id="member-map-title">' in html
    # The builders place every member at the same point, so the map draws one cluster of three.
    assert html.count('class="member-map__dot"') == 1
    assert 'aria-label="3 members: Bilbao, Madrid, Shama"' in html
    assert re.search(r"Europe <span class=\"filters__count\">\(2\)</span>", html)
    assert re.search(r"District <span class=\"filters__count\">\(1\)</span>", html)
    assert_csp_safe(html)


@pytest.mark.django_db
def test_member_directory_filtered_by_region_shows_the_chosen_filter_as_a_removable_chip(
    client, site_tree, vocabulary
):
    add_member(site_tree, vocabulary, "Madrid")
    add_member(site_tree, vocabulary, "Shama", country="ghana")

    html = html_of(client, "/en/members/?region=africa-middle-east")

    assert "Shama" in html and "Madrid" not in html
    assert 'class="chip" href="?"' in html
    assert "Region: Africa and Middle East" in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.django_db
def test_member_profile_shows_facts_plans_commitments_contacts_and_its_stories(
    client, site_tree, vocabulary
):
    madrid = add_member(
        site_tree,
        vocabulary,
        "Madrid",
        slug="madrid",
        official_name="Ayuntamiento de Madrid",
        population=3300000,
        website="https://www.madrid.es",
        contacts=blocks.contacts(
            "content/madrid", [{"name": "Transparency office", "email": "open@example.org"}]
        ),
    )
    plan = factories.ActionPlanFactory(
        page=madrid, title="Action plan 2021-2023", url="https://example.org/plan"
    )
    factories.CommitmentFactory(
        page=madrid,
        action_plan=plan,
        code="MAD0001",
        title="Open the lobby register",
        policy_areas=[vocabulary["lobbying"]],
        status="completed",
        starred=True,
    )
    add_story(site_tree, vocabulary, madrid, "Madrid opens its lobby register")

    html = html_of(client, "/en/members/madrid/")

    assert "Ayuntamiento de Madrid" in html
    assert "3,300,000" in html
    assert "Action plan 2021-2023" in html and "1 of 1 commitment completed" in html
    assert 'id="commitment-MAD0001"' in html and "Starred commitment" in html
    assert "Lobbying" in html
    assert "open@example.org" in html
    assert "Madrid opens its lobby register" in html
    assert_csp_safe(html)


@pytest.mark.django_db
def test_story_page_shows_member_badges_status_figures_sources_codes_and_similar_reforms(
    client, site_tree, vocabulary
):
    madrid = add_member(site_tree, vocabulary, "Madrid", slug="madrid")
    shama = add_member(site_tree, vocabulary, "Shama", country="ghana")
    add_story(
        site_tree,
        vocabulary,
        madrid,
        "Madrid opens its lobby register",
        slug="madrid-lobby",
        status="completed",
        start_year=2017,
        end_year=2019,
        commitment_codes="MAD0001",
        key_figures=blocks.key_figures(
            "content/madrid-lobby/figures",
            [
                {
                    "label": "Registered lobbies",
                    "value_before": "0",
                    "value_after": "600+",
                    "unit": "organisations",
                    "source": "City register",
                }
            ],
        ),
        sources=blocks.sources(
            "content/madrid-lobby/sources",
            [{"title": "The register", "url": "https://example.org/register"}],
        ),
        body=blocks.paragraphs("content/madrid-lobby", "How the register works."),
    )
    add_story(site_tree, vocabulary, shama, "Shama budgets with its residents")

    html = html_of(client, "/en/stories/madrid-lobby/")

    assert 'href="/en/members/madrid/"' in html
    assert 'class="sdg sdg-16"' in html
    assert 'href="/en/stories/?policy_area=lobbying"' in html
    assert "Completed" in html and "2017 to 2019" in html
    assert "<bdi>0</bdi>" in html and "<bdi>600+</bdi>" in html and "City register" in html
    assert "How the register works." in html
    assert 'href="https://example.org/register"' in html
    assert 'href="/en/members/madrid/#commitment-MAD0001"' in html
    assert "Members who did similar reforms" in html
    assert "Shama budgets with its residents" in html
    assert "<picture>" in html and "image/avif" in html
    assert_csp_safe(html)


@pytest.mark.django_db
def test_story_index_shows_cards_and_counts_next_to_every_filter_option(
    client, site_tree, vocabulary
):
    madrid = add_member(site_tree, vocabulary, "Madrid")
    shama = add_member(site_tree, vocabulary, "Shama", country="ghana")
    add_story(site_tree, vocabulary, madrid, "Madrid opens its lobby register", status="completed")
    add_story(site_tree, vocabulary, shama, "Shama budgets with its residents")

    html = html_of(client, "/en/stories/")

    assert "Madrid opens its lobby register" in html and "Shama budgets" in html
    assert re.search(r"Lobbying <span class=\"filters__count\">\(2\)</span>", html)
    assert re.search(r"Completed <span class=\"filters__count\">\(1\)</span>", html)
    assert re.search(r"In progress <span class=\"filters__count\">\(1\)</span>", html)
    assert re.search(r"\b2 results", html)
    assert '<form class="filters__form" method="get" action="/en/stories/">' in html
    assert '<select id="listing-sort" name="sort">' in html
    assert_csp_safe(html)


@pytest.mark.django_db
def test_story_index_filtered_to_nothing_says_so_and_offers_to_clear(client, site_tree, vocabulary):
    add_story(site_tree, vocabulary, add_member(site_tree, vocabulary, "Madrid"), "Madrid story")

    html = html_of(client, "/en/stories/?status=planned")

    assert "Nothing matches these filters." in html
    assert 'href="/en/stories/">see everything</a>' in html


@pytest.mark.django_db
def test_listing_pagination_keeps_the_chosen_filters(client, site_tree, vocabulary, settings):
    settings.LISTING_PAGE_SIZE = 2
    madrid = add_member(site_tree, vocabulary, "Madrid")
    for n in range(5):
        add_story(site_tree, vocabulary, madrid, f"Story {n}")

    html = html_of(client, "/en/stories/?policy_area=lobbying")

    assert 'href="?policy_area=lobbying&amp;page=2"' in html
    assert 'rel="next"' in html
    assert "page 1 of 3" in html


@pytest.mark.django_db
def test_translated_story_index_badges_untranslated_stories_with_their_language(
    client, site_tree, vocabulary
):
    madrid = add_member(site_tree, vocabulary, "Madrid")
    add_story(site_tree, vocabulary, madrid, "Madrid opens its lobby register")
    arabic_index = site_tree["stories"].copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    arabic_index.save_revision().publish()

    html = html_of(client, "/ar/stories/")

    assert '<html lang="ar" dir="rtl">' in html
    assert re.search(r'<a href="[^"]+"\s+lang="en" dir="ltr">Madrid opens its lobby register', html)
    assert 'class="badge badge--language"' in html
