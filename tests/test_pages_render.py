"""Every public page type renders for visitors: its key content, listing filters with counts, a
lesson question that works without JavaScript, language and direction, nothing the Content
Security Policy would block, and a number of queries that does not grow with the content."""

import re
from decimal import Decimal

import pytest
import wagtail_factories
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import FeaturedStory
from tests import factories

# Executable inline scripts and style attributes are what the CSP forbids; JSON-LD is data.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)


def html_of(client, url):
    """The page's HTML, checked to be a successful answer."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, so no entry from another test's pages is reused."""
    cache.clear()


def warm_query_count(client, url):
    """Queries of a repeat visit (a first visit creates image renditions, as in production)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(queries.captured_queries)


def assert_csp_safe(html):
    """No inline executable script and no style attribute anywhere in the page."""
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html).group(0)
    assert not STYLE_ATTRIBUTE.search(html), STYLE_ATTRIBUTE.search(html).group(0)


# --- content builders ------------------------------------------------------------------------


@pytest.fixture
def vocabulary(locales):
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


def lesson(title, with_question=True):
    """A lesson value; its question's right answer is the second choice."""
    question = {}
    if with_question:
        question = {
            "prompt": "Who co-creates a local action plan?",
            "choices": [
                {"text": "The mayor alone", "correct": False},
                {"text": "Government and civil society together", "correct": True},
                {"text": "An outside consultant", "correct": False},
            ],
            "explanation": "Co-creation means civil society shapes the plan with government.",
        }
    return ("lesson", {"title": title, "body": f"<p>{title} body.</p>", "question": question})


def add_module(site_tree, title, lessons=2, **kwargs):
    """A training module with numbered lessons, each with a question."""
    return factories.TrainingModulePageFactory(
        parent=site_tree["training"],
        title=title,
        lessons=[lesson(f"Lesson {n}") for n in range(1, lessons + 1)],
        learning_objectives=[("objective", "Explain what an action plan is")],
        **kwargs,
    )


# --- every page type renders its key content ----------------------------------------------------


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
        body=[
            ("heading", {"text": "Who we are", "level": "h2"}),
            ("paragraph", "<p>We are local governments.</p>"),
            ("quote", {"quote": "Open by default.", "attribution": "A mayor"}),
            ("callout", {"title": "Good to know", "text": "<p>Anyone can join.</p>"}),
            ("key_figure", {"value": "105", "unit": "", "label": "members"}),
            ("embed", "https://www.youtube.com/watch?v=abcdefghijk"),
        ],
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
    assert 'role="img"' in html and '<title id="member-map-title">' in html
    assert html.count('class="member-map__dot"') == 3
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
        contacts=[("contact", {"name": "Transparency office", "email": "open@example.org"})],
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
        key_figures=[
            (
                "figure",
                {
                    "label": "Registered lobbies",
                    "value_before": "0",
                    "value_after": "600+",
                    "unit": "organisations",
                    "source": "City register",
                },
            )
        ],
        sources=[("source", {"title": "The register", "url": "https://example.org/register"})],
        body=[("paragraph", "<p>How the register works.</p>")],
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


@pytest.mark.django_db
def test_knowledge_product_shows_files_with_their_language_and_a_citation(client, site_tree):
    add_product(
        site_tree,
        "Open contracting guide",
        slug="open-contracting",
        authors="Open Cities team",
        external_url="",
        files=[
            (
                "file",
                {
                    "document": wagtail_factories.DocumentFactory(),
                    "language": "es",
                    "label": "Guía completa",
                },
            ),
        ],
    )

    html = html_of(client, "/en/knowledge/open-contracting/")

    assert 'hreflang="es"' in html and "Guía completa" in html
    assert '<span lang="es">Español</span>' in html
    assert "Open Cities team (2024). Open contracting guide." in html
    assert_csp_safe(html)


@pytest.mark.django_db
def test_knowledge_product_without_files_links_out(client, site_tree):
    add_product(
        site_tree, "Open data toolkit", slug="toolkit", external_url="https://example.org/t"
    )

    html = html_of(client, "/en/knowledge/toolkit/")

    assert 'href="https://example.org/t" rel="external"' in html


