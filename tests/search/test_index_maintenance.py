"""Publishing, unpublishing, privacy, moves and rebuilds keep the search index true."""

import logging

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from search.indexing import rebuild
from search.models import SearchDocument, SearchTerm
from tests.search.pages import (
    publish,
    results,
    total,
)

pytestmark = pytest.mark.xdist_group("search")


# Index maintenance --------------------------------------------------------------------------


@pytest.mark.django_db
def test_unpublishing_and_deleting_take_pages_out_of_the_search(client, corpus):
    corpus["budget"].unpublish()
    assert results(client.get("/en/search/", {"q": "participatory"})) == []
    assert not SearchTerm.objects.filter(term="district").exists()
    corpus["guide"].delete()
    assert "Guide to lobby transparency" not in results(client.get("/en/search/", {"q": "lobby"}))
    assert not SearchDocument.objects.filter(page_id=corpus["guide"].pk).exists()


@pytest.mark.django_db
def test_republishing_updates_text_and_vocabulary(client, corpus):
    story = corpus["budget"]
    story.title = "Residents choose neighbourhood projects"
    publish(story)
    assert results(client.get("/en/search/", {"q": "neighbourhood"})) == [story.title]
    assert SearchTerm.objects.get(locale__language_code="en", term="neighbourhood").frequency == 1
    assert not SearchTerm.objects.filter(locale__language_code="en", term="district").exists()


@pytest.mark.django_db
def test_a_publish_goes_through_when_indexing_fails_and_the_failure_is_logged(
    corpus, monkeypatch, caplog
):
    def broken(page):
        raise RuntimeError("search tables are locked")

    monkeypatch.setattr("search.signals.index_page", broken)
    story = corpus["budget"]
    story.title = "Residents choose neighbourhood projects"
    with caplog.at_level(logging.ERROR, logger="search.signals"):
        published = publish(story)

    assert published.live
    assert published.title == "Residents choose neighbourhood projects"
    assert "Search index update failed in index_published_page" in caplog.text
    assert "search tables are locked" in caplog.text


@pytest.mark.django_db
def test_pages_made_private_leave_the_search_and_come_back(client, corpus, site_tree):
    restriction = PageViewRestriction.objects.create(
        page=site_tree["stories"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    found = results(client.get("/en/search/", {"q": "lobby"}))
    assert "Madrid makes lobbying visible with a mandatory lobby registry" not in found
    assert "Guide to lobby transparency" in found
    restriction.delete()
    found = results(client.get("/en/search/", {"q": "lobby"}))
    assert "Madrid makes lobbying visible with a mandatory lobby registry" in found


@pytest.mark.django_db
def test_moving_a_page_updates_its_address(client, corpus, site_tree):
    guide = corpus["guide"]
    guide.move(site_tree["training"], pos="last-child")
    html = client.get("/en/search/", {"q": "transparency"}).content.decode()
    assert "/en/training/guide-to-lobby-transparency/" in html


@pytest.mark.django_db
def test_rebuild_recreates_the_same_index(corpus):
    before = set(SearchDocument.objects.values_list("page_id", "title", "locale_id"))
    vocabulary = set(SearchTerm.objects.values_list("locale_id", "term", "frequency"))
    call_command("rebuild_search_documents", verbosity=0)
    assert set(SearchDocument.objects.values_list("page_id", "title", "locale_id")) == before
    assert set(SearchTerm.objects.values_list("locale_id", "term", "frequency")) == vocabulary
    assert rebuild() == len(before)


# Benchmark commands -------------------------------------------------------------------------


@pytest.mark.django_db
def test_corpus_generator_and_benchmark_run_on_a_small_corpus(corpus, capsys):
    call_command("bench_search", documents=140, repeat=1, verbosity=1)
    output = capsys.readouterr().out
    assert "p50" in output and "p95" in output
    # The benchmark removes its synthetic documents and leaves the real ones.
    assert not SearchDocument.objects.filter(page__isnull=True).exists()
    assert SearchDocument.objects.filter(page_id=corpus["registry"].pk).exists()


@pytest.mark.django_db
def test_generated_corpus_is_searchable_across_languages(client, corpus):
    call_command("generate_search_corpus", documents=210, seed=3, verbosity=0)
    synthetic = SearchDocument.objects.filter(page__isnull=True)
    assert synthetic.count() == 210
    assert set(synthetic.values_list("language_code", flat=True)) == {
        "en",
        "es",
        "fr",
        "pt",
        "ar",
        "id",
        "uk",
    }
    assert set(synthetic.values_list("page_type", flat=True)) >= {"story", "knowledge", "member"}
    assert synthetic.exclude(policy_areas="[]").exists()
    assert total(client.get("/fr/search/", {"q": "transparence"})) > 0
    call_command("generate_search_corpus", clear=True, documents=0, verbosity=0)
    assert not SearchDocument.objects.filter(page__isnull=True).exists()
