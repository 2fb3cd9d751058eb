"""`manage.py compile_translations`: compile .po catalogues to .mo without GNU gettext.

The Makefile uses Django's `compilemessages` (which also checks placeholders with msgfmt) when
gettext is installed, and this command on machines that only have Python.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogues():
    """Every .po file of the project: LOCALE_PATHS and the project's own apps' locale folders."""
    folders = [Path(path) for path in settings.LOCALE_PATHS]
    folders += [
        Path(settings.BASE_DIR) / name / "locale"
        for name in settings.INSTALLED_APPS
        if "." not in name
    ]
    for folder in folders:
        if folder.is_dir():
            yield from sorted(folder.glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    """Write each catalogue's .mo next to it when it is missing or older than the .po."""

    help = "Compile the project's .po translation catalogues to .mo files (no gettext needed)."

    def handle(self, *args, **options):
        compiled = 0
        for po_path in catalogues():
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            # Fuzzy and untranslated entries are left out, as msgfmt does.
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled += 1
            if options["verbosity"] > 1:
                self.stdout.write(f"Compiled {po_path}")
        if options["verbosity"]:
            self.stdout.write(f"{compiled} translation catalogue(s) compiled.")
