"""Fixtures of the translation tests: a story, its Spanish and French trees, the people."""

import os
from pathlib import Path

import polib
import pytest
from django.conf import settings

from localization.translators import setup_translator_groups
from tests import factories
from tests.translation.builders import MODERATORS, translate_page


@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """Compile interface translations (as `make test` does) where a .po is newer than its .mo."""
    for po in Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            # Written aside then moved into place: parallel workers may compile at once.
            partial = mo.with_suffix(f".{os.getpid()}.tmp")
            polib.pofile(str(po)).save_as_mofile(str(partial))
            os.replace(partial, mo)


@pytest.fixture
def story(site_tree):
    """A live English reform story."""
    member = factories.MemberProfilePageFactory(parent=site_tree["members"], title="Madrid")
    return factories.ReformStoryPageFactory(
        parent=site_tree["stories"], title="Lobby register", slug="lobby-register", member=member
    )


@pytest.fixture
def spanish_tree(site_tree):
    """The home page and story index translated into Spanish and French, and published."""
    tree = {}
    for code in ("es", "fr"):
        home = translate_page(site_tree["home"], code, {"Home": f"Home {code}"})
        index = translate_page(site_tree["stories"], code, {"Stories": f"Stories {code}"})
        tree[code] = {"home": home, "stories": index}
    return tree


@pytest.fixture
def translator_groups(spanish_tree):
    """The translators' groups, set up once the Spanish and French home pages exist."""
    return dict(setup_translator_groups())


@pytest.fixture
def spanish_translator(django_user_model, translator_groups):
    """A member of "Translators: Spanish" and of no other group."""
    return factories.make_user("traductora", "Translators: Spanish")


@pytest.fixture
def moderator(django_user_model, locales):
    """A moderator, who approves the review workflow's task."""
    return factories.make_user("moderator", MODERATORS)


@pytest.fixture
def superuser(django_user_model, locales):
    """An administrator."""
    return django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
