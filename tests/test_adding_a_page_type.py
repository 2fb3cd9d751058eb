"""Adding a page type with its own listing, feeds, downloads, search facet and citation is
adding its app: tests/bulletins/ is such an app, and nothing outside it names it.

Its checks (tests/bulletins/check_bulletins.py) run in a pytest process of their own, with
settings that only add the app to INSTALLED_APPS, on a database migrated afresh (SQLite, or a
PostgreSQL database of its own beside this run's).
"""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)
APP = ROOT / "tests" / "bulletins"
SETTINGS = ROOT / "tests" / "bulletins_settings.py"


def project_sources():
    """The project's Python files and templates outside tests/ (and the virtualenv)."""
    for path in sorted(ROOT.rglob("*")):
        parts = path.relative_to(ROOT).parts
        if path.suffix in (".py", ".html", ".txt", ".xml") and parts[0] not in ("tests", ".venv"):
            yield path


def test_nothing_outside_the_app_names_it():
    named = [
        str(path.relative_to(ROOT))
        for path in project_sources()
        if re.search(r"bulletin", path.read_text(encoding="utf-8", errors="ignore"), re.I)
    ]
    assert named == []


def test_its_settings_only_add_the_app():
    module = ast.parse(SETTINGS.read_text(encoding="utf-8"))
    assigned = [
        target.id for node in module.body if isinstance(node, ast.Assign) for target in node.targets
    ]
    others = [
        node for node in module.body if not isinstance(node, ast.Assign | ast.ImportFrom | ast.Expr)
    ]
    assert (assigned, others) == (["INSTALLED_APPS"], [])
    assert 'INSTALLED_APPS = [*INSTALLED_APPS, "tests.bulletins"]' in SETTINGS.read_text()


def separate_database_url():
    """This run's database, or on PostgreSQL one of its own beside it (pytest-django makes and
    drops its test_ copy), so the checks' run never touches this one's."""
    if connection.vendor != "postgresql":
        return ""
    url = os.environ["DATABASE_URL"].rstrip("/")
    return f"{url}_bulletins"


def test_installing_the_app_gives_its_listing_feeds_downloads_search_and_citation():
    env = {**os.environ, "DATABASE_URL": separate_database_url()}
    if not env["DATABASE_URL"]:
        del env["DATABASE_URL"]
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-n0",
            "-p",
            "no:cacheprovider",
            "--ds=tests.bulletins_settings",
            "-q",
            str(APP / "check_bulletins.py"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    # Every check ran (none skipped, none left uncollected).
    checks = len(re.findall(r"^def test_", (APP / "check_bulletins.py").read_text(), re.M))
    assert re.search(rf"\b{checks} passed in\b", run.stdout), run.stdout[-2000:]