@pytest.mark.django_db
def test_knowledge_index_counts_products_per_kind_and_file_language(client, site_tree):
    add_product(site_tree, "A guide", kind="guide")
    add_product(site_tree, "A toolkit", kind="toolkit")
    add_product(
        site_tree,
        "A report",
        kind="research_report",
        files=[
            (
                "file",
                {
                    "document": wagtail_factories.DocumentFactory(),
                    "language": "fr",
                    "label": "Rapport",
                },
            )
        ],
    )

    html = html_of(client, "/en/knowledge/")

    assert re.search(r"Guide <span class=\"filters__count\">\(1\)</span>", html)
    assert re.search(r"Français <span class=\"filters__count\">\(1\)</span>", html)
    assert "A guide" in html and "A toolkit" in html and "A report" in html
    assert_csp_safe(html)


@pytest.mark.django_db
def test_training_index_shows_a_track_per_audience_with_modules_in_order(client, site_tree):
    add_module(site_tree, "Second step", track_order=2)
    add_module(site_tree, "First step", track_order=1)
    add_module(site_tree, "For stakeholders", audience="stakeholders")

    html = html_of(client, "/en/training/")

    assert "Civil servants" in html and "Non-governmental stakeholders" in html
    assert html.index("First step") < html.index("Second step")
    assert 'data-progress-module="' in html
    assert_csp_safe(html)


@pytest.mark.django_db
def test_training_module_lists_objectives_and_links_each_lesson(client, site_tree):
    add_module(site_tree, "Basics", slug="basics", lessons=3)

    html = html_of(client, "/en/training/basics/")

    assert "Explain what an action plan is" in html
    for number in (1, 2, 3):
        assert f'href="/en/training/basics/lessons/{number}/">Lesson {number}</a>' in html
    assert "Start the first lesson" in html
    assert_csp_safe(html)


@pytest.mark.django_db
def test_lesson_shows_its_question_as_a_form_with_previous_and_next(client, site_tree):
    add_module(site_tree, "Basics", slug="basics", lessons=3)

    html = html_of(client, "/en/training/basics/lessons/2/")

    assert "<h1>Lesson 2</h1>" in html and "Lesson 2 of 3" in html
    assert 'method="get"' in html and html.count('type="radio"') == 3
    assert 'href="/en/training/basics/lessons/1/" rel="prev"' in html
    assert 'href="/en/training/basics/lessons/3/" rel="next"' in html
    assert "feedback--" not in html, "no verdict before an answer"
    assert_csp_safe(html)


@pytest.mark.django_db
def test_lesson_answer_sent_without_javascript_says_it_is_correct(client, site_tree):
    add_module(site_tree, "Basics", slug="basics")

    html = html_of(client, "/en/training/basics/lessons/1/?answer=1")

    assert "feedback feedback--correct" in html
    assert '<p class="feedback__verdict">Correct.</p>' in html
    assert "Co-creation means civil society shapes the plan" in html
    assert re.search(r'value="1"\s+required\s+checked', html)


@pytest.mark.django_db
def test_lesson_wrong_answer_without_javascript_shows_the_right_one(client, site_tree):
    add_module(site_tree, "Basics", slug="basics")

    html = html_of(client, "/en/training/basics/lessons/1/?answer=2")

    assert "feedback feedback--incorrect" in html
    assert "<strong>Government and civil society together</strong>" in html


@pytest.mark.django_db
@pytest.mark.parametrize("answer", ["9", "abc", "-1", ""])
def test_lesson_nonsense_answer_asks_to_choose_instead_of_failing(client, site_tree, answer):
    add_module(site_tree, "Basics", slug="basics")

    html = html_of(client, f"/en/training/basics/lessons/1/?answer={answer}")

    assert "Choose one of the answers, then check it." in html


@pytest.mark.django_db
def test_lesson_beyond_the_last_is_a_404_in_the_visitors_language(client, site_tree):
    add_module(site_tree, "Basics", slug="basics")

    response = client.get("/en/training/basics/lessons/9/")

    assert response.status_code == 404
    assert b"This module has no lesson 9." in response.content
    assert_csp_safe(response.content.decode())


