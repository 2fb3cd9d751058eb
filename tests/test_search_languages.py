"""Site search across languages: an English-only item is found through what the site knows in
the visitor's language (its terms' translated names and synonyms), and an editor's change to a
term's words reaches the search at once."""

import pytest

from tests import factories
from tests.conftest import built_once, shared
from tests.search.pages import paragraphs, publish, results


def build_corpus(site_tree, locales):
    """An English story tagged Health, whose Spanish translation says "Salud"."""
    health = factories.PolicyAreaFactory(name="Health", slug="health", synonyms="maternal care")
    salud = health.copy_for_translation(locales["es"])
    salud.name = "Salud"
    salud.synonyms = "mujeres embarazadas, salud materna"
    salud.save()
    goal = factories.SDGFactory(number=3, name="Good health and well-being", slug="sdg-3")
    banggai = publish(
        factories.MemberProfilePageFactory(parent=site_tree["members"], title="Banggai")
    )
    story = factories.ReformStoryPageFactory(
        parent=site_tree["stories"],
        title="Banggai tracks mothers in real time",
        summary="Midwives log every visit on a phone.",
        body=paragraphs("Each visit is recorded and nurses are alerted."),
        member=banggai,
        start_year=2021,
    )
    story.policy_areas.set([health])
    story.sdgs.set([goal])
    publish(story)
    return {"salud": salud, "story": story}


module_data = built_once(build_corpus, name="corpus")


(corpus,) = shared("corpus")

TITLE = "Banggai tracks mothers in real time"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, query",
    [
        ("es", "mujeres embarazadas"),
        ("es", "salud"),
        ("es", "ODS 3"),
        ("fr", "ODD 3"),
        ("en", "SDG 3"),
        ("en", "maternal care"),
    ],
)
def test_an_english_story_is_found_through_its_terms_in_the_visitors_language(
    client, corpus, language, query
):
    assert results(client.get(f"/{language}/search/", {"q": query})) == [TITLE]


@pytest.mark.django_db
def test_other_languages_words_do_not_find_pages_in_english(client, corpus):
    assert results(client.get("/en/search/", {"q": "mujeres embarazadas"})) == []


@pytest.mark.django_db
def test_a_new_synonym_finds_the_tagged_pages_at_once(client, corpus):
    assert results(client.get("/es/search/", {"q": "gestantes"})) == []
    salud = corpus["salud"]
    salud.synonyms = "gestantes"
    salud.save()
    assert results(client.get("/es/search/", {"q": "gestantes"})) == [TITLE]
    assert results(client.get("/es/search/", {"q": "embarazadas"})) == []
