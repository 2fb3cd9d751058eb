"""Stories and products offer their citation and BibTeX/RIS downloads."""

import re

import pytest

pytestmark = pytest.mark.xdist_group("open_data")


@pytest.mark.django_db
def test_story_offers_bibtex_and_ris_downloads(client, content):
    story = content["register"]
    response = client.get(f"{story.url}cite/bibtex/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert f'filename="{story.slug}.bib"' in response["Content-Disposition"]
    bib = response.content.decode()
    assert bib.startswith(f"@misc{{opencities{story.pk}-2023,")
    assert "title = {Lobby register}" in bib
    assert "author = {{Open Cities}}" in bib
    assert f"url = {{{story.get_full_url()}}}" in bib
    assert "keywords = {Lobbying}" in bib

    ris = client.get(f"{story.url}cite/ris/").content.decode()
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - ELEC"
    assert "TI  - Lobby register" in lines
    assert "PY  - 2023" in lines
    assert f"UR  - {story.get_full_url()}" in lines
    assert lines[-2] == "ER  - "


@pytest.mark.django_db
def test_knowledge_product_citations_name_authors_publisher_and_kind(client, content):
    guide = content["guide"]
    guide.authors = "Research & data team; Ana Pérez"
    guide.title = "Lobbying 100% guide"
    guide.save_revision().publish()
    bib = client.get(f"{guide.url}cite/bibtex/").content.decode()
    assert bib.startswith("@manual{")
    assert "author = {{Research \\& data team} and {Ana Pérez}}" in bib
    assert "title = {Lobbying 100\\% guide}" in bib
    assert "year = {2024}" in bib
    assert "publisher = {Open Cities Partnership}" in bib
    ris = client.get(f"{content['report'].url}cite/ris/").content.decode().split("\r\n")
    assert ris[0] == "TY  - RPRT"
    assert "DA  - 2023/05/01" in ris
    assert guide.specific.citation() == (
        f"Research & data team, Ana Pérez (2024). Lobbying 100% guide. Open Cities Partnership. "
        f"{guide.get_full_url()}"
    )


@pytest.mark.django_db
def test_listings_link_their_downloads_for_the_current_filter(client, content):
    html = client.get("/en/stories/", {"policy_area": "lobbying"}).content.decode()
    assert 'href="/en/stories/export/csv/?policy_area=lobbying"' in html
    assert 'href="/en/stories/export/json/?policy_area=lobbying"' in html
    members = client.get("/en/members/").content.decode()
    assert 'href="/en/members/export/csv/"' in members
    assert "/en/members/feed/" not in members
    training = client.get("/en/training/").content.decode()
    assert 'href="/en/training/export/json/"' in training


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["register", "guide"])
def test_stories_and_products_show_their_citation_and_its_downloads(client, content, name):
    page = content[name]
    html = client.get(page.url).content.decode()
    citation = re.search(r'<p class="cite__text" id="cite-text">(.*?)</p>', html, re.S).group(1)
    assert page.title in citation
    assert page.get_full_url() in citation
    assert f'href="{page.url}cite/bibtex/"' in html
    assert f'href="{page.url}cite/ris/"' in html


@pytest.mark.django_db
def test_a_title_ending_in_a_question_mark_is_not_followed_by_a_full_stop(content):
    guide = content["guide"]
    guide.title = "What is an open local government?"
    guide.save_revision().publish()
    citation = guide.specific.citation()
    assert "government? Open Cities Partnership." in citation
    assert "?." not in citation
