"""What crawlers read first: /sitemap.xml (every live page and its translations), robots.txt."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page, get_page_models

from home.addresses import absolute_url
from home.models.listing_page import ListingPageMixin

CRAWL_CACHE_SECONDS = 3600


def sitemap_pages():
    """Every live, public, routable page in every language; aliases repeat a page, so they go."""
    return (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )


def sitemap_entries(request):
    """One entry per page: its address, last publication and its translations as alternates."""
    located = []
    by_key = {}
    for page in sitemap_pages():
        url = page.get_full_url(request)
        if url is None:  # not under any site's root: nobody can visit it
            continue
        located.append((page, url))
        by_key.setdefault(page.translation_key, []).append((page.locale.language_code, url))
    entries = []
    for page, url in located:
        translations = sorted(by_key[page.translation_key])
        alternates = [{"lang_code": code, "location": href} for code, href in translations]
        default = dict(translations).get(settings.LANGUAGE_CODE)
        if len(alternates) > 1 and default:
            alternates.append({"lang_code": "x-default", "location": default})
        entries.append(
            {
                "location": url,
                "lastmod": page.last_published_at,
                "alternates": alternates if len(alternates) > 1 else [],
            }
        )
    return entries


@require_GET
@cache_control(public=True, max_age=CRAWL_CACHE_SECONDS)
def sitemap(request):
    """The XML sitemap with xhtml:link hreflang alternates (Django's sitemap template)."""
    return render(
        request,
        "sitemap.xml",
        {"urlset": sitemap_entries(request)},
        content_type="application/xml; charset=utf-8",
    )


def filter_parameters():
    """The GET parameters that narrow or reorder a listing, from every listing page type."""
    params = {"sort"}
    for model in get_page_models():
        if issubclass(model, ListingPageMixin) and not model._meta.abstract:
            params.update(listing_filter.param for listing_filter in model().get_filters())
    return sorted(params)


@require_GET
@cache_control(public=True, max_age=CRAWL_CACHE_SECONDS)
def robots_txt(request):
    """Keep crawlers out of the admin, search results and filtered listings; point at the map."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /*/search/",
    ]
    # A filter may come first (?) or later (&) in the query string; ?page= alone stays crawlable.
    for param in filter_parameters():
        lines.append(f"Disallow: /*?{param}=")
        lines.append(f"Disallow: /*&{param}=")
    lines.append("")
    lines.append(f"Sitemap: {absolute_url('/sitemap.xml', request)}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
