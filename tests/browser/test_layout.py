"""Small and large screens: every page type in English and Arabic is screenshotted at 360 and
1280 px wide (kept as files, not compared), and no page scrolls sideways on a 360 px phone."""

import pytest
from django.conf import settings

from tests.browser.site import page_type_paths

# The innermost elements sticking out past either edge of the viewport (their ancestors stick
# out because of them).
OVERFLOWING_ELEMENTS = """() => {
    const width = window.innerWidth;
    const out = [];
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.width && (box.right > width + 1 || box.left < -1)) out.push(element);
    }
    return out
        .filter((element) => !out.some((other) => other !== element && element.contains(other)))
        .slice(0, 5)
        .map((element) => {
            const box = element.getBoundingClientRect();
            const classes = typeof element.className === "string" && element.className.trim()
                ? "." + element.className.trim().split(/\\s+/).join(".") : "";
            return `${element.tagName.toLowerCase()}${classes} [${Math.round(box.left)}, `
                + `${Math.round(box.right)}] ${element.textContent.trim().slice(0, 40)}`;
        });
}"""


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("width", [360, 1280])
def test_every_page_type_is_screenshotted_and_fits_the_screen(
    browser_site, open_page, artifacts, language, width
):
    screens = artifacts / "screens"
    screens.mkdir(parents=True, exist_ok=True)
    tab = open_page(width=width, height=800)
    sideways = {}
    for kind, path in page_type_paths(browser_site, language).items():
        response = tab.goto(browser_site.base_url + path)
        assert response.status == (404 if kind == "not-found" else 200), path
        expected_direction = "rtl" if language == "ar" else "ltr"
        assert tab.get_attribute("html", "dir") == expected_direction, path
        shot = screens / f"{language}-{kind}-{width}.png"
        tab.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 0
        if width == 360:
            scroll_width, inner_width = tab.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            if scroll_width > inner_width:
                sideways[kind] = (scroll_width, tab.evaluate(OVERFLOWING_ELEMENTS))
    assert sideways == {}, f"pages wider than the {width} px screen: {sideways}"


# Where each item of the main menu starts (rounded), and the header's height.
MENU_GEOMETRY = """() => ({
    header: document.querySelector(".site-header").getBoundingClientRect().height,
    tops: [...document.querySelectorAll(".main-menu__list > li")]
        .map((item) => Math.round(item.getBoundingClientRect().top)),
    links: [...document.querySelectorAll(".main-menu__list a")]
        .map((link) => link.getAttribute("href")),
})"""
# Brand, languages and search on one line, the menu on the next: two bands, no wrapping.
HEADER_MAX_HEIGHT = 130


def test_the_menu_fits_on_one_line_at_1280_px_in_every_language(browser_site, open_page):
    tab = open_page(width=1280, height=800)
    measured = {}
    for code, _name in settings.LANGUAGES:
        tab.goto(f"{browser_site.base_url}/{code}/")
        assert tab.get_attribute("html", "lang") == code
        geometry = tab.evaluate(MENU_GEOMETRY)
        measured[code] = (round(geometry["header"]), len(set(geometry["tops"])))
        links = geometry["links"]
        assert f"/{code}/events/" in links and f"/{code}/join-us/" in links, (code, links)
        assert len(links) == 7, (code, links)
        menu_text = tab.locator(".main-menu").inner_text()
        if code != "en":
            assert "Stories" not in menu_text, f"the {code} menu is not translated: {menu_text}"
    too_tall = {code: m for code, m in measured.items() if m[0] > HEADER_MAX_HEIGHT or m[1] != 1}
    assert too_tall == {}, f"(header px, menu lines) over budget: {too_tall}"
