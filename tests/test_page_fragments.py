"""Page content kept by `{% page_fragment %}` (the listing, a story's content) shows every change
on the next request, and is never served to nor filled by previews or visitors with a session."""

import pytest
from wagtail.models import Page

from home.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_fragments(settings):
    """Page fragments on, as in production."""
    settings.PAGE_FRAGMENTS = True


@pytest.fixture
def story(site_tree):
    """A published story of a member in Spain, tagged with a policy area."""
    area = factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
    member = factories.MemberProfilePageFactory(parent=site_tree["members"], title="Madrid")
    story = factories.ReformStoryPageFactory(
        parent=site_tree["stories"], title="Lobby register", slug="lobby", member=member
    )
    story.policy_areas.set([area])
    story.save_revision().publish()
    return story


def html(client, url, **extra):
    """The page's HTML (asserting a 200)."""
    response = client.get(url, **extra)
    assert response.status_code == 200
    return response.content.decode()


def test_a_published_change_shows_on_the_next_story_and_listing_request(client, story):
    assert "Lobby register" in html(client, story.url)
    assert "Lobby register" in html(client, "/en/stories/")
    story.title = "Lobbying register"
    story.save_revision().publish()
    assert "Lobbying register" in html(client, story.url)
    assert "Lobbying register" in html(client, "/en/stories/")


def test_a_renamed_term_shows_on_the_next_listing_request(client, story):
    assert "Lobbying" in html(client, "/en/stories/")
    area = story.policy_areas.get()
    area.name = "Influence"
    area.save()
    assert "Influence" in html(client, "/en/stories/")


def test_a_saved_site_setting_shows_on_the_next_listing_request(client, site_tree, story):
    html(client, "/en/stories/")
    site_settings = SiteSettings.for_site(site_tree["home"].get_site())
    site_settings.licence_name = "Licence Zeta"
    site_settings.save()
    assert "Licence Zeta" in html(client, "/en/stories/")


def test_each_filter_and_language_has_its_own_listing(client, locales, story):
    other = factories.PolicyAreaFactory(name="Budgets", slug="budgets")
    assert "Lobby register" in html(client, "/en/stories/")
    assert "Lobby register" not in html(client, f"/en/stories/?policy_area={other.slug}")
    assert 'lang="es"' in html(client, "/es/stories/")


def test_the_kept_content_is_served_again_but_not_to_a_visitor_with_a_session(client, story):
    html(client, story.url)
    # Changed behind the signals' back: the kept content is not voided, so it shows the old
    # title to anonymous visitors (proving it is kept) and the new one to a visitor with a
    # session, who always gets it rendered afresh.
    Page.objects.filter(pk=story.pk).update(title="Secret draft title")
    # The title is also in the page's <title>, outside the kept content.
    anonymous = html(client, story.url).count("Secret draft title")
    client.cookies["sessionid"] = "anything"
    assert html(client, story.url).count("Secret draft title") > anonymous
    del client.cookies["sessionid"]
    assert html(client, story.url).count("Secret draft title") == anonymous


def test_a_preview_is_rendered_afresh_and_never_fills_what_visitors_get(client, story):
    html(client, story.url)
    story = story.specific
    story.title = "Previewed title"
    preview = story.make_preview_request()
    assert "Previewed title" in preview.render().content.decode()
    assert "Previewed title" not in html(client, story.url)
    # And what visitors get is not what a preview is shown.
    story.title = "Previewed again"
    assert "Previewed again" in story.make_preview_request().render().content.decode()
