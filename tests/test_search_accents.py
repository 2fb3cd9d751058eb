"""Site search without accents: words match with and without them, and "Did you mean" offers a
correction only when the query found nothing, written as the texts write it, in the visitor's
language."""

import pytest

from tests import factories
from tests.conftest import built_once, shared
from tests.search.pages import paragraphs, publish, results, translate


def story(site_tree, member, title, summary, body):
    """A published English reform story of the member."""
    return publish(
        factories.ReformStoryPageFactory(
            parent=site_tree["stories"],
            title=title,
            summary=summary,
            body=paragraphs(body),
            member=member,
            start_year=2020,
        )
    )


def build_corpus(site_tree, locales):
    """English stories with accented Spanish and French translations."""
    colombia = factories.CountryFactory(name="Colombia", slug="colombia", region="americas")
    cali = publish(
        factories.MemberProfilePageFactory(
            parent=site_tree["members"], title="Cali", country=colombia, year_joined=2019
        )
    )
    pacts = story(
        site_tree, cali, "Integrity pacts", "Monitors watch contracts.", "Against bribery."
    )
    translate(
        pacts,
        locales["es"],
        title="Pactos de integridad contra la corrupción",
        summary="Observadores vigilan los contratos.",
    )
    officials = story(site_tree, cali, "Officials on trial", "A court case.", "Bribes paid.")
    translate(
        officials,
        locales["es"],
        title="Funcionarios corruptos ante el juez",
        summary="Un proceso judicial.",
    )
    trees = story(
        site_tree,
        cali,
        "Urban reforestation in Bogotá",
        "Young people plant trees.",
        "Bogotá plants ten thousand trees.",
    )
    translate(
        trees,
        locales["es"],
        title="Reforestación urbana en Bogotá",
        summary="Los jóvenes plantan árboles.",
    )
    slopes = story(site_tree, cali, "Replanting the slopes", "Hills again green.", "Seedlings.")
    translate(
        slopes, locales["es"], title="Reforestar las laderas", summary="Colinas verdes otra vez."
    )
    translate(
        slopes,
        locales["fr"],
        title="Les élèves replantent les collines",
        summary="Des collines vertes à nouveau.",
    )
    return {"trees": trees}


module_data = built_once(build_corpus, name="corpus")


(corpus,) = shared("corpus")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, accented, plain, expected",
    [
        (
            "es",
            "corrupción",
            "corrupcion",
            {"Pactos de integridad contra la corrupción", "Funcionarios corruptos ante el juez"},
        ),
        (
            "es",
            "reforestación",
            "reforestacion",
            {"Reforestación urbana en Bogotá", "Reforestar las laderas"},
        ),
        ("es", "jóvenes", "jovenes", {"Reforestación urbana en Bogotá"}),
        ("fr", "élèves", "eleves", {"Les élèves replantent les collines"}),
        ("en", "Bogotá", "bogota", {"Urban reforestation in Bogotá"}),
    ],
)
def test_a_word_without_its_accents_finds_what_it_finds_with_them(
    client, corpus, language, accented, plain, expected
):
    with_accents = client.get(f"/{language}/search/", {"q": accented})
    without = client.get(f"/{language}/search/", {"q": plain})
    assert set(results(with_accents)) == expected
    assert set(results(without)) == expected
    assert "search-suggestion" not in without.content.decode(), "a matched word is not corrected"


@pytest.mark.django_db
def test_a_correction_is_written_as_the_text_writes_it(client, corpus):
    html = client.get("/en/search/", {"q": "bogta"}).content.decode()
    assert 'rel="nofollow">Bogotá</a>' in html
    assert ">bogotá</a>" not in html


@pytest.mark.django_db
def test_did_you_mean_is_phrased_as_a_spanish_question(client, corpus):
    # Both corrected words exist, in different stories: the correction finds nothing either,
    # so it is offered, not shown.
    html = client.get("/es/search/", {"q": "laderas bogta"}).content.decode()
    assert (
        '¿Quiso decir <a href="?q=laderas+Bogot%C3%A1" rel="nofollow">laderas Bogotá</a>?' in html
    )
