"""Accessibility in a real browser: axe-core finds nothing on any page type in English and
Arabic, and the main menu, language switcher, listing filters and search combobox work from the
keyboard alone with a visible focus indicator."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.site import SEARCH_WORDS, page_type_paths

AXE = Axe()

# Whether the focused element shows where focus is: an outline or a ring drawn with box-shadow.
FOCUS_IS_VISIBLE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return false;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow && style.boxShadow !== "none";
    return element.matches(":focus-visible") && (outline || Boolean(ring));
}"""


def axe_violations(tab):
    """axe-core's violations on the loaded page, as short readable lines."""
    results = AXE.run(tab)
    lines = []
    for violation in results.response["violations"]:
        targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return lines


def listing_paths(site, language):
    """Listings and search results with filters applied."""
    return {
        "story-index-filtered": site.path("stories", language)
        + "?policy_area=anti-corruption&status=completed",
        "member-index-filtered": site.path("members", language) + "?region=europe&sort=name",
        "knowledge-index-filtered": site.path("knowledge", language) + "?kind=policy_brief",
        "search-filtered": f"/{language}/search/?q={SEARCH_WORDS[language]}&type=story",
    }


@pytest.mark.parametrize("language", ["en", "ar"])
def test_axe_finds_no_violation_on_any_page_type(browser_site, open_page, language):
    tab = open_page()
    paths = {**page_type_paths(browser_site, language), **listing_paths(browser_site, language)}
    found = {}
    for kind, path in paths.items():
        tab.goto(browser_site.base_url + path)
        lines = axe_violations(tab)
        if lines:
            found[kind] = lines
    assert found == {}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_axe_finds_no_violation_on_a_phone_with_the_menu_open(browser_site, open_page, language):
    tab = open_page(width=360, height=740)
    tab.goto(browser_site.url("story", language))
    tab.locator("[data-menu-button]").click()
    assert tab.locator("#site-nav").is_visible()
    assert axe_violations(tab) == []


def press_tab_until(tab, selector, limit=80, key="Tab"):
    """Press Tab until the focused element matches `selector`; fail after `limit` presses."""
    for _ in range(limit):
        tab.keyboard.press(key)
        if tab.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return tab.locator(":focus")
    raise AssertionError(f"{selector} never received focus from the keyboard")


def assert_focus_visible(tab):
    """The focused element draws a focus indicator."""
    focused = tab.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    assert tab.evaluate(FOCUS_IS_VISIBLE), f"no visible focus indicator on {focused}"


def open_menu_from_keyboard(tab):
    """On small screens, open the folded menu with the Menu button (Tab, then Enter)."""
    button = tab.locator("[data-menu-button]")
    if button.is_visible() and button.get_attribute("aria-expanded") == "false":
        press_tab_until(tab, "[data-menu-button]")
        tab.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"


def test_main_menu_works_from_the_keyboard_on_a_wide_screen(browser_site, open_page):
    tab = open_page()
    tab.goto(browser_site.url("home"))
    press_tab_until(tab, ".main-menu a[href$='/stories/']")
    assert_focus_visible(tab)
    tab.keyboard.press("Enter")
    tab.wait_for_url(browser_site.url("stories"))
    current = tab.locator(".main-menu a[aria-current='page']")
    assert current.get_attribute("href") == browser_site.path("stories")


def test_menu_button_opens_the_menu_from_the_keyboard_on_a_phone(browser_site, open_page):
    tab = open_page(width=360, height=740)
    tab.goto(browser_site.url("home"))
    nav = tab.locator("#site-nav")
    assert not nav.is_visible()
    button = press_tab_until(tab, "[data-menu-button]")
    assert_focus_visible(tab)
    assert button.get_attribute("aria-expanded") == "false"
    tab.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert nav.is_visible()
    tab.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()
    tab.keyboard.press("Space")
    press_tab_until(tab, ".main-menu a[href$='/training/']")
    assert_focus_visible(tab)
    tab.keyboard.press("Enter")
    tab.wait_for_url(browser_site.url("training"))


