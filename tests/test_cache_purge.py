"""Every change a visitor would see purges what shows it, in every cache, through one batch per
backend; a cache that is down never stops a publish."""

import logging
import socket
from urllib.parse import urlsplit

import pytest
from wagtail.models import Page

from home.models import SiteSettings
from pagecache.purge import addresses_changed_by
from tests import factories
from tests.pagecache_helpers import page_store, served_from_store

__all__ = ["page_store"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site_tree, locales, django_capture_on_commit_callbacks):
    """A story of a member, tagged with a term, related from a knowledge product, translated
    into Spanish (its home and listing as aliases of the English ones); an unrelated member.
    Their purges are sent here, as their commits would, so that none is left pending to be
    sent with a test's own change."""
    with django_capture_on_commit_callbacks(execute=True):
        return build_content(site_tree, locales)


def build_content(site_tree, locales):
    """The pages and term of `content`, and the site settings (made on the first render
    otherwise, and their purge would then go out with the test's change)."""
    SiteSettings.for_site(site_tree["home"].get_site())
    area = factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")
    member = factories.MemberProfilePageFactory(parent=site_tree["members"], title="Madrid")
    other = factories.MemberProfilePageFactory(parent=site_tree["members"], title="Paris")
    story = factories.ReformStoryPageFactory(
        parent=site_tree["stories"], title="Lobby register", slug="lobby", member=member
    )
    story.policy_areas.set([area])
    story.save_revision().publish()
    product = factories.KnowledgeProductPageFactory(parent=site_tree["knowledge"], title="Guide")
    product.related_stories.set([story])
    product.save_revision().publish()
    story_es = story.copy_for_translation(locales["es"], copy_parents=True)
    story_es.slug = "registro"
    story_es.save_revision().publish()
    return {"story": story, "member": member, "other": other, "area": area, "product": product}


def paths(urls):
    """The paths of full addresses."""
    return {urlsplit(url).path for url in urls}


def test_a_published_story_touches_its_languages_listings_home_feeds_and_references(content):
    touched = paths(addresses_changed_by(content["story"]))
    assert {
        "/en/stories/lobby/",
        "/en/stories/lobby/cite/bibtex/",
        "/es/stories/registro/",
        "/en/stories/",
        "/en/stories/feed/",
        "/en/stories/feed/atom/",
        "/en/stories/export/csv/",
        "/es/stories/",
        "/en/",
        "/es/",
        "/en/members/madrid/",
        "/en/knowledge/guide/",
        "/sitemap.xml",
    } <= touched
    assert "/en/members/paris/" not in touched
    assert "/en/knowledge/" not in touched


def test_a_story_given_another_member_touches_the_old_members_page(content):
    story = content["story"]
    before = Page.objects.get(pk=story.pk).live_revision
    story.member = content["other"]
    story.save_revision().publish()
    touched = paths(addresses_changed_by(story, previous_revision=before))
    assert {"/en/members/madrid/", "/en/members/paris/"} <= touched
    assert "/en/members/madrid/" not in paths(addresses_changed_by(story))


def test_a_moved_page_touches_its_old_address_and_old_listing(content, site_tree):
    member = content["member"]
    member.move(site_tree["knowledge"], pos="last-child")
    member.refresh_from_db()
    touched = paths(
        addresses_changed_by(
            member, url_path_before="/home/members/madrid/", parent_before=site_tree["members"]
        )
    )
    assert {"/en/members/madrid/", "/en/knowledge/madrid/", "/en/members/", "/en/knowledge/"} <= (
        touched
    )


def test_a_renamed_listing_touches_the_old_addresses_below_it(content, site_tree):
    stories = site_tree["stories"]
    stories.slug = "reforms"
    stories.save_revision().publish()
    stories.refresh_from_db()
    touched = paths(addresses_changed_by(stories, url_path_before="/home/stories/"))
    assert {"/en/stories/", "/en/stories/lobby/", "/en/reforms/", "/en/reforms/lobby/"} <= touched


def test_a_taxonomy_term_touches_the_pages_tagged_with_it_and_their_listings(content):
    touched = paths(addresses_changed_by(content["area"]))
    assert {"/en/stories/lobby/", "/en/stories/", "/es/stories/", "/en/"} <= touched
    assert "/en/members/madrid/" not in touched


def test_site_settings_touch_every_page(content, site_tree):
    settings_object = SiteSettings.for_site(site_tree["home"].get_site())
    touched = paths(addresses_changed_by(settings_object))
    assert {"/en/members/paris/", "/es/stories/registro/", "/en/training/"} <= touched


def change_is_seen(client, url, change, expected, capture):
    """Fill the store with `url`, make the change (its purge runs as the commit would), and
    return the next anonymous answer, which must not be the stored one and must show it."""
    client.get(url)
    assert served_from_store(client.get(url))
    with capture(execute=True):
        change()
    response = client.get(url)
    assert not served_from_store(response)
    assert expected(response), response.content[:300]
    return response


def retitle(page, title):
    """A new title, published."""

    def change():
        page.title = title
        page.save_revision().publish()

    return change


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    """Run the on-commit purge of a change, as a real commit would."""
    return django_capture_on_commit_callbacks


