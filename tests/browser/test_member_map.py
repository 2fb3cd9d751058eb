"""The member map in a real browser: axe finds nothing, each dot is reachable from the keyboard
with a visible focus and its name shown, and Enter follows its link."""

from tests.browser.test_accessibility import assert_focus_visible, axe_violations, press_tab_until

LABEL_OPACITY = """() => getComputedStyle(
    document.activeElement.querySelector('.member-map__label')).opacity"""


def test_member_map_dots_are_named_links_reachable_from_the_keyboard(browser_site, open_page):
    tab = open_page()
    tab.goto(browser_site.url("members"))
    assert axe_violations(tab) == []
    marker = press_tab_until(tab, ".member-map__marker", limit=120)
    assert_focus_visible(tab)
    name = marker.get_attribute("aria-label")
    assert name and tab.evaluate(LABEL_OPACITY) == "1"
    href = marker.get_attribute("href")
    tab.keyboard.press("Enter")
    tab.wait_for_url(lambda url: href.split("#")[0] in url)
