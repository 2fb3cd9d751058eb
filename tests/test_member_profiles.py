"""Honest member profiles: an empty member says so in one line, and every link leads somewhere."""

import re

import pytest

from tests import factories

STORIES_LINK = re.compile(
    r'<a href="(/en/stories/\?country=[^"]+)">All reform stories from ([^<]+)</a>'
)


def html_of(client, url):
    """The page's HTML, checked to be a successful answer."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


@pytest.fixture
def albania(site_tree):
    """Tirana, a member of Albania with no plan, no story and no summary."""
    country = factories.CountryFactory(name="Albania", iso_code="AL", region="europe")
    return factories.MemberProfilePageFactory(
        parent=site_tree["members"], title="Tirana", slug="tirana", country=country, summary=""
    )


@pytest.mark.django_db
def test_a_member_without_plan_or_story_says_so_in_one_line_and_shows_no_empty_heading(
    client, albania
):
    html = html_of(client, "/en/members/tirana/")

    assert html.count("No action plan published yet.") == 1
    assert "Action plans and commitments" not in html
    assert "Reform stories</h2>" not in html
    assert '<p class="lead">' not in html


@pytest.mark.django_db
def test_a_member_profile_shows_its_region(client, albania):
    html = html_of(client, "/en/members/tirana/")

    assert "<dt>Region</dt>\n                        <dd>Europe</dd>" in html


@pytest.mark.django_db
def test_the_country_stories_link_is_absent_when_the_country_has_no_story(client, albania):
    html = html_of(client, "/en/members/tirana/")

    assert STORIES_LINK.search(html) is None


@pytest.mark.django_db
def test_the_country_stories_link_leads_to_another_members_story_of_that_country(
    client, site_tree, albania
):
    elbasan = factories.MemberProfilePageFactory(
        parent=site_tree["members"], title="Elbasan", country=albania.country
    )
    factories.ReformStoryPageFactory(
        parent=site_tree["stories"], title="Elbasan opens its budget", member=elbasan
    )

    html = html_of(client, "/en/members/tirana/")

    url, country = STORIES_LINK.search(html).groups()
    assert country == "Albania"
    listing = html_of(client, url)
    assert "Elbasan opens its budget" in listing
