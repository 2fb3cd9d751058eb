"""Template tags for discovery and reuse: canonical address, citation, JSON-LD, absolute and
download URLs."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from home import addresses
from home.citations import CitableMixin
from home.sharing import share_targets

register = template.Library()

# The same escapes Django's json_script applies: nothing in the data can close the element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's absolute address in its own language; filtered listings point at the listing.

    Routed sub-pages (a module's lessons) keep their own address; unfiltered result pages beyond
    the first keep their page number, so each can be indexed.
    """
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or request is None:
        return ""
    url = page.get_full_url(request)
    if url is None:
        return ""
    page_path = page.get_url(request)
    if page_path and request.path != page_path and request.path.startswith(page_path):
        url += request.path[len(page_path) :]
    listing = context.get("listing")
    number = request.GET.get("page", "")
    if listing is not None and not listing.is_filtered and number.isdigit() and number != "1":
        url += f"?page={number}"
    return url


@register.simple_tag(takes_context=True)
def citation(context, page):
    """The "cite this" text of a citable page for this request."""
    return page.citation(context.get("request"))


@register.simple_tag(takes_context=True)
def og_type(context):
    """OpenGraph type: stories and knowledge products are articles, other pages web sites."""
    return "article" if isinstance(context.get("page"), CitableMixin) else "website"


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` made absolute against the site's root URL (media may already be absolute)."""
    return addresses.absolute_url(url, context.get("request"))


def without_empty(value):
    """The data with None, empty strings and empty lists left out, at any depth."""
    if isinstance(value, dict):
        cleaned = {key: without_empty(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item not in (None, "", [], {})}
    if isinstance(value, list | tuple):
        return [item for item in map(without_empty, value) if item not in (None, "", [], {})]
    return value


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org JSON-LD in a data block (not executed, so CSP allows it)."""
    request = context.get("request")
    page = context.get("page")
    get_data = getattr(page, "get_structured_data", None)
    if get_data is None:
        return ""
    data = json.dumps(without_empty(get_data(request)), cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(data.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped just above
    )


@register.simple_tag(takes_context=True)
def listing_url(context, url_name):
    """A route of the listing page (feed, export) for the current filtered view."""
    request = context.get("request")
    page = context.get("page")
    listing = context.get("listing")
    url = page.get_url(request) + page.reverse_subpage(url_name)
    querystring = listing.querystring() if listing is not None else ""
    return f"{url}?{querystring}" if querystring else url


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context):
    """Share links for the current page (or routed sub-page) at its canonical address."""
    page = context.get("page")
    url = canonical_url(context)
    title = (getattr(page, "seo_title", "") or getattr(page, "title", "")) if page else ""
    return {
        "share_url": url,
        "share_title": title,
        "targets": share_targets(url, title) if url else [],
        "mastodon_text": f"{title} {url}",
    }
