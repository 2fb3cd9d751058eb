"""StreamField content from the demo data's format: the one place that knows each block's shape.

The demo loader, the test factories and the browser tests' site all describe content as the
data files do (`{"type": "paragraph", "text": ...}`, a lesson's title, paragraphs and question)
and build it here, so no block structure is typed twice. Values come out as raw stream data
with ids derived from `key`, so building the same content twice gives the same stream (the demo
loader relies on that to make no new revision on a second load). Nothing here needs the tests'
packages: production installs can run the demo loader.
"""

import uuid

from django.utils.html import escape

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


def pk(value):
    """A chosen image or document as stream data stores it (its id)."""
    return getattr(value, "pk", value)


def body_block(block):
    """One body block of the data's format as a (type, value) pair for the body StreamBlock."""
    kind = block["type"]
    if kind == "heading":
        return "heading", {"text": block["text"], "level": block.get("level", "h2")}
    if kind == "paragraph":  # plain "text", or rich text as an editor wrote it ("html")
        return "paragraph", block["html"] if "html" in block else rich_text(block["text"])
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
    if kind == "image":
        return "image", {
            "image": pk(block["image"]),
            "alt_text": block["alt_text"],
            "caption": block.get("caption", ""),
        }
    if kind == "embed":  # a video or other oEmbed address
        return "embed", block["url"]
    raise ValueError(f"Unknown body block type: {kind!r}")


def body(key, blocks, extra=None):
    """A body StreamField value from the data's blocks; `extra` maps a position to a block to add.

    `extra` = {index: block} inserts that block (in the data's format) before the block at `index`.
    """
    blocks = list(blocks)
    for index, block in sorted((extra or {}).items(), key=lambda item: item[0], reverse=True):
        blocks.insert(min(index, len(blocks)), block)
    return stream(key, [body_block(block) for block in blocks])


def paragraphs(key, *texts):
    """A body of plain paragraphs."""
    return body(key, [{"type": "paragraph", "text": text} for text in texts])


def key_figures(key, figures):
    """A story's key figures: label, value after (and before), unit and source."""
    return stream(
        key,
        [
            (
                "figure",
                {
                    "label": figure["label"],
                    "value_before": figure.get("value_before") or "",
                    "value_after": figure["value_after"],
                    "unit": figure.get("unit") or "",
                    "source": figure.get("source") or "",
                },
            )
            for figure in figures
        ],
    )


def sources(key, links):
    """A story's sources: a title and an address each."""
    return stream(key, [("source", {"title": s["title"], "url": s["url"]}) for s in links])


def contacts(key, entries):
    """A member's public contacts: a name or role, and an e-mail address and phone if any."""
    return stream(
        key,
        [
            (
                "contact",
                {
                    "name": entry["name"],
                    "email": entry.get("email", ""),
                    "phone": entry.get("phone", ""),
                },
            )
            for entry in entries
        ],
    )


def files(key, entries):
    """A product's files: a document (or its id), its language and its label each."""
    return stream(
        key,
        [
            (
                "file",
                {
                    "document": pk(entry["document"]),
                    "language": entry["language"],
                    "label": entry["label"],
                },
            )
            for entry in entries
        ],
    )


def objectives(key, texts):
    """A module's learning objectives."""
    return stream(key, [("objective", text) for text in texts])


def question(key, data):
    """A lesson's question block value; no data gives an empty prompt (no question)."""
    if not data:
        return {"prompt": "", "choices": [], "explanation": ""}
    return {
        "prompt": data["prompt"],
        "choices": list_items(
            f"{key}/choices",
            [{"text": c["text"], "correct": bool(c["correct"])} for c in data["choices"]],
        ),
        "explanation": data.get("explanation") or "",
    }


def lessons(key, entries):
    """The lessons of the module `key`: a title, paragraphs, an optional video and question each."""
    return stream(
        f"{key}/lessons",
        [
            (
                "lesson",
                {
                    "title": lesson["title"],
                    "body": rich_text(*lesson["body"]),
                    "video": lesson.get("video"),
                    "question": question(f"{key}/lesson-{number}", lesson.get("question")),
                },
            )
            for number, lesson in enumerate(entries, start=1)
        ],
    )
