"""Without JavaScript: reading a story, filtering a listing, changing language, searching and
answering a lesson question all work as plain HTML links and forms."""

import re

import pytest

from tests.browser.site import SEARCH_WORDS


@pytest.fixture
def tab(open_page):
    """A phone-sized tab with JavaScript turned off."""
    return open_page(width=360, height=740, javascript=False)


def test_a_story_reads_fully_without_javascript(browser_site, tab):
    response = tab.goto(browser_site.url("story"))
    assert response.status == 200
    assert tab.evaluate("document.documentElement.classList.contains('js')") is False
    assert tab.get_by_role("heading", level=1).inner_text() == "Madrid opens a lobby registry"
    assert tab.get_by_role("heading", name="What changed").is_visible()
    assert tab.get_by_text("Registered lobbies").is_visible()
    hero = tab.locator(".hero-image img")
    assert hero.get_attribute("alt") == "Councillors seated in Madrid's council chamber"
    assert hero.evaluate("image => image.complete && image.naturalWidth > 0")
    # The menu is simply shown, with no Menu button that would need a script.
    assert tab.locator("#site-nav .main-menu").is_visible()
    assert not tab.locator("[data-menu-button]").is_visible()


def test_a_listing_filters_with_its_form_without_javascript(browser_site, tab):
    tab.goto(browser_site.url("stories"))
    assert tab.locator("details[data-filters]").get_attribute("open") is not None
    tab.get_by_role("checkbox", name=re.compile("Anti-corruption")).check()
    tab.get_by_role("button", name="Apply filters").click()
    tab.wait_for_url(re.compile(r"policy_area=anti-corruption"))
    titles = " ".join(tab.locator(".cards").all_inner_texts())
    assert "Madrid opens a lobby registry" in titles
    assert "Abuja brings citizens into public contracting" in titles
    assert "Buenos Aires counts those often left out" not in titles
    shown = tab.locator(".cards > li").count()
    assert tab.get_by_role("heading", name=f"{shown} results").is_visible()


def test_the_language_switcher_works_without_javascript(browser_site, tab):
    tab.goto(browser_site.url("story"))
    tab.locator(".language-switcher a[hreflang='es']").click()
    tab.wait_for_url(browser_site.url("story", "es"))
    assert tab.get_attribute("html", "lang") == "es"
    assert tab.get_by_role("heading", level=1).inner_text() == "Madrid abre un registro de lobbies"
    tab.locator(".language-switcher a[hreflang='ar']").click()
    tab.wait_for_url(browser_site.url("story", "ar"))
    assert tab.get_attribute("html", "dir") == "rtl"


def test_search_and_its_facets_work_without_javascript(browser_site, tab):
    tab.goto(browser_site.url("home"))
    tab.get_by_role("searchbox", name="Search the site").fill(SEARCH_WORDS["en"])
    tab.get_by_role("button", name="Search", exact=True).first.click()
    tab.wait_for_url(re.compile(r"/en/search/\?q=lobby"))
    results = tab.locator(".search-results .search-result__title")
    assert "Madrid opens a lobby registry" in results.all_inner_texts()
    total_before = results.count()
    assert total_before >= 2  # the story and the knowledge product
    facets = tab.locator(".search-page__facets")
    facets.get_by_role("checkbox", name=re.compile("Reform stor")).check()
    facets.get_by_role("button", name="Apply").click()
    tab.wait_for_url(re.compile(r"q=lobby.*&"))
    titles = results.all_inner_texts()
    assert "Madrid opens a lobby registry" in titles
    assert "Lobby registers for local governments" not in titles
    tab.get_by_role("link", name="Madrid opens a lobby registry").click()
    tab.wait_for_url(browser_site.url("story"))


def test_a_lesson_question_is_answered_without_javascript(browser_site, tab):
    tab.goto(browser_site.url("lesson-2"))
    tab.get_by_role("radio", name="Only council members").check()
    tab.get_by_role("button", name="Check my answer").click()
    tab.wait_for_url(re.compile(r"answer=1"))
    feedback = tab.locator("[data-feedback]")
    assert "Not quite" in feedback.inner_text()
    assert "Everyone" in feedback.inner_text()
    tab.get_by_role("radio", name="Everyone").check()
    tab.get_by_role("button", name="Check my answer").click()
    tab.wait_for_url(re.compile(r"answer=0"))
    assert feedback.inner_text().strip() == "Correct."
    assert tab.get_by_text("Open decisions can be read by anyone.").is_visible()
    tab.get_by_role("link", name="Next lesson").click()
    tab.wait_for_url(re.compile(r"/lessons/3/$"))
