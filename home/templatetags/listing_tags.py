"""Template tags of listings: cards for stories and other pages, the member directory's
grouping and pagination links. A fixed number of queries whatever the number of items."""

from types import SimpleNamespace

from django import template
from django.db.models import prefetch_related_objects

from home.localization import in_locale, source_language_code
from home.models import Region
from home.templatetags.locale_tags import context_locale, localized_pages

register = template.Library()


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
    locale = context_locale(context)
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
                country=in_locale([member.country], locale)[0] if member else None,
                untranslated=story.locale_id != locale.pk,
                # The language its image's alternative text is written in.
                lang=source_language_code()
                if story.locale_id != locale.pk
                else locale.language_code,
            )
        )
    return cards


@register.simple_tag(takes_context=True)
def page_cards(context, pages):
    """Cards for knowledge products, modules and other pages: the page and whether it is shown
    untranslated, with image renditions fetched in one query."""
    pages = list(pages or [])
    locale = context_locale(context)
    if pages and hasattr(pages[0], "image_id"):
        _prefetch_renditions(pages)
    return [SimpleNamespace(page=p, untranslated=p.locale_id != locale.pk) for p in pages]


@register.simple_tag(takes_context=True)
def member_directory(context, members):
    """Members grouped by region (the partnership's order) and country (by name in the page's
    language), as the brochure lists them."""
    locale = context_locale(context)
    regions = {}
    for member in members:
        country = in_locale([member.country], locale)[0]
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
