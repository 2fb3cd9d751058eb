"""What the shared fragments keep (pagecache.fragments: the vocabulary in each language, the
section index pages, a page's live translations) is renewed by the change that alters it: the
next uncached request shows the change."""

import pytest

from tests.page_builders import add_member, add_story, html_of


@pytest.fixture
def story(site_tree, vocabulary, django_capture_on_commit_callbacks):
    member = add_member(site_tree, vocabulary, "Madrid", slug="madrid")
    return add_story(site_tree, vocabulary, member, "Lobby register", slug="lobby")


@pytest.mark.django_db
def test_a_renamed_term_shows_on_the_next_request(client, story, vocabulary, capture):
    url = "/en/stories/lobby/"
    assert '"name": "Lobbying"' in html_of(client, url)  # the structured data names it
    with capture(execute=True):
        vocabulary["lobbying"].name = "Lobby transparency"
        vocabulary["lobbying"].save()
    html = html_of(client, url)
    assert '"name": "Lobby transparency"' in html
    assert "Lobbying" not in html


@pytest.mark.django_db
def test_a_published_translation_shows_in_the_language_switcher_at_once(
    client, story, locales, capture
):
    url = "/en/stories/lobby/"
    assert "/es/stories/lobby-es/" not in html_of(client, url)
    with capture(execute=True):
        spanish = story.copy_for_translation(locales["es"], copy_parents=True)
        spanish.slug = "lobby-es"
        spanish.save_revision().publish()
    assert "/es/stories/lobby-es/" in html_of(client, url)


@pytest.mark.django_db
def test_a_renamed_section_index_shows_in_the_next_requests_links(
    client, story, site_tree, capture
):
    url = "/en/"
    assert 'href="/en/members/"' in html_of(client, url)
    with capture(execute=True):
        members = site_tree["members"]
        members.slug = "cities"
        members.save_revision().publish()
    html = html_of(client, url)
    assert "/en/cities/" in html
    assert 'href="/en/members/"' not in html


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    """Run the on-commit renewals of a change, as a real commit would."""
    return django_capture_on_commit_callbacks


@pytest.mark.django_db
def test_a_published_story_shows_in_the_home_figures_on_the_next_request(
    client, story, site_tree, vocabulary, capture
):
    html = html_of(client, "/en/")
    assert "<dd>1</dd>" in html and "<dd>2</dd>" not in html
    with capture(execute=True):
        member = add_member(site_tree, vocabulary, "Paris", slug="paris")
        add_story(site_tree, vocabulary, member, "Open budget", slug="budget")
    assert "<dd>2</dd>" in html_of(client, "/en/")
