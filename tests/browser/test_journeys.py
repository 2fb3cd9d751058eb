"""Journeys in a real browser: a visitor finding a story and searching in Spanish, the member
directory, a training module with remembered progress, a story going from an editor through
a moderator to a Spanish translator and back to the moderator, live in both languages, an upcoming
learning circle found in Spanish and added to a calendar, and a city expressing interest in
joining that a moderator then reads."""

import datetime
import re
import secrets
from pathlib import Path

import icalendar
from PIL import Image
from playwright.sync_api import expect


def test_visitor_filters_stories_reads_one_switches_to_spanish_and_searches(
    browser_site, open_page
):
    tab = open_page()
    tab.goto(browser_site.url("home"))
    tab.get_by_role("navigation", name="Main menu").get_by_role("link", name="Stories").click()
    tab.wait_for_url(browser_site.url("stories"))

    tab.get_by_role("checkbox", name=re.compile("Anti-corruption")).check()
    tab.get_by_role("button", name="Apply filters").click()
    tab.wait_for_url(re.compile(r"\?policy_area=anti-corruption"))
    cards = tab.locator(".cards")
    expect(cards).to_contain_text("Madrid opens a lobby registry")
    expect(cards).to_contain_text("Abuja brings citizens into public contracting")
    expect(cards).not_to_contain_text("Buenos Aires counts those often left out")

    cards.get_by_role("link", name="Madrid opens a lobby registry").click()
    tab.wait_for_url(browser_site.url("story"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Madrid opens a lobby registry")

    tab.get_by_role("navigation", name="Languages").locator("a[hreflang='es']").click()
    tab.wait_for_url(browser_site.url("story", "es"))
    expect(tab.locator("html")).to_have_attribute("lang", "es")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Madrid abre un registro de lobbies")

    search_field = tab.get_by_role("search").first.get_by_role("searchbox")
    search_field.fill("lobbies")
    search_field.press("Enter")
    tab.wait_for_url(re.compile(r"/es/search/\?q=lobbies"))
    results = tab.locator(".search-results .search-result__title")
    expect(results.filter(has_text="Madrid abre un registro de lobbies")).to_have_count(1)
    expect(results.filter(has_text="Registros de lobbies para gobiernos locales")).to_have_count(1)

    facets = tab.locator(".search-page__facets")
    facets.get_by_role("checkbox", name=re.compile("Datos abiertos")).check()
    facets.locator("button[type='submit']").click()
    tab.wait_for_url(re.compile(r"q=lobbies.*policy_area=open-data"))
    expect(results).to_have_count(1)
    expect(results).to_have_text("Madrid abre un registro de lobbies")
    results.get_by_role("link").click()
    tab.wait_for_url(browser_site.url("story", "es"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Madrid abre un registro de lobbies")


def test_visitor_finds_a_member_by_country_and_reads_its_stories(browser_site, open_page):
    tab = open_page()
    tab.goto(browser_site.url("members"))
    tab.get_by_role("checkbox", name=re.compile("^Spain")).check()
    tab.get_by_role("button", name="Apply filters").click()
    tab.wait_for_url(re.compile(r"\?country=spain"))
    directory = tab.locator(".listing__results")
    expect(directory.get_by_role("heading", name=re.compile("^Spain"))).to_be_visible()
    expect(directory.get_by_role("link", name="Basque Country", exact=True)).to_be_visible()
    expect(directory.get_by_role("link", name="Abuja")).to_have_count(0)

    directory.get_by_role("link", name="Madrid", exact=True).click()
    tab.wait_for_url(browser_site.url("madrid"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Madrid")
    stories = tab.get_by_role("region", name="Reform stories")
    stories.get_by_role("link", name="Madrid opens a lobby registry").click()
    tab.wait_for_url(browser_site.url("story"))
    expect(tab.get_by_role("heading", name="What changed")).to_be_visible()


def test_learner_answers_a_lesson_question_and_progress_survives_a_reload(browser_site, open_page):
    tab = open_page()
    tab.goto(browser_site.url("training"))
    tab.get_by_role("link", name="Open government basics").click()
    tab.wait_for_url(browser_site.url("module"))
    tab.get_by_role("link", name="Start the first lesson").click()
    tab.wait_for_url(browser_site.url("lesson-1"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("What open government means")

    tab.get_by_role("link", name="Next lesson").click()
    tab.wait_for_url(browser_site.url("lesson-2"))
    tab.get_by_role("radio", name="Everyone").check()
    tab.get_by_role("button", name="Check my answer").click()
    # Answered in the page by the script, without a round trip.
    expect(tab.locator("[data-feedback]")).to_have_text("Correct.")
    assert tab.url == browser_site.url("lesson-2")
    expect(tab.get_by_text("Open decisions can be read by anyone.")).to_be_visible()
    progress = tab.locator("[data-progress-summary]")
    expect(progress).to_have_text("2 of 3 lessons done")

    tab.reload()
    expect(progress).to_have_text("2 of 3 lessons done")
    tab.get_by_role("link", name="All lessons").click()
    tab.wait_for_url(browser_site.url("module"))
    expect(tab.locator("[data-progress-summary]")).to_have_text("2 of 3 lessons done")
    done = tab.locator(".lessons__item").filter(has=tab.locator("[data-done-label]:visible"))
    expect(done).to_have_count(2)


# --- The editorial journey ----------------------------------------------------------------

STORY_TITLE = "Bogotá publishes every council vote"
SPANISH_TITLE = "Bogotá publica cada votación del concejo"


def log_in(tab, site, username):
    """Sign in to the admin; lands on its dashboard."""
    tab.goto(f"{site.base_url}/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(site.password)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(f"{site.base_url}/admin/")


def picture_file(folder):
    """A new landscape picture (a colour of its own, so the admin never sees a duplicate)."""
    path = folder / "council-chamber.png"
    Image.new("RGB", (1600, 900), "#" + secrets.token_hex(3)).save(path)
    return path


def create_story_and_submit_it(tab, site, folder):
    """As an editor: write a story with its member, image, policy area and key figure, and
    submit it to the review workflow."""
    tab.goto(f"{site.base_url}/admin/pages/{site.ids['en']['stories']}/")
    tab.get_by_role("link", name=re.compile("Add child page")).first.click()
    if "/add_subpage/" in tab.url:  # more than one allowed type: choose "Reform story"
        tab.get_by_role("link", name=re.compile("Reform story")).click()
    tab.wait_for_url(re.compile(r"/admin/pages/add/stories/reformstorypage/"))

    tab.get_by_placeholder("Page title*").fill(STORY_TITLE)
    tab.get_by_role("button", name="Choose a page (Member profile)").click()
    chooser = tab.get_by_role("dialog")
    chooser.get_by_placeholder("Search…").fill("Madrid")
    # The search covers every language: take the English member.
    english_rows = chooser.get_by_role("row").filter(has_text="English")
    english_rows.get_by_role("link", name="Madrid", exact=True).click()
    expect(chooser).to_be_hidden()
    tab.get_by_role("textbox", name="Summary").fill(
        "Residents can read how each councillor voted, the same day."
    )

    tab.get_by_role("button", name="Choose an image").click()
    chooser.get_by_role("tab", name="Upload").click()
    chooser.get_by_role("textbox", name="Title").fill("Council chamber")
    chooser.locator("input[type='file']").set_input_files(picture_file(folder))
    chooser.get_by_role("button", name="Upload").click()
    expect(tab.locator("#id_image-title")).to_have_text("Council chamber")
    tab.get_by_role("textbox", name="Image alternative text").fill(
        "Councillors raising their hands to vote"
    )

    tab.get_by_role("checkbox", name="Anti-corruption", exact=True).check()
    tab.get_by_role("spinbutton", name="Start year").fill("2024")
    figures = tab.get_by_role("region", name="Key figures")
    figures.get_by_role("button", name="Insert a block").first.click()
    figures.get_by_role("textbox", name="Label").fill("Votes published")
    figures.get_by_role("textbox", name="Value before").fill("0")
    figures.get_by_role("textbox", name="Value after").fill("1,200")
    figures.get_by_role("textbox", name="Unit").fill("votes")
    figures.get_by_role("textbox", name="Source").fill("Council records")

    # Wagtail saves new pages automatically; submitting while that first save is still under
    # way would create the page twice, so wait until it has become an edit of the saved page.
    tab.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(tab.get_by_text("Saved", exact=True)).to_be_visible()

    tab.get_by_role("button", name="More actions").click()
    expect(tab.get_by_role("button", name=re.compile("^Publish"))).to_have_count(0)
    tab.get_by_role("button", name="Submit to Review").click()
    expect(
        tab.get_by_text(f"Page '{STORY_TITLE}' has been submitted for moderation.")
    ).to_be_visible()


def approve_from_dashboard(tab, site, title):
    """As a moderator: approve the page titled `title` from "Awaiting your review"."""
    tab.goto(f"{site.base_url}/admin/")
    awaiting = tab.locator("section").filter(
        has=tab.get_by_role("heading", name="Awaiting your review")
    )
    row = awaiting.get_by_role("row").filter(has=tab.get_by_role("link", name=title, exact=True))
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    tab.wait_for_url(f"{site.base_url}/admin/")
    expect(awaiting.get_by_role("link", name=title, exact=True)).to_have_count(0)


def language_cell(tab, title, language_name):
    """The Translation status dashboard's cell for the page `title` in `language_name`."""
    row = tab.get_by_role("row").filter(has=tab.get_by_role("link", name=title, exact=True))
    expect(row).to_have_count(1)
    table = tab.get_by_role("table").filter(has=row)
    headers = [text.strip() for text in table.get_by_role("columnheader").all_inner_texts()]
    return row.locator("th, td").nth(headers.index(language_name))


def translate_segment(tab, source, translation):
    """In wagtail-localize's editor, translate the segment whose source text is `source`."""
    segment = tab.locator("li").filter(has=tab.get_by_text(source, exact=True)).last
    segment.get_by_role("button", name="Translate", exact=True).click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_text(translation, exact=True)).to_be_visible()
    expect(segment.get_by_role("button", name="Edit", exact=True)).to_be_visible()


def translate_story_and_submit_it(tab, site):
    """As the Spanish translator: start the translation from the dashboard, translate it in
    wagtail-localize's editor and submit it to the review workflow."""
    tab.get_by_role("link", name="Translation status").first.click()
    language_cell(tab, STORY_TITLE, "Español").get_by_role("link", name="Translate").click()
    expect(tab.get_by_role("checkbox", name="Español")).to_be_checked()
    tab.get_by_role("button", name="Submit").click()
    tab.wait_for_url(re.compile(r"/admin/translation-status/"))

    language_cell(tab, STORY_TITLE, "Español").get_by_role("link", name="Edit").click()
    tab.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    translate_segment(tab, STORY_TITLE, SPANISH_TITLE)
    translate_segment(
        tab,
        "Residents can read how each councillor voted, the same day.",
        "Los vecinos pueden leer cómo votó cada concejal, el mismo día.",
    )
    translate_segment(
        tab,
        "Councillors raising their hands to vote",
        "Concejales levantando la mano para votar",
    )
    translate_segment(tab, "Votes published", "Votaciones publicadas")
    # Translators cannot publish: their work goes through the same review.
    expect(tab.get_by_role("button", name=re.compile("^Publish"))).to_have_count(0)

    tab.get_by_role("link", name="Translation status").first.click()
    cell = language_cell(tab, STORY_TITLE, "Español")
    expect(cell).to_contain_text("%")
    cell.get_by_role("link", name="Submit for review").click()
    tab.get_by_role("button", name="Submit for review").click()
    tab.wait_for_url(re.compile(r"/admin/translation-status/"))


def test_a_story_goes_from_editor_to_moderator_to_spanish_translator_and_live(
    browser_site, open_page, tmp_path
):
    visitor = open_page()
    stories = visitor.locator(".cards")

    editor = open_page()
    log_in(editor, browser_site, "editor")
    create_story_and_submit_it(editor, browser_site, tmp_path)
    visitor.goto(browser_site.url("stories"))
    expect(stories).to_contain_text("Madrid opens a lobby registry")
    expect(stories).not_to_contain_text(STORY_TITLE)

    moderator = open_page()
    log_in(moderator, browser_site, "moderator")
    approve_from_dashboard(moderator, browser_site, STORY_TITLE)
    visitor.reload()
    stories.get_by_role("link", name=STORY_TITLE).click()
    visitor.wait_for_url(re.compile(r"/en/stories/.+/$"))
    english_url = visitor.url
    expect(visitor.get_by_role("heading", level=1)).to_have_text(STORY_TITLE)
    expect(visitor.get_by_text("Votes published")).to_be_visible()
    hero = visitor.locator(".hero-image img")
    expect(hero).to_have_attribute("alt", "Councillors raising their hands to vote")
    assert hero.evaluate("image => image.complete && image.naturalWidth > 0")

    translator = open_page()
    log_in(translator, browser_site, "translator")
    translate_story_and_submit_it(translator, browser_site)
    # In review, not live: the switcher still says the page is not in Spanish yet.
    visitor.goto(english_url)
    spanish_link = visitor.get_by_role("navigation", name="Languages").locator("a[hreflang='es']")
    expect(spanish_link).to_contain_text("page not translated")

    approve_from_dashboard(moderator, browser_site, SPANISH_TITLE)
    visitor.reload()
    expect(spanish_link).not_to_contain_text("page not translated")
    spanish_link.click()
    visitor.wait_for_url(re.compile(r"/es/stories/.+/$"))
    expect(visitor.locator("html")).to_have_attribute("lang", "es")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(SPANISH_TITLE)
    expect(visitor.get_by_text("Votaciones publicadas")).to_be_visible()
    expect(visitor.locator(".hero-image img")).to_have_attribute(
        "alt", "Concejales levantando la mano para votar"
    )


# --- Events and joining ---------------------------------------------------------------------


def test_a_visitor_finds_an_upcoming_learning_circle_in_spanish_and_adds_it_to_a_calendar(
    browser_site, open_page
):
    tab = open_page(locale="es-ES")
    tab.goto(browser_site.url("home", "es"))
    tab.get_by_role("navigation", name="Menú principal").get_by_role("link", name="Eventos").click()
    tab.wait_for_url(browser_site.url("events", "es"))

    tab.get_by_role("checkbox", name=re.compile("^Círculo de aprendizaje")).check()
    tab.get_by_role("checkbox", name=re.compile("^Próximos")).check()
    tab.get_by_role("button", name="Aplicar filtros").click()
    tab.wait_for_url(re.compile(r"kind=learning_circle"))
    cards = tab.locator(".cards")
    expect(cards).to_contain_text("Círculo de aprendizaje sobre contratación abierta")
    expect(cards).not_to_contain_text("paseo por los datos abiertos")

    cards.get_by_role("link", name="Círculo de aprendizaje sobre contratación abierta").click()
    tab.wait_for_url(browser_site.url("circle", "es"))
    with tab.expect_download() as download_info:
        tab.get_by_role("link", name="Añadir al calendario").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == "Círculo de aprendizaje sobre contratación abierta"
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/Madrid"
    assert start > datetime.datetime.now(datetime.UTC)
    # The address is built on the site's configured host name, the path is the Spanish page.
    assert str(event["URL"]).endswith(browser_site.path("circle", "es"))


def test_a_city_expresses_interest_in_joining_and_a_moderator_sees_it(browser_site, open_page):
    tab = open_page()
    tab.goto(browser_site.url("home"))
    tab.get_by_role("navigation", name="Main menu").get_by_role("link", name="Join").click()
    tab.wait_for_url(re.compile(r"/en/join-us/$"))
    city = f"Ciudad de Prueba {secrets.token_hex(3)}"
    tab.get_by_label("Name of the government", exact=True).fill(city)
    tab.get_by_label("Kind of government", exact=True).select_option("city")
    tab.get_by_label("Country", exact=True).select_option(label="Spain")
    tab.get_by_label("Contact person", exact=True).fill("Ana Pérez")
    tab.get_by_label("Role", exact=True).fill("Director of open government")
    tab.get_by_label("E-mail", exact=True).fill("ana.perez@example.org")
    tab.get_by_label(re.compile("Civil society partner")).fill("Fundación Abierta")
    tab.get_by_role("checkbox", name="Anti-corruption").check()
    tab.get_by_role("checkbox", name=re.compile("^I agree")).check()
    # People take longer than the minimum fill time that turns robots away.
    tab.wait_for_timeout(3_200)
    tab.get_by_role("button", name="Send").click()
    tab.wait_for_url(re.compile(r"/en/join-us/thanks/$"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Thank you")

    moderator = open_page()
    log_in(moderator, browser_site, "moderator")
    moderator.get_by_role("link", name="Form submissions").click()
    moderator.wait_for_url(re.compile(r"/admin/submissions/"))
    row = moderator.locator("tbody tr").filter(has_text=city)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("ana.perez@example.org")
    # The listing links each submission to its edit view; the inspect view shows every answer.
    edit_url = row.get_by_role("link", name=re.compile("Ana Pérez")).get_attribute("href")
    moderator.goto(browser_site.base_url + edit_url.replace("/edit/", "/inspect/"))
    expect(moderator.locator("main")).to_contain_text("Fundación Abierta")
    expect(moderator.locator("main")).to_contain_text(city)
