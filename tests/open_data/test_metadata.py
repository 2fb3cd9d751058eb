"""Pages carry canonical addresses, descriptions, social cards and JSON-LD."""

import pytest

from tests import factories
from tests.open_data.readers import json_ld, meta_content

pytestmark = pytest.mark.xdist_group("open_data")


@pytest.mark.django_db
def test_story_page_carries_canonical_description_social_cards_and_article_json_ld(client, content):
    story = content["register_es"]
    story.image = factories.ImageFactory(file__width=1600, file__height=1000)
    story.image_alt = "Una tabla de reuniones"
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert f'<link rel="canonical" href="{story.get_full_url()}">' in html
    assert meta_content(html, "name", "description") == story.summary
    assert meta_content(html, "property", "og:type") == "article"
    assert meta_content(html, "property", "og:title") == "Registro de lobbies"
    image = meta_content(html, "property", "og:image")
    assert image.startswith("http://localhost/")
    assert meta_content(html, "property", "og:image:width") == "1200"
    assert meta_content(html, "property", "og:image:alt") == "Una tabla de reuniones"
    assert meta_content(html, "name", "twitter:card") == "summary_large_image"

    data = json_ld(client.get(story.url))
    assert data["@type"] == "Article"
    assert data["headline"] == "Registro de lobbies"
    assert data["url"] == story.get_full_url()
    assert data["inLanguage"] == "es"
    assert data["datePublished"]
    assert data["about"] == [{"@type": "Thing", "name": "Cabildeo"}]
    assert data["image"].startswith("http://")


@pytest.mark.django_db
def test_each_page_type_has_json_ld_with_its_required_properties(client, content):
    cases = [
        (content["meetings"], "Article", ["headline", "datePublished", "inLanguage"]),
        (content["guide"], "Report", ["headline", "datePublished", "inLanguage", "author"]),
        (content["module"], "Course", ["name", "description", "provider", "inLanguage"]),
        (content["madrid"], "GovernmentOrganization", ["name", "address"]),
        (content["stories"], "WebPage", ["name", "inLanguage"]),
    ]
    for page, schema_type, required in cases:
        data = json_ld(client.get(page.url))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == schema_type, page
        assert data["url"] == page.get_full_url()
        for name in required:
            assert data.get(name), (schema_type, name)
    assert json_ld(client.get(content["guide"].url))["datePublished"] == "2024-01-15"


@pytest.mark.django_db
def test_home_page_describes_the_organization_and_the_site_search(client, content):
    data = json_ld(client.get("/es/"))
    graph = {node["@type"]: node for node in data["@graph"]}
    assert graph["Organization"]["name"] == "Open Cities"
    website = graph["WebSite"]
    assert website["inLanguage"] == "es"
    assert website["url"] == content["home_es"].get_full_url()
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"] == f"{website['url']}search/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"


@pytest.mark.django_db
def test_json_ld_cannot_break_out_of_its_script_element(client, content):
    story = content["meetings"]
    story.title = "</script><script>alert(1)</script> & more"
    story.save_revision().publish()
    response = client.get(story.url)
    assert "</script><script>alert(1)" not in response.content.decode()
    assert json_ld(response)["headline"] == story.title


@pytest.mark.django_db
def test_filtered_listing_is_noindex_and_canonical_to_the_unfiltered_listing(client, content):
    html = client.get("/en/stories/", {"policy_area": "lobbying"}).content.decode()
    listing_url = content["stories"].get_full_url()
    assert f'<link rel="canonical" href="{listing_url}">' in html
    assert '<meta name="robots" content="noindex">' in html
    plain = client.get("/en/stories/").content.decode()
    assert '<meta name="robots" content="noindex">' not in plain


@pytest.mark.django_db
def test_lesson_pages_are_canonical_to_themselves(client, content):
    module = content["module"]
    html = client.get(f"{module.url}lessons/2/").content.decode()
    assert f'<link rel="canonical" href="{module.get_full_url()}lessons/2/">' in html
