"""Template tags of the public pages: references in the visitor's language, cards, listing
links, the member map and lesson answers. Each tag costs a fixed number of queries whatever the
number of items it is given, so page query counts do not grow with content."""

import re
from types import SimpleNamespace
from urllib.parse import parse_qs, urlparse

from django import template
from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from home.localization import in_locale_or_source, localized_live_pages
from home.models import Region
from home.models.taxonomy import TaxonomyTerm
from stories.blocks import Status

register = template.Library()


def _cached(context, key, compute):
    """Compute a value once per request; template tags run many times on one page."""
    request = context.get("request")
    if request is None:
        return compute()
    cache = request.__dict__.setdefault("_ui_tags_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _locale(context):
    """The locale the page is shown in: the page's own, else the active language's."""
    page = context.get("page")
    if isinstance(page, Page) and page.locale_id:
        return _cached(context, ("locale", page.locale_id), lambda: page.locale)
    return _cached(context, "active_locale", Locale.get_active)


def _term_in_locale(context, term, locale_id):
    """The term's translation in `locale_id` (one query per vocabulary and request), else it."""
    if term is None or term.locale_id == locale_id:
        return term
    model = type(term)
    mapping = _cached(
        context,
        ("terms", model._meta.label_lower, locale_id),
        lambda: {t.translation_key: t for t in model.objects.filter(locale_id=locale_id)},
    )
    return mapping.get(term.translation_key, term)


@register.simple_tag(takes_context=True)
def localized(context, value):
    """A taxonomy term, or a list or manager of terms, in the language the page is shown in."""
    locale_id = _locale(context).pk
    if value is None or value == "":
        return value
    if isinstance(value, TaxonomyTerm):
        return _term_in_locale(context, value, locale_id)
    if hasattr(value, "all"):
        value = value.all()
    return [_term_in_locale(context, term, locale_id) for term in value]


@register.simple_tag(takes_context=True)
def localized_pages(context, pages):
    """Pages chosen by an editor (any language), as their live version in the page's language,
    falling back to the source language; pages with no live version are left out."""
    if pages is None or pages == "":
        return []
    if isinstance(pages, Page):
        pages = [pages]
    elif hasattr(pages, "all"):
        pages = pages.all()
    pages = list(pages)
    if not pages:
        return []
    locale = _locale(context)
    model = type(pages[0])
    if any(type(p) is not model for p in pages):
        model = Page
    found = localized_live_pages(model, [p.translation_key for p in pages], locale)
    return [page for page in found if page is not None]


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """One page in the language the page is shown in (see `localized_pages`), or None."""
    found = localized_pages(context, page)
    return found[0] if found else None


def _prefetch_renditions(items, attr="image"):
    """Fetch the renditions of the items' images in one query instead of one per image."""
    images = [getattr(item, attr) for item in items if getattr(item, f"{attr}_id", None)]
    if images:
        prefetch_related_objects(images, "renditions")


@register.simple_tag(takes_context=True)
def story_cards(context, stories):
    """What a story card shows, for a list of stories: the story, its member and country in the
    page's language, and whether the story is shown untranslated. A fixed number of queries."""
    stories = list(stories or [])
    if not stories:
        return []
    locale = _locale(context)
    prefetch_related_objects(stories, "member__country")
    _prefetch_renditions(stories)
    members = [s.member for s in stories if s.member_id]
    localized_members = {}
    if any(m.locale_id != locale.pk for m in members):
        for member in localized_pages(context, members):
            localized_members[member.translation_key] = member
    cards = []
    for story in stories:
        member = story.member
        cards.append(
            SimpleNamespace(
                page=story,
                member=localized_members.get(member.translation_key, member) if member else None,
                country=_term_in_locale(context, member.country, locale.pk) if member else None,
                untranslated=story.locale_id != locale.pk,
            )
        )
    return cards


@register.simple_tag(takes_context=True)
def page_cards(context, pages):
    """Cards for knowledge products, modules and other pages: the page and whether it is shown
    untranslated, with image renditions fetched in one query."""
    pages = list(pages or [])
    locale = _locale(context)
    if pages and hasattr(pages[0], "image_id"):
        _prefetch_renditions(pages)
    return [SimpleNamespace(page=p, untranslated=p.locale_id != locale.pk) for p in pages]


@register.simple_tag
def source_language():
    """The language untranslated items are shown in: its code, its name in the visitor's language
    and its writing direction, so an English card reads correctly inside an Arabic page."""
    code = settings.LANGUAGE_CODE
    info = get_language_info(code)
    return SimpleNamespace(
        code=code, name=info["name_translated"], dir="rtl" if info["bidi"] else "ltr"
    )


@register.simple_tag(takes_context=True)
def member_directory(context, members):
    """Members grouped by region (the partnership's order) and country (by name in the page's
    language), as the brochure lists them."""
    locale_id = _locale(context).pk
    regions = {}
    for member in members:
        country = _term_in_locale(context, member.country, locale_id)
        countries = regions.setdefault(country.region, {})
        countries.setdefault(country.slug, SimpleNamespace(country=country, members=[]))
        countries[country.slug].members.append(member)
    result = []
    for value, label in Region.choices:
        if value in regions:
            countries = sorted(regions[value].values(), key=lambda c: c.country.name.casefold())
            for group in countries:
                group.members.sort(key=lambda m: m.title.casefold())
            result.append(SimpleNamespace(value=value, label=label, countries=countries))
    return result


@register.simple_tag
def listing_link(listing, **params):
    """A link to this listing view with the given parameters changed (e.g. page=2)."""
    return "?" + listing.querystring(**params)


@register.simple_tag
def page_links(listing, results):
    """The pagination links: numbers with gaps, the current page marked, filters kept."""
    links = []
    paginator = results.paginator
    for number in paginator.get_elided_page_range(results.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            links.append(SimpleNamespace(gap=True))
        else:
            links.append(
                SimpleNamespace(
                    gap=False,
                    number=number,
                    url=listing_link(listing, page=number),
                    current=number == results.number,
                )
            )
    return links


@register.simple_tag(takes_context=True)
def citation(context, page):
    """The "cite this" text of a knowledge product for this request."""
    return page.citation(context.get("request"))


@register.simple_tag(takes_context=True)
def lesson_answer(context, lesson):
    """Check the answer sent with the lesson's form (GET `answer=<index>`), so the question works
    without JavaScript. Gives the chosen index, whether it is right, or an error to show."""
    question = lesson.value.get("question") or {}
    choices = list(question.get("choices") or [])
    correct = next((i for i, choice in enumerate(choices) if choice.get("correct")), None)
    result = SimpleNamespace(
        answered=False, chosen=None, is_correct=False, error="", correct=correct
    )
    request = context.get("request")
    if request is None or "answer" not in request.GET:
        return result
    raw = request.GET.get("answer", "").strip()
    if not raw.isdigit() or int(raw) >= len(choices):
        result.error = _("Choose one of the answers, then check it.")
        return result
    result.answered = True
    result.chosen = int(raw)
    result.is_correct = result.chosen == correct
    return result


@register.simple_tag(takes_context=True)
def index_page(context, model_label):
    """The live index page of a kind (e.g. "stories.StoryIndexPage") in the page's language, or
    the source language's while that section is not translated yet."""
    from django.apps import apps

    model = apps.get_model(model_label)
    locale = _locale(context)

    def find():
        candidates = model.objects.live().filter(in_locale_or_source(locale))
        return min(candidates, key=lambda index: index.locale_id != locale.pk, default=None)

    return _cached(context, ("index", model_label, locale.pk), find)


@register.filter
def status_label(value):
    """The translated label of a status value (planned, in progress, completed)."""
    return dict(Status.CHOICES).get(value, value)


@register.filter
def language_name(code):
    """A language's name in that language, as the site lists it, e.g. "Español"."""
    names = dict(settings.LANGUAGES)
    if code in names:
        return names[code]
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


@register.filter
def file_language_codes(page):
    """The languages of a knowledge product's files, as codes."""
    return [code for code in (getattr(page, "file_languages", "") or "").split("|") if code]


@register.filter
def grouped_number(value):
    """A whole number with the visitor's thousands separator, e.g. 3,120,000."""
    if value in (None, ""):
        return ""
    return number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)


YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


@register.filter
def embed_src(url):
    """The privacy-friendly player address for a YouTube or Vimeo link, else "" (other
    providers are linked to, never framed: the CSP allows only these two players)."""
    parsed = urlparse(str(url or ""))
    host = parsed.netloc.lower()
    video_id = ""
    if host in YOUTUBE_HOSTS:
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/")):
            video_id = parsed.path.split("/")[2]
        if VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host == "youtu.be":
        video_id = parsed.path.strip("/")
        if VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host in {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}:
        video_id = parsed.path.rstrip("/").split("/")[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}"
    return ""


# --- The member map -------------------------------------------------------------------------
# Land outlines drawn by hand from rough (longitude, latitude) points: enough to place members
# at a glance, small enough to inline in the page. Equirectangular projection, 84N to 57S.
MAP_WIDTH = 1000
MAP_TOP, MAP_BOTTOM = 84, -57
MAP_SCALE = MAP_WIDTH / 360
MAP_HEIGHT = round((MAP_TOP - MAP_BOTTOM) * MAP_SCALE)

LAND = (
    # North and Central America
    (
        -168,
        66,
        -162,
        70,
        -156,
        71,
        -141,
        70,
        -128,
        70,
        -115,
        68,
        -95,
        72,
        -85,
        70,
        -80,
        64,
        -94,
        59,
        -92,
        57,
        -82,
        55,
        -79,
        52,
        -77,
        60,
        -70,
        62,
        -64,
        60,
        -61,
        56,
        -56,
        52,
        -60,
        47,
        -66,
        45,
        -70,
        42,
        -74,
        40,
        -76,
        35,
        -81,
        31,
        -80,
        26,
        -82,
        27,
        -84,
        30,
        -90,
        30,
        -97,
        28,
        -97,
        22,
        -94,
        18,
        -91,
        19,
        -87,
        21,
        -88,
        16,
        -84,
        15,
        -83,
        10,
        -80,
        8,
        -77.5,
        8.5,
        -80,
        7,
        -83,
        8,
        -86,
        11,
        -92,
        14,
        -96,
        16,
        -105,
        20,
        -106,
        23,
        -110,
        27,
        -112,
        29,
        -115,
        30,
        -117,
        32,
        -121,
        35,
        -124,
        40,
        -124,
        46,
        -123,
        49,
        -127,
        51,
        -132,
        55,
        -137,
        59,
        -146,
        61,
        -152,
        59,
        -158,
        57,
        -164,
        55,
        -158,
        58,
        -162,
        60,
        -165,
        62,
        -164,
        64,
    ),
    # South America
    (
        -77,
        8,
        -72,
        12,
        -64,
        10,
        -60,
        8,
        -52,
        5,
        -50,
        0,
        -44,
        -2,
        -35,
        -5,
        -35,
        -9,
        -39,
        -14,
        -40,
        -20,
        -44,
        -23,
        -48,
        -26,
        -53,
        -34,
        -58,
        -38,
        -62,
        -40,
        -65,
        -45,
        -67,
        -49,
        -69,
        -52,
        -68,
        -55,
        -72,
        -54,
        -75,
        -50,
        -74,
        -44,
        -73,
        -37,
        -71,
        -30,
        -70,
        -20,
        -75,
        -15,
        -81,
        -6,
        -80,
        -1,
        -78,
        2,
    ),
    # Eurasia
    (
        -9,
        37,
        -9,
        43,
        -1.5,
        43.5,
        -1,
        46,
        -4.5,
        48.5,
        2,
        51,
        8,
        54,
        8.5,
        57.5,
        10.5,
        57.5,
        10,
        54.5,
        14,
        54,
        21,
        55,
        24,
        57,
        23,
        59.5,
        29,
        60,
        22,
        60.5,
        21,
        63,
        25,
        65.5,
        21,
        65.8,
        17,
        62.5,
        19,
        60,
        16,
        56.5,
        13,
        55.5,
        11,
        58,
        8,
        58,
        5,
        59,
        5,
        62,
        10,
        64,
        14,
        67,
        18,
        69.5,
        25,
        71,
        31,
        70,
        41,
        67,
        44,
        68.5,
        54,
        68.5,
        60,
        69,
        70,
        73,
        80,
        73,
        88,
        75.5,
        100,
        78,
        113,
        74,
        130,
        72,
        140,
        72,
        160,
        70,
        170,
        70,
        180,
        69,
        180,
        65,
        170,
        60,
        162,
        58,
        156,
        51,
        155,
        59,
        143,
        59,
        137,
        55,
        141,
        52,
        140,
        48,
        135,
        43,
        130,
        42,
        129,
        35,
        127,
        35,
        126,
        38,
        121,
        40,
        118,
        39,
        122,
        37,
        119,
        35,
        121,
        32,
        122,
        30,
        119,
        25,
        114,
        22,
        110,
        21,
        108,
        21.5,
        106,
        18,
        109,
        12,
        105,
        9,
        103,
        10,
        100,
        13,
        100,
        7,
        104,
        1.5,
        101,
        3,
        98,
        8,
        98,
        16,
        94,
        18,
        92,
        22,
        87,
        21.5,
        80,
        15,
        80,
        10,
        77,
        8,
        73,
        16,
        72.5,
        21,
        68,
        24,
        62,
        25,
        57,
        26,
        52,
        27.5,
        48.5,
        30,
        50,
        26,
        51.5,
        24,
        56,
        24.5,
        57,
        23,
        59.5,
        22.5,
        57,
        18.5,
        52,
        16,
        45,
        13,
        43,
        13,
        39,
        21,
        35,
        28,
        34,
        31.5,
        35,
        33,
        36,
        36.5,
        30,
        36.5,
        27,
        37,
        26.5,
        39.5,
        26.5,
        40.5,
        29,
        41.2,
        35,
        42,
        41,
        41,
        41.5,
        42.5,
        38,
        44.5,
        34.5,
        44.5,
        33,
        45.5,
        30,
        46.5,
        29,
        45,
        28,
        43,
        28,
        42,
        26,
        40.8,
        23,
        40.5,
        24,
        38,
        22,
        36.5,
        21,
        38.5,
        19.5,
        40.5,
        19.5,
        42,
        15.5,
        45,
        13.5,
        45.7,
        12.3,
        45.2,
        14,
        42,
        16,
        41.5,
        18.5,
        40.2,
        16.5,
        39,
        16,
        38,
        15.6,
        40,
        12,
        42,
        10,
        44,
        8,
        44,
        3,
        43.3,
        3,
        42,
        0.5,
        40.5,
        -0.5,
        38.5,
        -2,
        36.8,
        -5.5,
        36,
        -6.5,
        37,
    ),
    # Africa
    (
        -6,
        36,
        -2,
        35,
        3,
        37,
        10,
        37.3,
        11,
        35,
        10,
        34,
        11.5,
        33,
        15,
        32.5,
        19,
        30.5,
        20,
        32,
        23,
        32.5,
        25,
        31.7,
        29,
        31,
        32.3,
        31.3,
        33,
        28,
        35,
        24,
        37,
        21,
        38.5,
        18,
        39.5,
        15.5,
        42,
        13,
        43.3,
        12,
        44,
        10.5,
        51,
        11.8,
        51,
        10,
        49,
        6,
        47,
        4,
        43,
        -1,
        40,
        -3,
        39,
        -6,
        40.5,
        -10.5,
        40.5,
        -15,
        37,
        -18,
        35.5,
        -22,
        32.8,
        -26,
        32.5,
        -28.5,
        30,
        -31.5,
        27,
        -33.8,
        22,
        -34,
        18.5,
        -34.3,
        18,
        -32,
        15.5,
        -27,
        14.5,
        -23,
        11.8,
        -17,
        13.5,
        -11,
        12,
        -6,
        9,
        -1,
        9.5,
        3.5,
        8.5,
        4.5,
        5.5,
        4.3,
        3,
        6.3,
        -2,
        4.8,
        -7.5,
        4.4,
        -12.5,
        7.5,
        -15,
        10.5,
        -17,
        14.7,
        -16.5,
        19.5,
        -17,
        21,
        -13,
        27.5,
        -9.8,
        30,
        -9.5,
        32.5,
    ),
    # Madagascar, Australia, Greenland, Great Britain, Ireland, Iceland
    (49.3, -12, 50.5, -15.5, 49.5, -17, 47, -25, 45, -25.3, 43.7, -22, 44, -17, 47, -15),
    (
        113.5,
        -22,
        114,
        -26,
        115,
        -34,
        118,
        -35,
        124,
        -33.5,
        129,
        -31.6,
        135,
        -34.8,
        138,
        -35.5,
        140,
        -38,
        146,
        -39,
        150,
        -37.5,
        153,
        -32,
        153.5,
        -28,
        153,
        -25,
        150,
        -22,
        146,
        -19,
        145.5,
        -15,
        142.5,
        -10.7,
        141.5,
        -13,
        141.5,
        -17,
        139,
        -17,
        136.7,
        -15.5,
        137,
        -12.2,
        132.5,
        -11.5,
        130,
        -13,
        129,
        -15,
        126,
        -14,
        122.5,
        -17,
        121,
        -19.5,
        117,
        -20.6,
    ),
    (
        -73,
        78,
        -60,
        82,
        -35,
        83.5,
        -20,
        82,
        -18,
        77,
        -22,
        70.5,
        -32,
        68,
        -40,
        65,
        -43,
        60,
        -48,
        61,
        -53,
        66,
        -54,
        70,
        -58,
        75.5,
        -66,
        76.5,
    ),
    (
        -5.7,
        50,
        1.4,
        51.3,
        1.7,
        52.7,
        0,
        53.5,
        -1.5,
        55,
        -2,
        55.9,
        -1.8,
        57.6,
        -3,
        58.6,
        -5,
        58.6,
        -6.2,
        57.5,
        -5.5,
        56,
        -4.8,
        54.8,
        -3,
        54,
        -3,
        53.3,
        -4.5,
        52.8,
        -5.2,
        51.7,
        -3,
        51.5,
    ),
    (-6, 52.2, -6, 53.9, -5.6, 54.6, -7.2, 55.3, -8.5, 54.5, -10, 54, -10, 52, -8.5, 51.6),
    (-22, 64, -24, 65.5, -22.5, 66.4, -16, 66.5, -14, 65, -15, 64.3, -18.7, 63.4),
    # Baffin Island, Cuba, Hispaniola
    (-78, 64, -65, 62, -62, 66.5, -71, 70.5, -80, 73.5, -90, 71.5, -85, 69.5, -80, 69.5),
    (-85, 21.9, -82, 23.2, -77.5, 21.8, -74.2, 20.2, -77.7, 19.9, -80.5, 21.5),
    (-74.4, 18.5, -72.8, 19.9, -70, 19.8, -68.4, 18.6, -71.4, 17.6),
    # Japan, Taiwan, Sri Lanka, the Philippines
    (
        130,
        31,
        131.5,
        33.5,
        135,
        34,
        137,
        34.5,
        140,
        35,
        141,
        38.3,
        141.5,
        41.3,
        140,
        41.5,
        140,
        39,
        139,
        37.5,
        137,
        37,
        136,
        35.7,
        133,
        35.5,
        130.8,
        34,
    ),
    (140, 42, 141.5, 45.4, 145.5, 43.3, 143.3, 42),
    (120.2, 22.6, 121, 25.2, 122, 25, 121, 22),
    (79.8, 6, 81.9, 7.5, 80.2, 9.8),
    (120, 18.5, 122.3, 18.5, 124, 12.5, 123, 13, 120.6, 14, 120, 16),
    (122, 7, 126.5, 7, 126, 9.5, 124, 8.5),
    # Sumatra, Java, Borneo, Sulawesi, New Guinea, New Zealand
    (
        95.3,
        5.6,
        97.5,
        5.2,
        100,
        2,
        104,
        -1.5,
        106,
        -3,
        105.8,
        -5.9,
        104.5,
        -5.8,
        102,
        -4,
        100,
        -1,
        98.7,
        1.7,
    ),
    (
        105.2,
        -6.8,
        106.5,
        -6,
        110,
        -6.9,
        112.5,
        -6.9,
        114.5,
        -7.8,
        114.4,
        -8.7,
        111,
        -8.2,
        108,
        -7.8,
    ),
    (
        109,
        1.5,
        110,
        -1.5,
        110.3,
        -2.9,
        114.5,
        -4,
        116.5,
        -3.5,
        116,
        -1,
        117.7,
        0.8,
        118.8,
        1,
        117.3,
        4.2,
        119,
        5.3,
        117,
        7,
        115.5,
        5.5,
        113,
        3.2,
        111,
        1.7,
    ),
    (
        119.5,
        -5.5,
        120.5,
        -5.6,
        120.5,
        -3,
        122,
        -4.5,
        123,
        -5,
        122,
        -3,
        121,
        -1.2,
        123.3,
        -0.9,
        124.9,
        1.5,
        120.5,
        0.6,
        119.8,
        0,
        119.4,
        -3.5,
    ),
    (
        131,
        -1,
        134,
        -0.8,
        138,
        -1.6,
        141,
        -2.6,
        145,
        -4.5,
        147.5,
        -6.2,
        150,
        -10.5,
        147,
        -10,
        143.5,
        -9,
        141,
        -9.1,
        138.5,
        -8.4,
        137.5,
        -5,
        134,
        -4,
        132,
        -2.8,
    ),
    (
        172.7,
        -34.5,
        174.5,
        -36.5,
        178.5,
        -37.7,
        177,
        -39.2,
        175.3,
        -41.6,
        174.6,
        -39.9,
        173.8,
        -39.1,
        174.6,
        -37,
    ),
    (
        172.7,
        -40.5,
        174.3,
        -41.7,
        173,
        -43.8,
        171,
        -44.9,
        169,
        -46.7,
        166.5,
        -46,
        168.3,
        -44,
        171.5,
        -41.8,
    ),
)
# The Caspian Sea, drawn over the land.
WATER = ((47, 45, 53, 47, 54, 42, 53, 37, 49, 38, 49.5, 40.5, 47.5, 43),)


def project(longitude, latitude):
    """(x, y) of a point on the map: a plain equirectangular projection."""
    x = (float(longitude) + 180) * MAP_SCALE
    y = (MAP_TOP - float(latitude)) * MAP_SCALE
    return round(x, 1), round(y, 1)


def _outline_path(shapes):
    parts = []
    for shape in shapes:
        points = [project(shape[i], shape[i + 1]) for i in range(0, len(shape), 2)]
        parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in points) + "Z")
    return "".join(parts)


