"""Reading the demo content files (demo/data/) and the per-language translation catalogues."""

import csv
import json
import re
from functools import cached_property
from pathlib import Path

from django.conf import settings

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CATALOGUE_AREAS = ("taxonomy", "pages", "stories", "knowledge", "training", "events")
LETTER = re.compile(r"[^\W\d_]")


def with_settings(text):
    """`text` with the settings it names filled in: the privacy notice states the retention
    period the site is configured with (SUBMISSION_RETENTION_DAYS)."""
    return text.replace("{retention_days}", str(settings.SUBMISSION_RETENTION_DAYS))


def filled(value):
    """A parsed JSON value with `with_settings` applied to every string in it."""
    if isinstance(value, str):
        return with_settings(value)
    if isinstance(value, list):
        return [filled(item) for item in value]
    if isinstance(value, dict):
        return {key: filled(item) for key, item in value.items()}
    return value


def read_json(name, default=None):
    """A JSON file of demo/data/ (or `default` when it does not exist)."""
    path = DATA_DIR / name
    if not path.exists() and default is not None:
        return default
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


class Catalogue:
    """English string -> translated string for one language, from all its area files.

    Strings with no letter at all (numbers such as "600+" or "50/50") are the same in every
    language, so they translate to themselves.
    """

    def __init__(self, language_code):
        self.language_code = language_code
        self.strings = {}
        for area in CATALOGUE_AREAS:
            strings = read_json(f"translations/{language_code}/{area}.json", {})
            self.strings.update(
                (with_settings(english), with_settings(text)) for english, text in strings.items()
            )

    def __contains__(self, text):
        return self.get(text) is not None

    def get(self, text):
        """The translation of `text`, or None when the catalogue does not have it."""
        if not LETTER.search(text):
            return text
        return self.strings.get(text) or self.strings.get(text.strip())


class DemoData:
    """Every content file of the demo, parsed once."""

    @cached_property
    def members(self):
        """Member governments from members.csv, numbers parsed."""
        with (DATA_DIR / "members.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            row["year_joined"] = int(row["year_joined"])
            row["population"] = int(row["population"]) if row["population"] else None
        return rows

    @cached_property
    def taxonomy(self):
        """Regions, policy areas, goals and countries."""
        return read_json("taxonomy.json")

    @cached_property
    def stories(self):
        """Reform stories."""
        return read_json("stories.json")

    @cached_property
    def knowledge(self):
        """Knowledge products."""
        return read_json("knowledge.json")

    @cached_property
    def training(self):
        """Training modules."""
        return read_json("training.json")

    @cached_property
    def pages(self):
        """Home, index and standard pages, and the site settings."""
        return filled(read_json("pages.json"))

    def catalogue(self, language_code):
        """The translation catalogue of one language (empty when it has none)."""
        catalogues = self.__dict__.setdefault("_catalogues", {})
        if language_code not in catalogues:
            catalogues[language_code] = Catalogue(language_code)
        return catalogues[language_code]
