"""Interface strings: every string makemessages finds is translated and none is fuzzy."""

import contextlib
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

TARGETS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# What `make messages` skips: the virtualenv, tests, demo content and generated files.
IGNORED = [".venv", "tests", "demo/data", "staticfiles", "media", "test-artifacts", "node_modules"]
NPLURALS = {"ar": 6, "uk": 4}


def is_translated(entry, nplurals):
    """Whether a catalogue entry has a translation for its singular or every plural form."""
    if entry.msgid_plural:
        forms = entry.msgstr_plural
        return len(forms) == nplurals and all(forms.get(i) for i in range(nplurals))
    return bool(entry.msgstr)


def nplurals_of(po):
    """The number of plural forms declared in the catalogue's Plural-Forms header."""
    header = po.metadata.get("Plural-Forms", "")
    return int(header.split("nplurals=", 1)[1].split(";", 1)[0])


def untranslated_messages(project_root, locale_dir):
    """Run makemessages over `project_root` into `locale_dir`; {language: untranslated or fuzzy}."""
    with override_settings(LOCALE_PATHS=[str(locale_dir)]), contextlib.chdir(project_root):
        call_command(
            "makemessages",
            locale=TARGETS,
            ignore_patterns=IGNORED,
            no_obsolete=True,
            verbosity=0,
        )
    return catalogue_problems(locale_dir)


def catalogue_problems(locale_dir):
    """{language: untranslated or fuzzy msgids} of the catalogues in `locale_dir`."""
    problems = {}
    for code in TARGETS:
        po = polib.pofile(str(Path(locale_dir, code, "LC_MESSAGES", "django.po")))
        nplurals = nplurals_of(po)
        problems[code] = [
            entry.msgid
            for entry in po
            if not entry.obsolete and ("fuzzy" in entry.flags or not is_translated(entry, nplurals))
        ]
    return problems


@pytest.fixture
def locale_copy(tmp_path):
    """A copy of the committed catalogues that makemessages may rewrite."""
    target = tmp_path / "locale"
    shutil.copytree(Path(settings.BASE_DIR, "locale"), target)
    return target


@pytest.fixture
def project_copy(tmp_path):
    """The project's sources and catalogues, copied: makemessages rewrites the catalogues of the
    folder it runs in, and the committed ones must stay as they are."""
    target = tmp_path / "project"
    shutil.copytree(
        settings.BASE_DIR,
        target,
        ignore=shutil.ignore_patterns(
            *[name for name in IGNORED if "/" not in name],
            ".git",
            "bench-results",
            "__pycache__",
            "*.egg-info",
            "*.mo",
            "*.sqlite3",
        ),
    )
    return target


def committed_catalogues():
    """The text of every committed .po file."""
    return {path: path.read_text() for path in Path(settings.BASE_DIR, "locale").glob("*/*/*.po")}


def test_every_interface_string_is_translated_in_every_language(project_copy):
    before = committed_catalogues()
    problems = untranslated_messages(project_copy, project_copy / "locale")
    assert problems == {code: [] for code in TARGETS}
    # Apps with catalogues of their own (events/locale/...) got their strings there.
    for app_locale in sorted(project_copy.glob("*/locale")):
        assert catalogue_problems(app_locale) == {code: [] for code in TARGETS}, app_locale
    assert committed_catalogues() == before


def test_a_new_untranslated_template_string_is_caught(tmp_path, locale_copy):
    project = tmp_path / "project"
    (project / "templates").mkdir(parents=True)
    (project / "templates" / "probe.html").write_text(
        '{% load i18n %}<p>{% translate "A sentence nobody has translated yet" %}</p>'
        '<p>{% translate "Translation status" %}</p>'
    )
    problems = untranslated_messages(project, locale_copy)
    assert problems == {code: ["A sentence nobody has translated yet"] for code in TARGETS}


def test_catalogues_declare_the_plural_forms_of_their_language():
    for code in TARGETS:
        po = polib.pofile(str(Path(settings.BASE_DIR, "locale", code, "LC_MESSAGES", "django.po")))
        assert po.metadata["Language"] == code
        # A fuzzy header is dropped by msgfmt, and with it the plural rule.
        assert not po.metadata_is_fuzzy, code
        if code in NPLURALS:
            assert nplurals_of(po) == NPLURALS[code]
        for entry in po:
            if entry.msgid_plural:
                assert len(entry.msgstr_plural) == nplurals_of(po), (code, entry.msgid)
