"""Which addresses a change touches, and sending them to every frontend-cache backend.

`addresses_changed_by` is the one place that answers "what would a visitor now see
differently?"; the signal handlers only call it and `schedule`. Everything is sent through
Wagtail's `PurgeBatch`, so the application's page store, Varnish, nginx, Cloudflare and
CloudFront are purged by one mechanism (the backends configured in WAGTAILFRONTENDCACHE).
"""

import copy
import logging
import threading

from django.conf import settings
from django.db import transaction
from django.db.models import ForeignKey, ManyToManyField
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Site, get_page_models

from home.localization import source_language_code
from pagecache import fragments

logger = logging.getLogger(__name__)
_pending = threading.local()


def ancestor_paths(pages):
    """Tree paths of every ancestor of these pages, the tree's root left out."""
    paths = set()
    for page in pages:
        steplen = page.steplen
        paths.update(page.path[:end] for end in range(2 * steplen, len(page.path), steplen))
    return paths


def with_translations(pages):
    """These pages and every translation of each (a page in one language is linked from its
    translations' language switchers, and listings show untranslated pages in English)."""
    keys = {page.translation_key for page in pages}
    return Page.objects.filter(translation_key__in=keys) if keys else Page.objects.none()


def referenced_pages(obj):
    """Pages whose content points to `obj` (Wagtail's reference index: links, choosers, foreign
    keys) or that name it in a many-to-many field (taxonomy terms are chosen that way)."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    inbound = ReferenceIndex.get_references_to(obj).filter(base_content_type=page_type)
    ids = {int(object_id) for object_id in inbound.values_list("object_id", flat=True)}
    for model in get_page_models():
        for field in model._meta.local_many_to_many:
            if isinstance(field, ManyToManyField) and isinstance(obj, field.related_model):
                ids.update(model.objects.filter(**{field.name: obj}).values_list("pk", flat=True))
    return ids


def pages_referenced_by(page):
    """Pages this page points to (a story's member, a product's related stories): they show it."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    outbound = ReferenceIndex.get_references_for_object(page).filter(to_content_type=page_type)
    ids = {int(object_id) for object_id in outbound.values_list("to_object_id", flat=True)}
    return ids | pages_chosen_in_fields(page.specific)


def pages_chosen_in_fields(specific):
    """Pages named by a page's foreign keys and many-to-many fields (also for a page rebuilt
    from a revision, whose choices are those of that revision)."""
    ids = set()
    for field in type(specific)._meta.get_fields():
        if not (field.concrete and field.is_relation and issubclass(field.related_model, Page)):
            continue
        if isinstance(field, ForeignKey) and getattr(specific, field.attname, None):
            ids.add(getattr(specific, field.attname))
        elif isinstance(field, ManyToManyField):
            ids.update(target.pk for target in getattr(specific, field.name).all())
    return ids


def page_urls(pages, batch):
    """Add each page's addresses (its own and its routes' `get_cached_paths`) to the batch,
    and for a source-language page the same addresses under every other language's prefix,
    where it is served while untranslated (`home.routing.route`)."""
    before = set(batch.urls)
    batch.add_pages(page for page in pages if page.depth > 1)
    source = f"/{source_language_code()}/"
    others = [code for code, _name in settings.LANGUAGES if f"/{code}/" != source]
    for url in set(batch.urls) - before:
        scheme, _sep, rest = url.partition("//")
        host, slash, path = rest.partition("/")
        if f"{slash}{path}".startswith(source):
            tail = path[len(source) - 1 :]
            batch.add_urls(f"{scheme}//{host}/{code}/{tail}" for code in others)


def moved_urls(page, url_path_before, batch):
    """The addresses the page and its descendants had before a move or a new slug."""
    for current in Page.objects.descendant_of(page, inclusive=True).specific(defer=True):
        before = copy.copy(current)
        before.url_path = url_path_before + current.url_path[len(page.url_path) :]
        batch.add_page(before)


def sitemap_urls(batch):
    """Each site's sitemap, which lists every page."""
    path = reverse("sitemap")
    batch.add_urls(site.root_url + path for site in Site.objects.all())


def previous_live_revision(page, revision):
    """The revision that was live before `revision` was published, or None for a first publish.
    Wagtail logs every publish with its revision, and writes this publish's entry only after
    the `page_published` signal, so the newest other entry is the one before."""
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
        .exclude(revision=None)
        .exclude(revision_id=getattr(revision, "pk", None))
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision if entry else None


def addresses_changed_by(
    instance, *, url_path_before=None, parent_before=None, previous_revision=None
):
    """Every full address whose content changes when `instance` is published, unpublished,
    moved, renamed, deleted or edited: the page in every language, the listings and home pages
    above it, the pages that reference it or that it references, feeds, exports and sitemap.
    A snippet (taxonomy term) touches the pages that use it and their listings; a site setting
    touches every page. `url_path_before` is the page's address before a move or new slug;
    `previous_revision` the one live before a publish, whose member or related pages no longer
    show the page when the new revision chose others."""
    batch = PurgeBatch()
    if isinstance(instance, BaseSiteSetting):
        page_urls(Page.objects.filter(depth__gt=1).specific(defer=True), batch)
        sitemap_urls(batch)
        return batch.urls
    if isinstance(instance, Page):
        # Listings and home pages show the page itself (in any language), not what it links.
        listed = set(with_translations([instance]))
        if parent_before is not None:  # the listing a page moved out of
            listed.update(with_translations([parent_before]))
        touched = set(listed)
        touched.update(Page.objects.filter(pk__in=pages_referenced_by(instance)))
        if previous_revision is not None:
            before = pages_chosen_in_fields(previous_revision.as_object())
            touched.update(Page.objects.filter(pk__in=before))
        touched.update(Page.objects.filter(pk__in=referenced_pages(instance)))
        sitemap_urls(batch)
        if url_path_before is not None:
            moved_urls(instance, url_path_before, batch)
            page_urls(Page.objects.descendant_of(instance).specific(defer=True), batch)
    else:
        listed = touched = set(Page.objects.filter(pk__in=referenced_pages(instance)))
    above = Page.objects.filter(path__in=ancestor_paths(listed))
    touched = touched | set(with_translations(list(above)))
    page_urls(Page.objects.filter(pk__in=[page.pk for page in touched]).specific(defer=True), batch)
    return batch.urls


def send(urls):
    """Purge these addresses from every configured backend, one batch per backend; a backend
    that fails is logged and the others still run (publishing never fails for a cache)."""
    urls = sorted(urls)
    if not urls:
        return
    backends = getattr(settings, "WAGTAILFRONTENDCACHE", {}) or {}
    logger.info("Purging %d addresses from %s", len(urls), ", ".join(backends) or "no cache")
    batch = PurgeBatch(urls)
    for name in backends:
        try:
            batch.purge(backends=[name])
        except Exception:
            logger.exception("Purging the %s cache failed", name)


def schedule(urls):
    """Purge these addresses once the current transaction commits (at once outside one), so
    no worker can refill a cache with what the database held before; the addresses of one
    transaction (a publish that also renames) go out as one batch."""
    pending = getattr(_pending, "urls", None)
    if pending is None:
        pending = _pending.urls = set()
    pending.update(urls)
    fragments.renew()
    transaction.on_commit(flush)


def flush():
    """Send what `schedule` gathered (later calls of the same transaction find nothing)."""
    urls, _pending.urls = getattr(_pending, "urls", None) or set(), None
    send(urls)
