"""Low bandwidth: every page type costs at most 60 KB of compressed HTML, CSS and JavaScript
(images aside), measured in the browser; images come as AVIF/WebP renditions sized by
`srcset`/`sizes` and load lazily below the fold."""

import gzip
import json

import pytest

from tests.browser.site import page_type_paths

BUDGET_BYTES = 60 * 1000
# What the page needs before any image: the document, its stylesheets and scripts (and fonts,
# data or anything else it fetches), everything but images and media.
NOT_COUNTED = {"image", "media"}


def compressed_size(response):
    """Bytes of the body as sent compressed: as transferred when the server compressed it,
    otherwise gzipped here (level 6, what Django's GZipMiddleware uses; WhiteNoise serves
    static files precompressed at least this well)."""
    if response.headers.get("content-encoding") in {"gzip", "br", "zstd", "deflate"}:
        return response.request.sizes()["responseBodySize"]
    return len(gzip.compress(response.body(), compresslevel=6, mtime=0))


def page_weight(tab, url):
    """(total compressed bytes before images, {address: bytes}) for a first visit to `url`."""
    responses = []

    def record(response):
        responses.append(response)

    tab.on("response", record)
    reply = tab.goto(url, wait_until="networkidle")
    tab.remove_listener("response", record)
    assert reply.status in {200, 404}, url
    sizes = {}
    for response in responses:
        if response.request.resource_type in NOT_COUNTED or response.status in {301, 302}:
            continue
        sizes[response.url] = compressed_size(response)
    return sum(sizes.values()), sizes


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_page_type_stays_within_60_kb_before_images(
    browser_site, open_page, artifacts, language
):
    weights, over_budget = {}, {}
    for kind, path in page_type_paths(browser_site, language).items():
        tab = open_page()  # a fresh context: nothing cached
        total, sizes = page_weight(tab, browser_site.base_url + path)
        assert any(address.endswith(".css") for address in sizes), kind
        weights[kind] = total
        if total > BUDGET_BYTES:
            over_budget[kind] = (total, sizes)
        tab.context.close()
    # Kept for whoever wants to follow the weight over time.
    report = artifacts / f"page-weight-{language}.json"
    report.write_text(json.dumps(weights, indent=2, sort_keys=True))
    assert over_budget == {}


def test_the_html_is_sent_compressed(browser_site, open_page):
    tab = open_page()
    reply = tab.goto(browser_site.url("story"))
    assert reply.headers.get("content-encoding") == "gzip"
    assert "accept-encoding" in reply.headers.get("vary", "").lower()


def test_story_images_are_avif_and_webp_renditions_with_srcset_sizes_and_lazy_loading(
    browser_site, open_page
):
    tab = open_page(width=360, height=740)
    image_requests = []
    tab.on(
        "request",
        lambda request: request.resource_type == "image" and image_requests.append(request.url),
    )
    tab.goto(browser_site.url("story"), wait_until="load")
    pictures = tab.locator("main picture")
    assert pictures.count() >= 2  # the hero image and the body image
    for index in range(pictures.count()):
        # AVIF for browsers that take it, WebP in the <img> for the others, several widths each.
        picture = pictures.nth(index)
        source = picture.locator("source")
        assert source.count() == 1 and source.get_attribute("type") == "image/avif"
        image = picture.locator("img")
        for element, extension in [(source, ".avif"), (image, ".webp")]:
            candidates = [c.split()[0] for c in element.get_attribute("srcset").split(",")]
            assert len(candidates) >= 2, "a srcset offers several widths"
            assert all(candidate.endswith(extension) for candidate in candidates)
            assert element.get_attribute("sizes")
        assert image.get_attribute("src").endswith(".webp")
        assert image.get_attribute("alt")
        assert image.get_attribute("width") and image.get_attribute("height")
    # Images below the fold wait until the visitor scrolls to them; the hero does not.
    below_the_fold = tab.evaluate(
        """() => [...document.querySelectorAll("main img")]
            .filter(image => image.getBoundingClientRect().top > window.innerHeight)
            .map(image => [image.currentSrc || image.src, image.loading])"""
    )
    assert below_the_fold, "the story page has images below the fold"
    assert all(loading == "lazy" for _address, loading in below_the_fold)
    assert tab.locator(".hero-image img").get_attribute("loading") != "lazy"
    # Chromium picks the AVIF rendition, sized for a phone; no original upload is sent.
    tab.wait_for_load_state("networkidle")
    hero = tab.locator(".hero-image img").evaluate("image => image.currentSrc")
    assert hero.endswith(".avif")
    assert "fill-480x240" in hero or "fill-960x480" in hero
    assert image_requests and all("/original_images/" not in url for url in image_requests)
