"""Signal receivers that keep the search tables in step with publishing."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search.facets import TAXONOMY_MODELS, forget_taxonomy_labels
from search.indexing import forget_document_words, index_page, refresh_urls, remove_page
from search.models import SearchDocument


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    """A published page (re)enters the search with its new content."""
    index_page(instance)


@receiver(page_unpublished)
def remove_unpublished_page(sender, instance, **kwargs):
    """An unpublished page leaves the search."""
    remove_page(instance)


@receiver(post_delete, sender=SearchDocument)
def forget_deleted_document(sender, instance, **kwargs):
    """A document deleted with its page (or on unpublish) takes its words out of the vocabulary."""
    forget_document_words(instance)


def forget_labels(sender, **kwargs):
    """A renamed, added or removed taxonomy term changes the facets' labels."""
    forget_taxonomy_labels()


for taxonomy_model in TAXONOMY_MODELS:
    post_save.connect(forget_labels, sender=taxonomy_model, dispatch_uid=f"search-{taxonomy_model}")
    post_delete.connect(
        forget_labels, sender=taxonomy_model, dispatch_uid=f"search-del-{taxonomy_model}"
    )


@receiver(post_page_move)
def refresh_moved_urls(sender, instance, **kwargs):
    """Moving a page changes its address and its descendants'."""
    refresh_urls(instance)


@receiver(page_slug_changed)
def refresh_renamed_urls(sender, instance, **kwargs):
    """A new slug changes the page's address and its descendants'."""
    refresh_urls(instance)
