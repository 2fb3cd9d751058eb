"""Browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's
live server. Every test in this folder carries the `browser` marker."""

import contextlib
import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"

# Playwright's sync API runs an event loop in the test thread; the ORM calls fixtures and tests
# make while it runs would otherwise be refused as "async unsafe". (Subprocesses that must not
# inherit this, such as `check --deploy` in test_platform.py, remove it from their environment.)
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark every test collected from this folder as a browser test."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def browser():
    """A headless Debian Chromium for one test.

    Started per test, not per session: while Playwright's sync API runs, Django's database
    connections resolve in its context, and the next test's serialized-rollback restore would
    then miss the test database's saved contents.
    """
    if not CHROMIUM.exists():
        pytest.skip("Debian Chromium is missing at /usr/bin/chromium: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab (own cookies and storage) that records CSP violations it sees."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.csp_violations = []
    tab.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and tab.csp_violations.append(message.text)
        ),
    )
    yield tab
    context.close()
    # ORM calls made while Playwright runs open a connection of their own: close it, or
    # PostgreSQL refuses to drop the test database at the end.
    from django.db import connection

    connection.close()


@pytest.fixture
def artifacts():
    """The folder where browser tests keep screenshots."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# --- The shared browser site ------------------------------------------------------------------
# Journeys, accessibility, layout, no-JavaScript and page-weight tests read one small site (every
# page type in English, Spanish and Arabic, see tests/browser/site.py) built once for this
# folder, and one Chromium per module.


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can tell a failed test."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def _live_server_helper(request, django_db_blocker):
    """pytest-django's helper of this name, except for tests that read the shared site.

    pytest-django makes every live-server test transactional, which empties the database after
    each test. Tests that use `browser_site` share one site built for the whole folder instead,
    so for them database access is simply allowed; `_shared_site` puts the database back as the
    migrations left it once the folder is done.
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    shared = "browser_site" in request.fixturenames
    if not shared:
        request.getfixturevalue("transactional_db")
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    try:
        if shared:
            with django_db_blocker.unblock():
                yield
        else:
            yield
    finally:
        live_server._live_server_modified_settings.disable()


# The package's SharedSite, once created: modules that do not use it set it aside.
SHARED_SITE = []


@pytest.fixture(scope="package")
def _shared_site(live_server, django_db_setup, django_db_blocker):
    """The site shared by this folder; afterwards the database is as the migrations left it."""
    from tests.browser.site import SharedSite, restore_database

    with django_db_blocker.unblock():
        shared = SharedSite(live_server.url)
    SHARED_SITE.append(shared)
    yield shared
    SHARED_SITE.remove(shared)
    with django_db_blocker.unblock():
        restore_database(shared.snapshot)


@pytest.fixture(scope="module", autouse=True)
def _shared_site_set_aside(request, django_db_blocker):
    """Modules none of whose tests read the shared site (those that manage the database
    themselves, with transactional tests) start from the database the migrations left."""
    items = [item for item in request.session.items if item.module is request.module]
    built = SHARED_SITE and SHARED_SITE[0].site is not None
    if built and not any("browser_site" in item.fixturenames for item in items):
        with django_db_blocker.unblock():
            SHARED_SITE[0].set_aside()


@pytest.fixture
def browser_site(_shared_site, django_db_blocker):
    """The shared site (addresses, accounts), built on first use."""
    from django.db import connection

    with django_db_blocker.unblock():
        site = _shared_site.ensure()
        # Under Playwright this thread may have opened a connection of its own: close it, or
        # PostgreSQL refuses to drop the test database at the end. (SQLite ignores closing the
        # in-memory database the live server shares.)
        connection.close()
    return site


@pytest.fixture(scope="module")
def chromium(_shared_site, django_db_blocker):
    """A headless Debian Chromium shared by one module's tests.

    Started after the site is built: while Playwright's sync API runs, this thread's database
    connections resolve in Playwright's context instead of the test database's own.
    """
    if not CHROMIUM.exists():
        pytest.skip("Debian Chromium is missing at /usr/bin/chromium: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with django_db_blocker.unblock():
        _shared_site.ensure()

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


def artifact_name(nodeid):
    """A file name made from a test id."""
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in nodeid.split("::", 1)[-1])


@pytest.fixture
def open_page(chromium, request):
    """Open a tab in a fresh browser context; on failure every open tab is screenshotted.

    `open_page(width=1280, height=900, javascript=True, locale="en-GB")` returns the tab.
    """
    contexts = []

    def open_tab(width=1280, height=900, javascript=True, locale="en-GB"):
        context = chromium.new_context(
            viewport={"width": width, "height": height},
            locale=locale,
            java_script_enabled=javascript,
        )
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(20_000)
        tab.csp_violations = []

        def record_csp_violation(message):
            if "Content Security Policy" in message.text:
                tab.csp_violations.append(message.text)

        tab.on("console", record_csp_violation)
        return tab

    yield open_tab
    report = getattr(request.node, "report_call", None)
    failed = report is not None and report.failed
    if failed:
        (ARTIFACTS / "failures").mkdir(parents=True, exist_ok=True)
    for number, context in enumerate(contexts):
        if failed:
            for index, tab in enumerate(context.pages):
                name = f"{artifact_name(request.node.nodeid)}-{number}-{index}.png"
                # A closed or crashed tab has nothing to show.
                with contextlib.suppress(Exception):
                    tab.screenshot(path=str(ARTIFACTS / "failures" / name), full_page=True)
        context.close()
