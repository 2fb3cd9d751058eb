"""Without JavaScript: reading a story, filtering a listing, changing language, searching,
answering a lesson question, filtering events and taking an event's calendar file, sharing,
sending the join form and reaching the statements all work as plain HTML links and forms."""

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


def test_events_filter_and_an_event_offers_its_calendar_file_without_javascript(browser_site, tab):
    tab.goto(browser_site.url("events"))
    tab.get_by_role("checkbox", name=re.compile("^Learning circle")).check()
    tab.get_by_role("button", name="Apply filters").click()
    tab.wait_for_url(re.compile(r"kind=learning_circle"))
    cards = " ".join(tab.locator(".cards").all_inner_texts())
    assert "Learning circle on open contracting" in cards
    assert "open data walk" not in cards
    tab.get_by_role("link", name="Learning circle on open contracting").click()
    tab.wait_for_url(browser_site.url("circle"))
    # The event's own time zone is written in the page; the visitor's needs the script.
    when = tab.locator(".facts").inner_text()
    assert re.search(r"\bCES?T\b", when) and re.search(r"UTC\+0[12]:00", when), when
    calendar = tab.get_by_role("link", name="Add to calendar")
    assert calendar.get_attribute("href").endswith("/calendar/")


def test_share_links_are_plain_links_and_script_only_buttons_stay_hidden(browser_site, tab):
    tab.goto(browser_site.url("circle"))
    share = tab.locator("section.share")
    for name in ["E-mail", "LinkedIn", "X", "Facebook", "WhatsApp"]:
        assert share.get_by_role("link", name=name, exact=True).is_visible(), name
    assert not share.get_by_role("button", name="Copy link").is_visible()
    assert not share.get_by_role("button", name="More ways to share").is_visible()
    share.get_by_label("Mastodon: your server").fill("mastodon.social")
    share.get_by_role("button", name="Share on Mastodon").click()
    tab.wait_for_url(re.compile(r"/en/share/mastodon/\?"))
    link = tab.get_by_role("link", name="Continue to mastodon.social")
    assert link.get_attribute("href").startswith("https://mastodon.social/share?text=")


def test_the_join_form_is_sent_without_javascript(browser_site, tab):
    tab.goto(browser_site.base_url + "/es/join-us/")
    tab.get_by_label("Nombre del gobierno", exact=True).fill("Municipio sin guion")
    tab.get_by_label("Tipo de gobierno", exact=True).select_option("city")
    tab.get_by_label("País", exact=True).select_option(label="España")
    tab.get_by_label("Persona de contacto", exact=True).fill("Luis Gómez")
    tab.get_by_label("Cargo", exact=True).fill("Alcalde")
    tab.get_by_label("Correo electrónico", exact=True).fill("luis.gomez@example.org")
    tab.get_by_role("checkbox", name=re.compile("^Acepto")).check()
    tab.wait_for_timeout(3_200)  # longer than the minimum fill time, as a person takes
    tab.get_by_role("button", name="Enviar").click()
    tab.wait_for_url(re.compile(r"/es/join-us/thanks/$"))
    assert tab.get_by_role("heading", level=1).inner_text() == "Gracias"


def test_the_statements_are_linked_from_the_footer_without_javascript(browser_site, tab):
    tab.goto(browser_site.url("home", "ar"))
    footer = tab.locator("footer.site-footer")
    footer.get_by_role("link", name="إشعار الخصوصية").click()
    tab.wait_for_url(browser_site.url("privacy", "ar"))
    assert tab.get_by_role("heading", level=1).inner_text() == "إشعار الخصوصية"
