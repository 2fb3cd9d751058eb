"""Signal receivers that keep the search tables in step with publishing.

A failure to index is logged, not raised: an editor's publish must not fail because of the
search (`rebuild_search_documents` repairs the index).
"""

from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from home.receivers import logged_as
from search.facets import forget_taxonomy_labels
from search.indexing import (
    forget_document_words,
    index_page,
    refresh_urls,
    reindex_subtree,
    reindex_tagged,
    remove_page,
)
from search.labels import TAXONOMY
from search.models import SearchDocument
from search.text import fold_accents

logged = logged_as("Search index update")


@receiver(page_published)
@logged
def index_published_page(sender, instance, **kwargs):
    """A published page (re)enters the search with its new content."""
    index_page(instance)


@receiver(page_unpublished)
@logged
def remove_unpublished_page(sender, instance, **kwargs):
    """An unpublished page leaves the search."""
    remove_page(instance)


@receiver(post_delete, sender=SearchDocument)
@logged
def forget_deleted_document(sender, instance, **kwargs):
    """A document deleted with its page (or on unpublish) takes its words out of the vocabulary."""
    forget_document_words(instance)


def forget_labels(sender, **kwargs):
    """A renamed, added or removed taxonomy term changes the facets' labels."""
    forget_taxonomy_labels()


@logged
def relabel_tagged_pages(sender, instance, raw=False, **kwargs):
    """A term's names and synonyms label the pages tagged with it: index them again."""
    if not raw:
        reindex_tagged(instance)


for taxonomy_model in TAXONOMY:
    post_save.connect(forget_labels, sender=taxonomy_model, dispatch_uid=f"search-{taxonomy_model}")
    post_save.connect(
        relabel_tagged_pages, sender=taxonomy_model, dispatch_uid=f"search-tags-{taxonomy_model}"
    )
    post_delete.connect(
        forget_labels, sender=taxonomy_model, dispatch_uid=f"search-del-{taxonomy_model}"
    )


@receiver(post_page_move)
@logged
def reindex_moved_pages(sender, instance, **kwargs):
    """A moved page has a new address, and may now sit under a private section."""
    reindex_subtree(instance)


@receiver(page_slug_changed)
@logged
def refresh_renamed_urls(sender, instance, **kwargs):
    """A new slug changes the page's address and its descendants'."""
    refresh_urls(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@logged
def follow_view_restrictions(sender, instance, **kwargs):
    """Pages made private leave the public search; pages made public again come back."""
    page = Page.objects.filter(pk=instance.page_id).first()  # gone when the page is deleted
    if page is not None:
        reindex_subtree(page)


@receiver(connection_created)
def add_sqlite_unaccent(sender, connection, **kwargs):
    """SQLite gets PostgreSQL's `unaccent()`, and a `lower()` that lowers every alphabet as
    PostgreSQL's does (SQLite's own lowers ASCII only), so both compare text alike."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "unaccent", 1, lambda text: fold_accents(text) if text else text, deterministic=True
        )
        connection.connection.create_function(
            "lower",
            1,
            lambda text: text.lower() if isinstance(text, str) else text,
            deterministic=True,
        )
