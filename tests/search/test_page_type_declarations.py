"""The search's registry refuses page-type declarations it could not serve faithfully."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from home.listing import ChoiceFilter
from search import registry


def declared(search_type, *facets, weight=1.0):
    """A stand-in page model declaring `search_type`, `weight` and its own `facets`."""

    class Declared:
        search_filters = classmethod(
            lambda cls: [ChoiceFilter(p, p, p, choices=[]) for p in facets]
        )

    Declared.__name__ = f"{search_type.title()}Page"
    Declared.search_type = search_type
    Declared.search_weight = weight
    return Declared


@pytest.fixture
def page_models(monkeypatch):
    """Replace Wagtail's page models the registry reads, with a fresh registry cache."""

    def use(*models):
        monkeypatch.setattr(registry, "get_page_models", lambda: list(models))
        registry.indexed_models.cache_clear()
        return registry.indexed_models()

    yield use
    registry.indexed_models.cache_clear()


def test_types_are_ordered_heaviest_first(page_models):
    light, heavy = declared("light", weight=0.4), declared("heavy", weight=1.2)
    assert page_models(light, heavy) == [heavy, light]


def test_two_types_may_not_share_a_type_value(page_models):
    with pytest.raises(ImproperlyConfigured, match="already used by NewsPage"):
        page_models(declared("news"), declared("news"))


def test_a_facet_of_its_own_may_not_take_a_shared_facets_name(page_models):
    with pytest.raises(ImproperlyConfigured, match="'country'"):
        page_models(declared("news", "country"))


def test_two_types_may_not_declare_one_facet_name(page_models):
    # Their choices differ: one merged facet would offer one type's choices for both.
    with pytest.raises(ImproperlyConfigured, match="'kind'.*ProductPage"):
        page_models(declared("product", "kind"), declared("event", "kind"))
