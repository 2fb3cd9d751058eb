"""The test settings with the bulletins app installed, and nothing else changed: adding a page
type is adding its app (tests/test_adding_a_page_type.py checks this module does no more)."""

from cms.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.bulletins"]  # noqa: F405
