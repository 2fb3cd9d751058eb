"""Reading a listing page's results and filters from its context."""


def titles(response):
    """Titles of the results on the page, in the order shown."""
    return [item.title for item in response.context["results"].object_list]


def counts(response, param):
    """The counts shown next to each option of the filter bound to `param`."""
    listing_filter = next(f for f in response.context["listing"].filters if f.param == param)
    return {option.value: option.count for option in listing_filter.options}


def selected(response, param):
    """The options of a filter shown as chosen."""
    listing_filter = next(f for f in response.context["listing"].filters if f.param == param)
    return [option.value for option in listing_filter.options if option.selected]
