"""Arrows point down, even by name (STYLE.md rule 11): checked on the sources, so a new import
or model label that breaks them fails here before a reviewer has to find it."""

import ast
import re
from pathlib import Path

from django.conf import settings

from search.registry import indexed_models

ROOT = Path(settings.BASE_DIR)
# Lower layers first: an app imports only apps of a lower layer (home and the page store it
# purges sit together at the bottom). Apps of one layer do not import each other.
LAYERS = [
    {"home", "pagecache"},
    {"stories", "knowledge", "localization", "engagement"},
    {"events"},
    {"search"},
    {"demo"},
]
# cms/ is the project, outside the layers: its urls.py wires every app and apps use its few
# shared helpers (sign_in, api_parameters); its settings are checked by name below.
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}
SHARED_BOTTOM = {"home", "pagecache"}
CONTENT_LABEL = re.compile(r"\b(stories|knowledge)\.[A-Za-z_]")
# The benchmark's synthetic corpus imitates the demo site's mix of types by name; it is never
# used by the site (README, "Search").
BENCHMARK = ("bench", "bench_search.py", "generate_search_corpus.py")


def python_files(*folders):
    """The project's Python files under `folders`, migrations left out."""
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def imported_apps(path):
    """The first-party apps a Python file imports (anywhere in it, functions included)."""
    apps = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            apps.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            apps.add(node.module.split(".")[0])
    return apps & set(RANK)


def upward_imports(app, paths):
    """(file, imported app) for every import of `app`'s files that does not point down."""
    found = []
    for path in paths:
        for other in sorted(imported_apps(path) - {app}):
            down = RANK[other] < RANK[app] or {app, other} <= SHARED_BOTTOM
            if not down:
                found.append((str(path), other))
    return found


def test_no_app_imports_an_app_above_it_or_beside_it():
    found = [hit for app in RANK for hit in upward_imports(app, python_files(app))]
    assert found == []


def test_the_import_check_catches_an_upward_import(tmp_path):
    module = tmp_path / "helpers.py"
    module.write_text("def f():\n    from stories.models import ReformStoryPage\n")
    assert upward_imports("home", [module]) == [(str(module), "stories")]


def test_home_and_the_settings_never_name_stories_or_knowledge():
    paths = [*python_files("home", "cms/settings"), *sorted((ROOT / "home").rglob("*.html"))]
    named = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in paths
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CONTENT_LABEL.search(line) or re.match(r"\s*(from|import) (stories|knowledge)\b", line)
    ]
    assert named == []


def content_type_names():
    """What would name a searched page type: its class, its label and its `search_type`."""
    names = set()
    for model in indexed_models():
        names.update({model.__name__, model._meta.label})
        names.update({f'"{model.search_type}"', f"'{model.search_type}'"})
    return names


def test_search_names_no_content_type_and_imports_none():
    paths = [
        *[p for p in python_files("search") if not set(BENCHMARK) & set(p.parts)],
        *sorted((ROOT / "templates" / "search").rglob("*.html")),
    ]
    names = content_type_names()
    assert {'"story"', "ReformStoryPage", "knowledge.KnowledgeProductPage"} <= names
    named = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in paths
        for name in sorted(names)
        if name in path.read_text(encoding="utf-8")
    ]
    assert named == []
    assert [p for p in paths if p.suffix == ".py" and imported_apps(p) - {"search", "home"}] == []