LAND_PATH = _outline_path(LAND)
WATER_PATH = _outline_path(WATER)
GRATICULE_PATH = "".join(
    [f"M{project(lon, MAP_TOP)[0]:g} 0V{MAP_HEIGHT}" for lon in range(-150, 180, 30)]
    + [f"M0 {project(0, lat)[1]:g}H{MAP_WIDTH}" for lat in range(-30, 90, 30)]
)


@register.simple_tag
def member_map(members, title, description=""):
    """An inline SVG map with a dot per member that has coordinates. It is a picture for sighted
    visitors (role="img" with a title); the directory list next to it is the real content."""
    dots = []
    for member in members:
        if member.latitude is None or member.longitude is None:
            continue
        x, y = project(member.longitude, member.latitude)
        dots.append((f"{x:g}", f"{y:g}", member.title))
    circles = format_html_join(
        "", '<circle class="member-map__dot" cx="{}" cy="{}" r="5"><title>{}</title></circle>', dots
    )
    return format_html(
        '<svg class="member-map" viewBox="0 0 {} {}" role="img" aria-labelledby="member-map-title'
        ' member-map-desc" focusable="false" xmlns="http://www.w3.org/2000/svg">'
        '<title id="member-map-title">{}</title><desc id="member-map-desc">{}</desc>'
        '<rect class="member-map__sea" width="{}" height="{}"/>'
        '<path class="member-map__grid" d="{}"/>'
        '<path class="member-map__land" d="{}"/><path class="member-map__sea" d="{}"/>'
        "{}</svg>",
        MAP_WIDTH,
        MAP_HEIGHT,
        title,
        description,
        MAP_WIDTH,
        MAP_HEIGHT,
        mark_safe(GRATICULE_PATH),
        mark_safe(LAND_PATH),
        mark_safe(WATER_PATH),
        circles,
    )


@register.filter
def starts_with(value, prefix):
    """Whether a string starts with another, e.g. a page path within a menu item's path."""
    return bool(prefix) and str(value).startswith(str(prefix))


@register.filter
def hostname(url):
    """The host of an address without "www.", e.g. "youtube.com"."""
    host = urlparse(str(url or "")).netloc.lower()
    return host.removeprefix("www.")
