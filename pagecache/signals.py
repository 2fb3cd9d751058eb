"""Thin receivers: each asks `addresses_changed_by` what a change touches and schedules the
purge. A failure is logged, never raised: a cache must not stop an editor's publish."""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from home.receivers import logged_as
from pagecache.purge import addresses_changed_by, previous_live_revision, schedule

logged = logged_as("Cache purge")


@receiver(page_published)
@logged
def purge_published_page(sender, instance, revision=None, **kwargs):
    """A page went live with new content: what it shows now, and what it showed before (a
    story moved to another member leaves the old member's page)."""
    previous = previous_live_revision(instance, revision)
    schedule(addresses_changed_by(instance, previous_revision=previous))


@receiver(page_unpublished)
@logged
def purge_unpublished_page(sender, instance, **kwargs):
    """A page was taken down."""
    schedule(addresses_changed_by(instance))


@receiver(post_page_move)
@logged
def purge_moved_page(sender, instance, url_path_before, parent_page_before, **kwargs):
    """A moved page leaves its old address and listing for new ones."""
    schedule(
        addresses_changed_by(
            instance, url_path_before=url_path_before, parent_before=parent_page_before
        )
    )


@receiver(page_slug_changed)
@logged
def purge_renamed_page(sender, instance, instance_before, **kwargs):
    """A new slug gives the page and its descendants new addresses."""
    schedule(addresses_changed_by(instance, url_path_before=instance_before.url_path))


@receiver(pre_delete)
@logged
def purge_deleted_page(sender, instance, **kwargs):
    """A page about to be deleted: its addresses are worked out while it still exists."""
    if isinstance(instance, Page) and type(instance) is instance.specific_class:
        schedule(addresses_changed_by(instance))


def shows_on_pages(instance):
    """Site settings and snippets (taxonomy terms ...) appear on pages; pages have their own
    signals above."""
    return isinstance(instance, BaseSiteSetting) or type(instance) in get_snippet_models()


@receiver(post_save)
@logged
def purge_saved_snippet(sender, instance, raw=False, **kwargs):
    """A term or setting was saved: the pages that show it change."""
    if not raw and shows_on_pages(instance):
        schedule(addresses_changed_by(instance))


@receiver(pre_delete)
@logged
def purge_deleted_snippet(sender, instance, **kwargs):
    """A term about to be deleted: the pages that show it are found while it still exists."""
    if shows_on_pages(instance):
        schedule(addresses_changed_by(instance))
