"""Locales, the site and its English home, index and standard pages, and the site settings."""

from django.conf import settings
from wagtail.models import Locale, Page, Site

from demo.loading.blocks import body, stream
from demo.loading.pages import apply_fields, upsert_page
from home.addresses import site_fields
from home.models import FeaturedStory, HomePage, SiteSettings, StandardPage
from knowledge.models import KnowledgeIndexPage, TrainingIndexPage
from stories.models import CommitmentIndexPage, MemberIndexPage, StoryIndexPage

SITE_NAME = "Open Cities"
INDEX_MODELS = {
    "stories": StoryIndexPage,
    "members": MemberIndexPage,
    "knowledge": KnowledgeIndexPage,
    "training": TrainingIndexPage,
    "commitments": CommitmentIndexPage,
}


def ensure_locales():
    """A Locale for every language in settings.LANGUAGES; returns them by language code."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


def summary_of(text):
    """`text` as a summary when it fits in one (300 characters), else empty."""
    return text if len(text) <= 300 else ""


def load_home(data, english):
    """The English home page as the default site's root, replacing Wagtail's "Welcome" page.

    Returns (home page, site, changed translation keys).
    """
    root = Page.get_first_root_node()
    content = data.pages["home"]
    home = HomePage.objects.child_of(root).filter(locale=english).first()
    if home is None:
        # Wagtail's initial migration leaves a plain "Welcome" page (and a site pointing to it)
        # holding the slug the home page needs.
        Page.objects.child_of(root).filter(
            content_type__model="page", content_type__app_label="wagtailcore"
        ).delete()
    values = {
        "title": content["title"],
        "hero_title": content["hero_title"],
        "hero_text": content["hero_text"],
        "join_title": content["join_title"],
        "join_text": content["join_text"],
        "summary": summary_of(content["hero_text"]),
    }
    home, changed = upsert_page(root, HomePage, "home", values)
    # The base address of every absolute URL (home/addresses.py): WAGTAILADMIN_BASE_URL,
    # http://127.0.0.1:8000 unless set, which is where `make run` serves the site.
    address = site_fields()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    wanted = {"root_page_id": home.pk, "site_name": SITE_NAME, **address}
    if any(getattr(site, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save()
    return home, site, {home.translation_key} if changed else set()


def load_indexes(data, home):
    """The listing pages under the home page; returns ({key: page}, changed keys)."""
    pages, changed = {}, set()
    for key, model in INDEX_MODELS.items():
        content = data.pages["indexes"][key]
        page, page_changed = upsert_page(
            home,
            model,
            key,
            {
                "title": content["title"],
                "intro": content["intro"],
                "summary": summary_of(content["intro"]),
                "show_in_menus": content.get("show_in_menus", True),
            },
        )
        pages[key] = page
        if page_changed:
            changed.add(page.translation_key)
    return pages, changed


def load_standard_pages(data, home):
    """About, join, contact, Open Gov Week and the statements; returns ([pages], changed keys).

    The statements stay out of the menu: the footer links them (site settings)."""
    pages, changed = [], set()
    for content in data.pages["standard_pages"]:
        page, page_changed = upsert_page(
            home,
            StandardPage,
            content["slug"],
            {
                "title": content["title"],
                "summary": content["summary"],
                "body": body(f"page/{content['slug']}", content["body"]),
                "show_in_menus": content.get("in_menu", True),
            },
        )
        pages.append(page)
        if page_changed:
            changed.add(page.translation_key)
    return pages, changed


def set_home_links(home, featured_stories, join_page):
    """Point the home page at its featured stories and join page; returns the changed keys."""
    changed = apply_fields(home, {"join_page": join_page})
    wanted = [story.pk for story in featured_stories]
    if [item.story_id for item in home.featured_stories.all()] != wanted:
        home.featured_stories = [
            FeaturedStory(story=story, sort_order=index)
            for index, story in enumerate(featured_stories)
        ]
        changed = True
    if not changed:
        return set()
    home.save_revision().publish()
    return {home.translation_key}


def load_site_settings(data, site, standard_pages):
    """Contact details, footer links and the statement pages of the default site."""
    content = data.pages["site_settings"]
    by_slug = {page.slug: page for page in standard_pages}
    site_settings = SiteSettings.for_site(site)
    links = [
        ("link", {"label": link["label"], "page": None, "url": link["url"]})
        for link in content["links"]
    ]
    if apply_fields(
        site_settings,
        {
            "contact_email": content["contact_email"],
            "address": content["address"],
            "footer_links": stream("site-settings/footer-links", links),
            "accessibility_page": by_slug.get(content.get("accessibility_page")),
            "privacy_page": by_slug.get(content.get("privacy_page")),
        },
    ):
        site_settings.save()
    return site_settings
