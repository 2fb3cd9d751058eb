"""The browser site's events, statements and menu in every language: an events index with an
upcoming learning circle and a past Open Gov Week activity, the accessibility statement and the
privacy notice chosen in the site settings, and the menu's titles in the seven languages as the
demo gives them (so the one-line header is measured with the real, longest, titles)."""

import datetime

from django.utils import timezone
from wagtail.models import Site

from demo.loading.data import Catalogue as DemoCatalogue
from home.models import SiteSettings
from tests import factories

# Browser-site menu title -> the demo's English title of the same page.
DEMO_MENU_TITLES = {
    "Stories": "Reform stories",
    "Members": "Members",
    "Knowledge": "Knowledge",
    "Training": "Training",
    "Events": "Events",
    "About us": "About the partnership",
}
# Languages the browser site translates only its menu (and home) into.
MENU_ONLY_LANGUAGES = ["fr", "pt", "id", "uk"]
MENU_KEYS = ["home", "stories", "members", "knowledge", "training", "events", "about"]

# Spanish and Arabic translations of these pages are in catalogues.json.
SECTION_KEYS = ["events", "circle", "accessibility", "privacy"]


def menu_catalogue(code):
    """The browser site's menu titles in `code`, translated as the demo translates them."""
    demo = DemoCatalogue(code)
    return {ours: demo.get(theirs) for ours, theirs in DEMO_MENU_TITLES.items()}


def build_sections(home, pages):
    """Events, statements and site settings under the English `home`; adds them to `pages`."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    pages["events"] = factories.EventIndexPageFactory(
        parent=home,
        show_in_menus=True,
        intro="Activities, learning circles and training for local reformers.",
    )
    pages["circle"] = factories.EventPageFactory(
        parent=pages["events"],
        title="Learning circle on open contracting",
        slug="learning-circle-on-open-contracting",
        summary="Peers compare how they publish their contracts.",
        kind="learning_circle",
        time_zone="Europe/Madrid",
        start=now + datetime.timedelta(days=12),
        end=now + datetime.timedelta(days=12, hours=2),
        languages="|es|en|",
    )
    pages["walk"] = factories.EventPageFactory(
        parent=pages["events"],
        title="Open Gov Week: an open data walk",
        slug="open-data-walk",
        summary="Residents walked the city with its open data.",
        kind="open_gov_week",
        attendance="in_person",
        city="Madrid",
        time_zone="Europe/Madrid",
        start=now - datetime.timedelta(days=20),
        end=now - datetime.timedelta(days=20) + datetime.timedelta(hours=3),
    )
    for key, title in [("accessibility", "Accessibility statement"), ("privacy", "Privacy notice")]:
        pages[key] = factories.StandardPageFactory(parent=home, title=title, slug=key)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "local@example.org"
    site_settings.accessibility_page = pages["accessibility"]
    site_settings.privacy_page = pages["privacy"]
    site_settings.save()