def test_publishing_shows_on_the_page_listing_and_member_page(client, content, page_store, capture):
    story = content["story"]
    change_is_seen(
        client,
        "/en/stories/lobby/",
        retitle(story, "Fresh title"),
        lambda r: b"Fresh title" in r.content,
        capture,
    )
    for url in ("/en/stories/", "/en/members/madrid/"):
        client.get(url)
        with capture(execute=True):
            retitle(story.specific.__class__.objects.get(pk=story.pk), f"Title for {url}")()
        assert f"Title for {url}".encode() in client.get(url).content


def test_a_story_given_another_member_leaves_the_old_members_page(
    client, content, page_store, capture
):
    story = content["story"]

    def change_member():
        story.member = content["other"]
        story.save_revision().publish()

    change_is_seen(
        client,
        "/en/members/madrid/",
        change_member,
        lambda r: r.status_code == 200 and b"Lobby register" not in r.content,
        capture,
    )
    assert b"Lobby register" in client.get("/en/members/paris/").content


def test_unpublishing_removes_the_page_and_its_card(client, content, page_store, capture):
    story = content["story"]
    change_is_seen(
        client,
        "/en/stories/",
        lambda: story.unpublish(),
        lambda r: b"Lobby register" not in r.content,
        capture,
    )
    assert client.get("/en/stories/lobby/").status_code == 404


def redirects_to(path):
    """Whether a response is the permanent redirect Wagtail creates for a moved address."""
    return lambda response: response.status_code == 301 and response["Location"].endswith(path)


def test_moving_sends_the_old_address_to_the_new_one(
    client, content, site_tree, page_store, capture
):
    member = content["member"]
    change_is_seen(
        client,
        "/en/members/madrid/",
        lambda: member.move(site_tree["knowledge"], pos="last-child"),
        redirects_to("/en/knowledge/madrid/"),
        capture,
    )


def test_renaming_sends_the_old_address_to_the_new_one(client, content, page_store, capture):
    story = content["story"]

    def rename():
        story.slug = "lobby-register"
        story.save_revision().publish()

    change_is_seen(
        client, "/en/stories/lobby/", rename, redirects_to("/en/stories/lobby-register/"), capture
    )


def test_deleting_frees_the_address(client, content, page_store, capture):
    story = content["story"]
    change_is_seen(
        client,
        "/en/stories/lobby/",
        lambda: Page.objects.get(pk=story.pk).delete(),
        lambda r: r.status_code == 404,
        capture,
    )


def test_translating_updates_the_language_switcher_of_the_original(
    client, content, locales, page_store, capture
):
    member = content["member"]

    def translate():
        member_es = member.copy_for_translation(locales["es"], copy_parents=True)
        member_es.slug = "madrid-es"
        member_es.save_revision().publish()

    change_is_seen(
        client,
        "/en/members/madrid/",
        translate,
        lambda r: b"/es/members/madrid-es/" in r.content,
        capture,
    )


def test_renaming_a_term_shows_on_the_story(client, content, page_store, capture):
    area = content["area"]

    def rename():
        area.name = "Lobby transparency"
        area.save()

    change_is_seen(
        client, "/en/stories/lobby/", rename, lambda r: b"Lobby transparency" in r.content, capture
    )


class RecordingBackend:
    """A frontend-cache backend that records each batch it is sent."""

    batches = []

    def __init__(self, params):
        self.hostnames = ["*"]

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        RecordingBackend.batches.append(sorted(urls))


class BrokenBackend(RecordingBackend):
    """A backend whose cache is down: every purge raises."""

    def purge_batch(self, urls):
        raise ConnectionError("cache is down")


def test_one_publish_sends_one_batch_to_each_backend(content, settings, capture):
    RecordingBackend.batches = []
    settings.WAGTAILFRONTENDCACHE = {
        "a": {"BACKEND": "tests.test_cache_purge.RecordingBackend"},
        "b": {"BACKEND": "tests.test_cache_purge.RecordingBackend"},
    }
    story = content["story"]
    with capture(execute=True):
        story.slug = "renamed"  # a rename and a publish in one go: still one batch
        story.save_revision().publish()
    assert len(RecordingBackend.batches) == 2
    assert RecordingBackend.batches[0] == RecordingBackend.batches[1]
    assert "/en/stories/renamed/" in paths(RecordingBackend.batches[0])


def closed_port():
    """A loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    ("failing", "logged"),
    [
        (lambda: {"BACKEND": "tests.test_cache_purge.BrokenBackend"}, "cache is down"),
        (
            lambda: {
                "BACKEND": "pagecache.backends.VarnishBackend",
                "LOCATION": f"http://127.0.0.1:{closed_port()}",
            },
            "unreachable",
        ),
    ],
    ids=["a broken backend", "an unreachable varnish"],
)
def test_a_failing_backend_is_logged_and_the_page_cache_still_purges(
    client, content, settings, page_store, capture, caplog, failing, logged
):
    settings.WAGTAILFRONTENDCACHE = {
        "failing": failing(),
        "pages": {"BACKEND": "pagecache.backends.PageCacheBackend"},
    }
    with caplog.at_level(logging.ERROR):
        change_is_seen(
            client,
            "/en/stories/lobby/",
            retitle(content["story"], "Published anyway"),
            lambda r: b"Published anyway" in r.content,
            capture,
        )
    assert logged in caplog.text
