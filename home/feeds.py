"""RSS 2.0 and Atom feeds of a listing: the newest items of exactly the visitor's filter."""

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from home.addresses import absolute_url
from home.localization import vocabulary

FEED_SIZE = 50

FEED_FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


def offers_feed(model):
    """Whether listings of `model` pages have feeds: the type says what "newest" means
    (`feed_ordering`, a class attribute)."""
    return bool(getattr(model, "feed_ordering", ()))


def item_date(item):
    """When the item came out: the type's own `feed_date()`, else its first publication."""
    if hasattr(item, "feed_date"):
        return item.feed_date()
    return item.first_published_at or item.last_published_at or timezone.now()


def feed_items(listing):
    """The newest items of the listing's filtered results, newest first."""
    ordering = listing.queryset.model.feed_ordering
    return list(listing.queryset.order_by(*ordering)[:FEED_SIZE])


def item_categories(items, model, locale, request):
    """{item pk: its policy areas' names in `locale`}; a type without policy areas has none."""
    if not hasattr(model, "policy_areas"):
        return {item.pk: [] for item in items}
    areas = {item.pk: list(item.policy_areas.all()) for item in items}
    first = next((found[0] for found in areas.values() if found), None)
    names = vocabulary(type(first), locale) if first else {}
    return {
        pk: [names.get(a.translation_key, a).name for a in found] for pk, found in areas.items()
    }


def feed_title(index_page, listing):
    """The listing's title, with the chosen filter options when there are any."""
    chosen = ", ".join(str(active["option"].label) for active in listing.active_filters)
    return f"{index_page.title}: {chosen}" if chosen else index_page.title


def feed_response(index_page, listing, request, feed_format):
    """The feed of `listing` (built by `index_page`) as an HTTP response."""
    model = listing.queryset.model
    if not offers_feed(model) or feed_format not in FEED_FORMATS:
        raise Http404(_("This list has no feed."))
    querystring = listing.querystring()
    link = index_page.get_full_url(request) + (f"?{querystring}" if querystring else "")
    feed = FEED_FORMATS[feed_format](
        title=feed_title(index_page, listing),
        link=link,
        description=index_page.summary or index_page.title,
        language=index_page.locale.language_code,
        feed_url=absolute_url(request.get_full_path(), request),
    )
    items = feed_items(listing)
    categories = item_categories(items, model, index_page.locale, request)
    for item in items:
        url = item.get_full_url(request)
        feed.add_item(
            title=item.title,
            link=url,
            description=item.summary,
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=item_date(item),
            updateddate=item.last_published_at,
            categories=categories[item.pk],
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response