@pytest.mark.parametrize("width", [1280, 360])
def test_language_switcher_works_from_the_keyboard(browser_site, open_page, width):
    tab = open_page(width=width, height=800)
    tab.goto(browser_site.url("story"))
    open_menu_from_keyboard(tab)
    press_tab_until(tab, ".language-switcher a[hreflang='es']")
    assert_focus_visible(tab)
    tab.keyboard.press("Enter")
    tab.wait_for_url(browser_site.url("story", "es"))
    assert tab.get_attribute("html", "lang") == "es"
    # And on to Arabic, right to left, with Shift+Tab working as well.
    open_menu_from_keyboard(tab)
    press_tab_until(tab, ".language-switcher a[hreflang='ar']")
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.getAttribute('hreflang')") == "ar"
    tab.keyboard.press("Enter")
    tab.wait_for_url(browser_site.url("story", "ar"))
    assert tab.get_attribute("html", "dir") == "rtl"


@pytest.mark.parametrize("width", [1280, 360])
def test_listing_filters_work_from_the_keyboard(browser_site, open_page, width):
    tab = open_page(width=width, height=800)
    tab.goto(browser_site.url("stories"))
    details = tab.locator("details[data-filters]")
    if width == 360:
        # Folded on small screens: the summary opens it from the keyboard.
        assert details.get_attribute("open") is None
        press_tab_until(tab, "details[data-filters] > summary")
        assert_focus_visible(tab)
        tab.keyboard.press("Enter")
        assert details.get_attribute("open") is not None
    checkbox = tab.get_by_role("checkbox", name=re.compile("Anti-corruption"))
    press_tab_until(tab, "input[name='policy_area'][value='anti-corruption']")
    assert_focus_visible(tab)
    tab.keyboard.press("Space")
    assert checkbox.is_checked()
    press_tab_until(tab, "#listing-sort")
    assert_focus_visible(tab)
    tab.keyboard.press("ArrowDown")
    press_tab_until(tab, ".filters__form button[type='submit']")
    assert_focus_visible(tab)
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"policy_area=anti-corruption"))
    assert "sort=title" in tab.url
    titles = tab.locator(".cards h3, .cards h2").all_inner_texts()
    assert "Madrid opens a lobby registry" in " ".join(titles)
    assert "Buenos Aires" not in " ".join(titles)


def test_search_combobox_works_from_the_keyboard(browser_site, open_page):
    tab = open_page()
    tab.goto(f"{browser_site.base_url}/en/search/")
    field = press_tab_until(tab, "#search-q")
    assert_focus_visible(tab)
    assert field.get_attribute("role") == "combobox"
    listbox_id = field.get_attribute("aria-controls")
    assert listbox_id
    listbox = tab.locator(f"#{listbox_id}")
    assert listbox.get_attribute("role") == "listbox"
    tab.keyboard.type(SEARCH_WORDS["en"], delay=50)
    options = listbox.get_by_role("option")
    options.first.wait_for(state="visible")
    assert field.get_attribute("aria-expanded") == "true"
    # Arrow keys move through the suggestions while focus stays in the field.
    tab.keyboard.press("ArrowDown")
    active = field.get_attribute("aria-activedescendant")
    assert active and tab.locator(f"#{active}").get_attribute("aria-selected") == "true"
    assert tab.evaluate("document.activeElement.id") == "search-q"
    if options.count() > 1:
        tab.keyboard.press("ArrowDown")
        assert field.get_attribute("aria-activedescendant") != active
        tab.keyboard.press("ArrowUp")
        assert field.get_attribute("aria-activedescendant") == active
    # Escape closes the list without leaving the field.
    tab.keyboard.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    assert not listbox.is_visible()
    # Down opens the list again, and Enter opens the chosen suggestion's page.
    tab.keyboard.press("ArrowDown")
    assert field.get_attribute("aria-expanded") == "true"
    chosen = tab.locator(f"#{field.get_attribute('aria-activedescendant')}").inner_text()
    search_url = tab.url
    tab.keyboard.press("Enter")
    tab.wait_for_url(lambda url: url != search_url)
    title = tab.get_by_role("heading", level=1).inner_text().strip()
    assert title and chosen.strip().startswith(title)
