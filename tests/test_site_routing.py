"""A request is served by the site Wagtail would choose for its host, as `Site.find_for_request`
chooses it, however the routing table is cached."""

import pytest
from wagtail.models import Page, Site

from tests import factories


@pytest.fixture
def second_site(site_tree, locales):
    """A second site on its own host name, with its own home page."""
    home = factories.HomePageFactory(
        parent=Page.get_first_root_node(), locale=locales["en"], slug="second", title="Second city"
    )
    return Site.objects.create(hostname="second.example", port=80, root_page=home)


@pytest.mark.parametrize(
    ("host", "title"),
    [
        ("second.example", "Second city"),
        ("second.example:8000", "Second city"),  # the only site of that name, on another port
        ("localhost", "Home"),
        ("unknown.example", "Home"),  # no site of that name: the default site
    ],
)
@pytest.mark.django_db
def test_each_host_is_served_by_the_site_wagtail_chooses(client, second_site, host, title):
    response = client.get("/en/", HTTP_HOST=host)

    assert response.status_code == 200
    assert response.context["page"].title == title
