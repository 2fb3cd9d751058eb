"""Training filters: audience, level, duration and language, with counts, on the tracks."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def add(site_tree, title, **values):
    """A live module under the training index."""
    return factories.TrainingModulePageFactory(parent=site_tree["training"], title=title, **values)


def shown(response):
    """Titles of the modules in the tracks, in order."""
    return [m.title for track in response.context["tracks"] for m in track["modules"]]


def options(response, param):
    """{value: count} of one filter's options."""
    listing_filter = next(f for f in response.context["listing"].filters if f.param == param)
    return {o.value: o.count for o in listing_filter.options}


def test_training_filters_by_audience_level_and_duration_with_counts(client, site_tree):
    add(site_tree, "Quick intro", estimated_minutes=20)
    add(site_tree, "Deep dive", level="advanced", estimated_minutes=90, track_order=2)
    add(site_tree, "Hour", audience="stakeholders", level="intermediate", estimated_minutes=60)

    response = client.get("/en/training/")
    assert options(response, "duration") == {"short": 1, "medium": 1, "long": 1}
    assert options(response, "audience") == {"civil_servants": 2, "stakeholders": 1}

    response = client.get("/en/training/", {"audience": "civil_servants", "duration": "long"})
    assert shown(response) == ["Deep dive"]
    assert options(response, "level") == {"advanced": 1}
    response = client.get("/en/training/", {"level": ["introductory", "intermediate"]})
    assert shown(response) == ["Quick intro", "Hour"]
    html = client.get("/en/training/?duration=medium").content.decode()
    assert "Hour" in html and "Quick intro" not in html
    assert "30 to 60 minutes" in html


def test_spanish_training_filters_by_the_language_modules_are_written_in(
    client, site_tree, locales
):
    basics = add(site_tree, "Open basics")
    add(site_tree, "English only")
    training_es = site_tree["training"].copy_for_translation(locales["es"], copy_parents=True)
    training_es.save_revision().publish()
    basics_es = basics.copy_for_translation(locales["es"])
    basics_es.title = "Fundamentos"
    basics_es.save_revision().publish()

    response = client.get("/es/training/")
    assert sorted(shown(response)) == ["English only", "Fundamentos"]
    assert options(response, "language") == {"en": 1, "es": 1}
    assert shown(client.get("/es/training/?language=es")) == ["Fundamentos"]
