"""Creating or updating English pages and snippets so that loading twice changes nothing.

StreamField content is built by demo/loading/blocks.py with ids derived from the content's identity,
so a second load produces the same stream, the comparison finds no change, and no new revision (or
translation resync) is made.
"""

from django.db import models
from wagtail.fields import StreamField


def apply_fields(instance, values):
    """Set `values` on `instance`; return whether anything differed from what it held."""
    changed = False
    for name, value in values.items():
        field = instance._meta.get_field(name)
        if isinstance(field, models.ManyToManyField):
            wanted = sorted(obj.pk for obj in value)
            current = (
                sorted(obj.pk for obj in getattr(instance, name).all()) if instance.pk else None
            )
            if current != wanted:
                getattr(instance, name).set(value)
                changed = True
        elif isinstance(field, StreamField):
            wanted = field.stream_block.get_prep_value(field.to_python(value))
            current = field.stream_block.get_prep_value(getattr(instance, name))
            if current != wanted:
                setattr(instance, name, value)
                changed = True
        elif field.is_relation:
            wanted = value.pk if value is not None else None
            if getattr(instance, field.attname) != wanted:
                setattr(instance, name, value)
                changed = True
        else:
            wanted = field.to_python(value)
            if getattr(instance, name) != wanted:
                setattr(instance, name, wanted)
                changed = True
    return changed


def upsert_page(parent, model, slug, values):
    """The English page `slug` under `parent`, created or updated and published when changed.

    Returns (page, changed); `changed` means a new revision was published in this load.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, locale_id=parent.locale_id)
        apply_fields(page, values)
        parent.add_child(instance=page)
    elif not apply_fields(page, values):
        return page, False
    page.save_revision().publish()
    # Publishing works on a copy; read back the live page (revision, publication dates).
    return model.objects.get(pk=page.pk), True


def upsert_snippet(model, lookup, values):
    """The snippet matching `lookup`, created or updated; returns (snippet, changed)."""
    snippet = model.objects.filter(**lookup).first()
    if snippet is None:
        snippet = model(**lookup)
        apply_fields(snippet, values)
        snippet.save()
        return snippet, True
    if apply_fields(snippet, values):
        snippet.save()
        return snippet, True
    return snippet, False
