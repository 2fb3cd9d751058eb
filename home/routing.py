"""Routing a public address to its page in two queries, however deep the page.

Wagtail finds the site (one query), the active locale and the root's translation (three), then
two queries per level of the address. Here Wagtail's choice of site is kept per host, and the
sites and their roots in every language come from a cached table (`pagecache.fragments`, both
renewed by any change to pages or sites); every page along the address comes in one query by
`url_path`, and the page found in one more.
The walk is Wagtail's: a page type with its own `route()` is asked itself, and routable pages'
sub-routes win over child pages as in `RoutablePageMixin.route`.
"""

import hashlib
from dataclasses import dataclass, field

from django.http import Http404
from django.http.request import split_domain_port
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.url_routing import RouteResult

from home.localization import active_language_code, source_language_code
from pagecache.fragments import fragment


@dataclass
class SiteEntry:
    """A site and its root page's url_path by language (live translations only, as
    `Page.localized` finds them)."""

    site: Site
    root_path: str
    roots: dict = field(default_factory=dict)


def routing_table():
    """[SiteEntry], and the ids of pages with view restrictions (usually none)."""
    entries = []
    for site in Site.objects.all():
        root = Page.objects.only("url_path", "translation_key").get(pk=site.root_page_id)
        entry = SiteEntry(site=site, root_path=root.url_path)
        translations = Page.objects.filter(translation_key=root.translation_key)
        for page in translations.select_related("locale").only(
            "url_path", "live", "locale__language_code"
        ):
            if page.pk == root.pk or page.live:
                entry.roots.setdefault(page.locale.language_code, page.url_path)
        entries.append(entry)
    restricted = set(PageViewRestriction.objects.values_list("page_id", flat=True))
    return entries, restricted


def site_entry(request, entries):
    """The entry of the site Wagtail's `get_site_for_hostname` chooses for the request's host
    (as `Site.find_for_request` does), or None; asked once per host and version of the table."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def site_id():
        try:
            return get_site_for_hostname(hostname, port).pk
        except Site.DoesNotExist:
            return 0  # not None, which the fragment cache would take for "not computed yet"

    # The host is the client's to choose: hashed, it is a safe cache key of bounded length.
    digest = hashlib.sha256(f"{hostname}:{port}".encode(errors="replace")).hexdigest()
    found = fragment(f"site-for-host:{digest}", site_id)
    return next((entry for entry in entries if entry.site.pk == found), None)


def load(page, request):
    """The page as its own type, with what its templates read more than once (`route_related`,
    `route_prefetch`)."""
    model = page.specific_class
    related = getattr(model, "route_related", ("locale",))
    pages = model._default_manager.select_related(*related)
    specific = pages.prefetch_related(*getattr(model, "route_prefetch", ())).get(pk=page.pk)
    if hasattr(page, "_cached_parent_obj"):
        specific._cached_parent_obj = page._cached_parent_obj
    return specific


def walk(request, chain, components):
    """Wagtail's `Page.route` down `chain` (the pages along the address, by url_path)."""
    page = chain.get("")
    for index in range(len(components) + 1):
        remaining = components[index:]
        model = page.specific_class
        if model is None:
            raise Http404
        if model.route is RoutablePageMixin.route:
            if page.live:
                path = "/" + "".join(f"{part}/" for part in remaining)
                try:
                    match = model.get_resolver().resolve(path)
                except Http404:
                    match = None
                if match is not None:
                    specific = load(page, request)
                    match.func = match.func.__get__(specific, model)
                    request.routable_resolver_match = match
                    return RouteResult(specific, args=tuple(match))
        elif model.route is not Page.route:
            return load(page, request).route(request, remaining)
        if not remaining:
            if page.live:
                return RouteResult(load(page, request))
            raise Http404
        child = chain.get("/".join(components[: index + 1]))
        if child is None:
            raise Http404
        child._cached_parent_obj = page
        page = child
    raise Http404


def route(request, path):
    """Fill Wagtail's per-request caches (`_wagtail_site`, `_wagtail_route_for_request`) so
    that `wagtail.views.serve` routes `path` without further queries."""
    entries, restricted = fragment("routing", routing_table)
    entry = site_entry(request, entries)
    request._wagtail_site = entry.site if entry else None
    if entry is None:
        request._wagtail_route_for_request = None
        return
    root_path = entry.roots.get(active_language_code(), entry.root_path)
    components = [part for part in path.split("/") if part]
    result, chain = route_from(request, root_path, components)
    source_root = entry.roots.get(source_language_code(), entry.root_path)
    if result is None and source_root != root_path:
        # No live page at this address in the visitor's language: the source language's page
        # at the same address (slugs are the same in every language), served in the visitor's
        # interface as its fallback page.
        result, chain = route_from(request, source_root, components)
    request._wagtail_route_for_request = result
    if result is not None:
        ordered = sorted(chain.values(), key=lambda page: page.depth)
        found = result.page
        ancestors = [page for page in ordered if page.depth < found.depth]
        if ordered[0].depth == 2 and len(ancestors) == found.depth - 2:
            request._route_ancestors = (found.pk, ancestors)
        if not restricted:
            found.has_no_view_restrictions = True


def route_from(request, root_path, components):
    """(RouteResult or None, {address below the root: page}) for `components` under the root
    page at `root_path`: one query for the pages along the address, then Wagtail's walk."""
    # url_path of each page along the address -> its address below the root ("" for the root).
    paths = {
        root_path + "".join(f"{part}/" for part in components[:n]): "/".join(components[:n])
        for n in range(len(components) + 1)
    }
    chain = {paths[page.url_path]: page for page in Page.objects.filter(url_path__in=paths)}
    if "" not in chain:
        return None, chain
    try:
        return walk(request, chain, components), chain
    except Http404:
        return None, chain


def page_ancestors(request, page):
    """The page's ancestors below the tree's root, from the top: those routing passed through,
    else one query (once per request)."""
    routed = getattr(request, "_route_ancestors", None)
    if routed is not None and routed[0] == page.pk:
        return routed[1]
    if request is None:
        return list(page.get_ancestors().filter(depth__gt=1))
    cache = request.__dict__.setdefault("_ancestors", {})
    if page.pk not in cache:
        cache[page.pk] = list(page.get_ancestors().filter(depth__gt=1))
    return cache[page.pk]
