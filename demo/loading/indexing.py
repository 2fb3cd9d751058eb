"""Search and reference indexing deferred to the end of the load, once per object.

Indexing each object as it is saved costs much of the load time, because pages are saved
several times (created, published, translated). While loading, saves are only recorded; at the
end each saved object is added to the search backends (in bulk) and, for content (pages,
snippets, settings), to Wagtail's reference index, which the admin uses to show where an image,
document, snippet or page is used. Bookkeeping rows saved along the way (translation strings,
search vocabulary) have nothing to show there and would cost several seconds.
"""

import contextlib

from django.apps import apps
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextlib.contextmanager
def deferred_indexing():
    """Record saved objects instead of indexing them one by one; index them on exit."""
    saved = {}

    def record(sender, instance, raw=False, **kwargs):
        if not raw:
            saved.setdefault(sender._meta.label, set()).add(instance.pk)

    searched = [
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    for model in searched:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(record, weak=False)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(record)
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
    index_saved_objects(saved, set(searched))


def is_content(model):
    """Whether editors manage this model as content: pages, snippets and settings."""
    from wagtail.snippets.models import get_snippet_models

    return issubclass(model, Page | BaseSiteSetting) or model in get_snippet_models()


def index_saved_objects(saved, searched):
    """Add the recorded objects ({model label: pks}) to the search and reference indexes."""
    backends = list(get_search_backends(with_auto_update=True))
    for label, pks in saved.items():
        model = apps.get_model(label)
        if model in searched:
            objects = list(model.get_indexed_objects().filter(pk__in=pks))
            for backend in backends if objects else []:
                backend.add_bulk(model, objects)
        if is_content(model) and ReferenceIndex.model_is_indexable(model):
            for instance in model._default_manager.filter(pk__in=pks):
                ReferenceIndex.create_or_update_for_object(instance)