@pytest.mark.django_db
def test_unknown_page_is_a_404_page_with_search_and_a_way_home(client, site_tree):
    response = client.get("/en/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in html
    assert 'action="/en/search/"' in html and 'href="/en/"' in html
    assert_csp_safe(html)


@pytest.mark.django_db
def test_arabic_pages_are_right_to_left(client, site_tree):
    arabic_home = site_tree["home"].copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic_home.save_revision().publish()

    html = html_of(client, "/ar/")

    assert '<html lang="ar" dir="rtl">' in html
    assert '<a class="skip-link" href="#main">' in html


# --- query counts are pinned and do not grow with the number of items ----------------------------


def add_knowledge_files(product, count):
    """Give a product `count` files, each its own document."""
    product.files = [
        (
            "file",
            {
                "document": wagtail_factories.DocumentFactory(),
                "language": "en",
                "label": f"File {n}",
            },
        )
        for n in range(count)
    ]
    product.save_revision().publish()


@pytest.mark.django_db
def test_story_index_queries_do_not_grow_with_stories(client, site_tree, vocabulary):
    members = [add_member(site_tree, vocabulary, f"Member {n}") for n in range(8)]
    for member in members[:2]:
        add_story(site_tree, vocabulary, member, f"Story of {member.title}")
    with_two = warm_query_count(client, "/en/stories/")
    for member in members[2:]:
        add_story(site_tree, vocabulary, member, f"Story of {member.title}")
    with_eight = warm_query_count(client, "/en/stories/")

    assert with_eight == with_two
    assert with_eight <= STORY_INDEX_QUERIES


@pytest.mark.django_db
def test_member_directory_queries_do_not_grow_with_members(client, site_tree, vocabulary):
    for n in range(2):
        add_member(site_tree, vocabulary, f"Member {n}", country=("spain", "ghana")[n % 2])
    with_two = warm_query_count(client, "/en/members/")
    for n in range(2, 8):
        add_member(site_tree, vocabulary, f"Member {n}", country=("spain", "ghana")[n % 2])
    with_eight = warm_query_count(client, "/en/members/")

    assert with_eight == with_two
    assert with_eight <= MEMBER_INDEX_QUERIES


@pytest.mark.django_db
def test_knowledge_index_queries_do_not_grow_with_products(client, site_tree):
    for n in range(2):
        add_product(site_tree, f"Product {n}", image=factories.ImageFactory(), image_alt="Cover")
    with_two = warm_query_count(client, "/en/knowledge/")
    for n in range(2, 8):
        add_product(site_tree, f"Product {n}", image=factories.ImageFactory(), image_alt="Cover")
    with_eight = warm_query_count(client, "/en/knowledge/")

    assert with_eight == with_two
    assert with_eight <= KNOWLEDGE_INDEX_QUERIES


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
    with_two = warm_query_count(client, "/ar/stories/")
    for member in members[2:]:
        add_story(site_tree, vocabulary, member, f"Story of {member.title}")
    with_eight = warm_query_count(client, "/ar/stories/")

    assert with_eight == with_two
    assert with_eight <= TRANSLATED_STORY_INDEX_QUERIES


@pytest.mark.django_db
def test_training_index_queries_do_not_grow_with_modules(client, site_tree):
    for n in range(2):
        add_module(site_tree, f"Module {n}", track_order=n)
    with_two = warm_query_count(client, "/en/training/")
    for n in range(2, 8):
        add_module(site_tree, f"Module {n}", track_order=n)
    with_eight = warm_query_count(client, "/en/training/")

    assert with_eight == with_two
    assert with_eight <= TRAINING_INDEX_QUERIES


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
    with_two = warm_query_count(client, "/en/")
    feature(6)
    for n in range(1, 4):
        add_product(site_tree, f"Product {n}")
        add_module(site_tree, f"Module {n}")
    with_more = warm_query_count(client, "/en/")

    assert with_more == with_two
    assert with_more <= HOME_QUERIES


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
        madrid.contacts = [("contact", {"name": f"Office {n}"}) for n in range(count)]
        madrid.save_revision().publish()
        while len(madrid_stories) < count:
            madrid_stories.append(
                add_story(site_tree, vocabulary, madrid, f"Story {len(madrid_stories)}")
            )

    madrid_stories = []
    fill(2)
    with_two = warm_query_count(client, "/en/members/madrid/")
    fill(8)
    with_eight = warm_query_count(client, "/en/members/madrid/")

    assert with_eight == with_two
    assert with_eight <= MEMBER_PROFILE_QUERIES


@pytest.mark.django_db
def test_story_queries_do_not_grow_with_figures_sources_and_similar_stories(
    client, site_tree, vocabulary
):
    madrid = add_member(site_tree, vocabulary, "Madrid")
    story = add_story(site_tree, vocabulary, madrid, "Madrid story", slug="madrid-story")
    others = [add_member(site_tree, vocabulary, f"Member {n}") for n in range(8)]

    def fill(count):
        story.key_figures = [
            (
                "figure",
                {
                    "label": f"Figure {n}",
                    "value_before": "1",
                    "value_after": "2",
                    "unit": "",
                    "source": "Register",
                },
            )
            for n in range(count)
        ]
        story.sources = [
            ("source", {"title": f"Source {n}", "url": "https://example.org"}) for n in range(count)
        ]
        story.body = [
            ("image", {"image": factories.ImageFactory(), "alt_text": "A chart", "caption": ""})
            for _n in range(count)
        ]
        story.save_revision().publish()

    fill(2)
    for member in others[:2]:
        add_story(site_tree, vocabulary, member, f"Similar {member.title}")
    with_two = warm_query_count(client, "/en/stories/madrid-story/")
    fill(8)
    for member in others[2:]:
        add_story(site_tree, vocabulary, member, f"Similar {member.title}")
    with_eight = warm_query_count(client, "/en/stories/madrid-story/")

    assert with_eight == with_two
    assert with_eight <= STORY_QUERIES


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
    with_two = warm_query_count(client, "/en/knowledge/guide/")
    fill(8)
    with_eight = warm_query_count(client, "/en/knowledge/guide/")

    assert with_eight == with_two
    assert with_eight <= KNOWLEDGE_PRODUCT_QUERIES


@pytest.mark.django_db
def test_training_module_and_lesson_queries_do_not_grow_with_lessons(client, site_tree):
    module = add_module(site_tree, "Basics", slug="basics", lessons=2)
    prerequisites = [add_module(site_tree, f"Before {n}") for n in range(8)]
    products = [add_product(site_tree, f"Read {n}") for n in range(8)]

    def fill(count):
        module.lessons = [lesson(f"Lesson {n}") for n in range(1, count + 1)]
        module.prerequisites.set(prerequisites[:count])
        module.related_knowledge.set(products[:count])
        module.save_revision().publish()

    fill(2)
    overview_two = warm_query_count(client, "/en/training/basics/")
    lesson_two = warm_query_count(client, "/en/training/basics/lessons/2/?answer=1")
    fill(8)
    overview_eight = warm_query_count(client, "/en/training/basics/")
    lesson_eight = warm_query_count(client, "/en/training/basics/lessons/2/?answer=1")

    assert overview_eight == overview_two
    assert lesson_eight == lesson_two
    assert overview_eight <= TRAINING_MODULE_QUERIES
    assert lesson_eight <= TRAINING_LESSON_QUERIES


@pytest.mark.django_db
def test_pinned_query_budgets_hold_for_each_page_type(
    client, site_tree, vocabulary, django_assert_max_num_queries
):
    madrid = add_member(site_tree, vocabulary, "Madrid", slug="madrid")
    add_story(site_tree, vocabulary, madrid, "Madrid story", slug="madrid-story")
    add_product(site_tree, "Guide", slug="guide")
    add_module(site_tree, "Basics", slug="basics")
    factories.StandardPageFactory(parent=site_tree["home"], title="About", slug="about")
    budgets = {
        "/en/": HOME_QUERIES,
        "/en/about/": STANDARD_PAGE_QUERIES,
        "/en/stories/": STORY_INDEX_QUERIES,
        "/en/stories/madrid-story/": STORY_QUERIES,
        "/en/members/": MEMBER_INDEX_QUERIES,
        "/en/members/madrid/": MEMBER_PROFILE_QUERIES,
        "/en/knowledge/": KNOWLEDGE_INDEX_QUERIES,
        "/en/knowledge/guide/": KNOWLEDGE_PRODUCT_QUERIES,
        "/en/training/": TRAINING_INDEX_QUERIES,
        "/en/training/basics/": TRAINING_MODULE_QUERIES,
        "/en/training/basics/lessons/1/": TRAINING_LESSON_QUERIES,
    }
    for url, budget in budgets.items():
        client.get(url)
        with django_assert_max_num_queries(budget):
            html = html_of(client, url)
        assert re.search(r'<html lang="en" dir="ltr">', html), url
        assert_csp_safe(html)


# Measured on SQLite and PostgreSQL; a page that needs more has gained a per-item query.
HOME_QUERIES = 29
STANDARD_PAGE_QUERIES = 17
STORY_INDEX_QUERIES = 34
TRANSLATED_STORY_INDEX_QUERIES = 39
STORY_QUERIES = 37
MEMBER_INDEX_QUERIES = 25
MEMBER_PROFILE_QUERIES = 28
KNOWLEDGE_INDEX_QUERIES = 27
KNOWLEDGE_PRODUCT_QUERIES = 32
TRAINING_INDEX_QUERIES = 19
TRAINING_MODULE_QUERIES = 23
TRAINING_LESSON_QUERIES = 19
