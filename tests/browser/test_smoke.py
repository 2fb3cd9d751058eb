"""Smoke tests in a real browser: the home page renders under its strict policy, and the
editor's summary counter works in the admin."""

import pytest

from tests import factories

# The live server reads committed data; serialized rollback restores what migrations created
# (root page, groups, workflow) after each test's flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_home_page_shows_its_main_heading_in_chromium(live_server, site_tree, page, artifacts):
    home = site_tree["home"]
    response = page.goto(f"{live_server.url}/en/")
    assert response.status == 200
    heading = page.locator("main h1")
    assert heading.inner_text().strip() == home.hero_title
    assert page.locator("html").get_attribute("lang") == "en"
    page.screenshot(path=str(artifacts / "smoke-home.png"), full_page=True)
    assert (artifacts / "smoke-home.png").stat().st_size > 0
    assert page.csp_violations == []


def test_root_address_leads_to_the_home_page_in_a_language(live_server, site_tree, page):
    page.goto(f"{live_server.url}/")
    assert page.url.startswith(f"{live_server.url}/en/")
    assert page.locator("main h1").is_visible()


def test_summary_field_counts_characters_in_the_editor(
    live_server, site_tree, page, django_user_model
):
    django_user_model.objects.create_superuser("admin", "admin@example.org", "correct horse")
    home = site_tree["home"]
    factories.StandardPageFactory(parent=home, title="About", slug="about")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "correct horse")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/add/home/standardpage/{home.pk}/")
    counter = page.locator("#id_summary-counter")
    assert counter.inner_text() == "0 / 300"
    page.fill("textarea[name=summary]", "Open government, close to people.")
    assert counter.inner_text() == "33 / 300"
    assert "id_summary-counter" in page.get_attribute("textarea[name=summary]", "aria-describedby")
