"""Creating or updating English pages and snippets so that loading twice changes nothing.

StreamField blocks get ids derived from the content's identity, so a second load produces the same
stream, the comparison finds no change, and no new revision (or translation resync) is made.
"""

import uuid

from django.db import models
from django.utils.html import escape
from wagtail.fields import StreamField

BLOCK_ID_NAMESPACE = uuid.UUID("4f1d2a8e-6a53-4c1e-9d0e-5b7a0c3e2f10")


def block_id(*parts):
    """A stable block id for the block at this position of this content."""
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, "/".join(str(part) for part in parts)))


def stream(key, blocks):
    """Raw StreamField data from (type, value) pairs, with stable ids."""
    return [
        {"type": block_type, "value": value, "id": block_id(key, index)}
        for index, (block_type, value) in enumerate(blocks)
    ]


def list_items(key, values):
    """Raw ListBlock data from values, with stable ids."""
    return [
        {"type": "item", "value": value, "id": block_id(key, "item", index)}
        for index, value in enumerate(values)
    ]


def rich_text(*paragraphs):
    """Plain-text paragraphs as rich text, one <p> each."""
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs if text)


def body_block(block):
    """One body block of the data files as a (type, value) pair for BodyBlock."""
    kind = block["type"]
    if kind == "heading":
        return "heading", {"text": block["text"], "level": block.get("level", "h2")}
    if kind == "paragraph":
        return "paragraph", rich_text(block["text"])
    if kind == "quote":
        return "quote", {"quote": block["quote"], "attribution": block.get("attribution", "")}
    if kind == "callout":
        return "callout", {"title": block["title"], "text": rich_text(block["text"])}
    if kind == "key_figure":
        return "key_figure", {
            "value": block["value"],
            "unit": block.get("unit", ""),
            "label": block["label"],
        }
    raise ValueError(f"Unknown body block type in the demo data: {kind!r}")


def body(key, blocks, extra=None):
    """A body StreamField value from the data's blocks; `extra` maps a position to a block to add.

    `extra` = {index: (type, value)} inserts that block before the data block at `index`.
    """
    pairs = [body_block(block) for block in blocks]
    for index, pair in sorted((extra or {}).items(), reverse=True):
        pairs.insert(min(index, len(pairs)), pair)
    return stream(key, pairs)


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
