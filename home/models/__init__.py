"""Models of the home app: pages, settings and the shared vocabulary."""

from home.models.base import SUMMARY_MAX_LENGTH, BasePage
from home.models.pages import FeaturedStory, HomePage, StandardPage
from home.models.settings import SiteSettings
from home.models.taxonomy import (
    Country,
    PolicyArea,
    Region,
    SustainableDevelopmentGoal,
    TaggedMixin,
)

__all__ = [
    "SUMMARY_MAX_LENGTH",
    "BasePage",
    "Country",
    "FeaturedStory",
    "HomePage",
    "PolicyArea",
    "Region",
    "SiteSettings",
    "StandardPage",
    "SustainableDevelopmentGoal",
    "TaggedMixin",
]
