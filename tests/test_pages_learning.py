"""Knowledge products, training modules and lessons render their content (files with their
language, citations, tracks, a lesson question that works without JavaScript), errors are pages in
the visitor's language, and Arabic pages read right to left."""

import re

import pytest
import wagtail_factories
from wagtail.models import Locale

from demo.loading import blocks
from tests.page_builders import (
    add_module,
    add_product,
    assert_csp_safe,
    html_of,
)


@pytest.mark.django_db
def test_knowledge_product_shows_files_with_their_language_and_a_citation(client, site_tree):
    add_product(
        site_tree,
        "Open contracting guide",
        slug="open-contracting",
        authors="Open Cities team",
        external_url="",
        files=blocks.files(
            "learning/open-contracting",
            [
                {
                    "document": wagtail_factories.DocumentFactory(),
                    "language": "es",
                    "label": "Guía completa",
                }
            ],
        ),
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
        files=blocks.files(
            "learning/report",
            [
                {
                    "document": wagtail_factories.DocumentFactory(),
                    "language": "fr",
                    "label": "Rapport",
                }
            ],
        ),
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
