"""What the address of a filtered view says, and the links it leads to (cfgov's FilterableList).

Every filtered view (a listing page, its feeds and downloads, the site search) reads its GET
parameters into one `UrlState`: the filters' chosen values, the sort order and the page number,
plus any parameter that stays in every link (the search's `q`). From it come the query strings,
the active filters each with the link that removes it, the "clear filters" link and the
pagination links, so the HTML page, its feed and its download always agree on what was asked.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

# Page links shown either side of the current page; the first and last are always shown.
PAGE_LINKS_AROUND = 1


@dataclass
class SortOrder:
    """A way to order a filtered view, named by the `sort` GET parameter.

    `ordering` is what a queryset is ordered by; a search backend orders by `value` instead.
    """

    value: str
    label: str
    ordering: tuple = ()


class UrlState:
    """A filtered view's parameters (filters, sort, page) and every link derived from them.

    `filters` are listing filters (home/listing.py) or search facets; `sort_orders` the
    declared `SortOrder`s, the default first; `kept` the (name, value) pairs that stay in
    every link. The filters' options are built by the owner (a listing or a search) afterwards.
    """

    page_param = "page"

    def __init__(self, querydict, filters, sort_orders, kept=()):
        """Read the filters' values, the sort order and the page number from `querydict`."""
        self.filters = filters
        self.sort_orders = sort_orders
        self.kept = [(name, value) for name, value in kept if value]
        for view_filter in filters:
            view_filter.parse(querydict)
        requested = querydict.get("sort", "")
        values = [order.value for order in sort_orders]
        self.sort = requested if requested in values else values[0]
        self.page_number = querydict.get(self.page_param, "1")
        self.page = None

    @property
    def sort_order(self):
        """The chosen `SortOrder`."""
        return next(order for order in self.sort_orders if order.value == self.sort)

    @property
    def is_filtered(self):
        """True when any filter is active: such combinations are not indexed by search engines."""
        return any(view_filter.values for view_filter in self.filters)

    def sort_params(self):
        """The sort parameter, when it is not the default."""
        return [("sort", self.sort)] if self.sort != self.sort_orders[0].value else []

    def params(self):
        """The view's effective parameters as (name, value) pairs, without the page."""
        chosen = [(f.param, value) for f in self.filters for value in f.values]
        return [*self.kept, *chosen, *self.sort_params()]

    def querystring(self, remove=None, **extra):
        """The query string of this view, minus one (name, value) pair, plus extra parameters."""
        pairs = [pair for pair in self.params() if pair != remove]
        pairs.extend((key, value) for key, value in extra.items() if value is not None)
        return urlencode(pairs)

    @property
    def active_filters(self):
        """The chosen options, each with the link that removes it."""
        return [
            {
                "filter": view_filter,
                "option": option,
                "remove_url": "?" + self.querystring(remove=(view_filter.param, option.value)),
            }
            for view_filter in self.filters
            for option in view_filter.options
            if option.selected
        ]

    @property
    def clear_filters_url(self):
        """The query part of this view without any filter chosen (the kept parameters and sort
        stay), to follow the view's own address; empty when nothing is left."""
        querystring = urlencode([*self.kept, *self.sort_params()])
        return f"?{querystring}" if querystring else ""

    def paginate(self, sequence, page_size, count=None):
        """The requested page of `sequence`; a page that does not exist is a 404 with a message.
        `count` is its length where already known (no counting query then)."""
        paginator = Paginator(sequence, page_size)
        if count is not None:
            paginator.count = count  # a cached property: the paginator does not count again
        number = self.page_number
        try:
            self.page = paginator.page(number)
        except PageNotAnInteger as exc:
            raise Http404(_("The page number must be a whole number.")) from exc
        except EmptyPage as exc:
            raise Http404(
                _("There is no page %(number)s of these results.") % {"number": str(number)[:10]}
            ) from exc
        return self.page

    def page_url(self, number):
        """The link to another page of this view."""
        return "?" + self.querystring(**{self.page_param: number})

    @property
    def page_links(self):
        """Links to the first, last and nearby pages, with None where numbers are skipped."""
        if self.page is None or self.page.paginator.num_pages < 2:
            return []
        paginator, current = self.page.paginator, self.page.number
        numbers = paginator.get_elided_page_range(
            current, on_each_side=PAGE_LINKS_AROUND, on_ends=1
        )
        return [
            None
            if number == paginator.ELLIPSIS
            else {"number": number, "url": self.page_url(number), "current": number == current}
            for number in numbers
        ]

    @property
    def previous_url(self):
        """The link to the previous page, if any."""
        has_previous = self.page is not None and self.page.has_previous()
        return self.page_url(self.page.number - 1) if has_previous else ""

    @property
    def next_url(self):
        """The link to the next page, if any."""
        has_next = self.page is not None and self.page.has_next()
        return self.page_url(self.page.number + 1) if has_next else ""
