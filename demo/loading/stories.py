"""Reform stories under the story index, each with a generated illustration."""

from wagtail_localize.models import TranslationSource

from demo import images
from demo.loading import media
from demo.loading.blocks import body, key_figures, sources
from demo.loading.pages import apply_fields, upsert_page
from stories.models import ReformStoryPage

# The story whose English version is republished after its Spanish translation, so that the
# translation dashboard and the Spanish page show a stale translation.
STALE_STORY = "madrid-lobby-registry"
STALE_LOCALE = "es"


def stale_revision(story):
    """The Madrid story as republished after translation: its key figure's source made precise."""
    story = {**story, "key_figures": [dict(figure) for figure in story["key_figures"]]}
    story["key_figures"][0]["source"] = "Madrid City Council lobby registry"
    return story


def story_images(story, collection):
    """The story's hero illustration and a second view of it for the body."""
    palette = story["image"]["palette"]
    alt = story["image"]["alt"]
    hero = media.image(
        collection,
        f"{story['title']} (illustration)",
        f"story-{story['slug']}.jpg",
        lambda: images.story_illustration(alt, palette, seed=story["slug"]),
    )
    detail = media.image(
        collection,
        f"{story['title']} (illustration, detail)",
        f"story-{story['slug']}-detail.jpg",
        lambda: images.story_illustration(alt, palette, seed=f"{story['slug']}/detail"),
    )
    return hero, detail


def story_values(story, member, terms, hero, detail):
    """The field values of a story page."""
    key = f"story/{story['slug']}"
    # A second illustration with its own alt text and caption after the opening paragraphs.
    image_block = {
        "type": "image",
        "image": detail,
        "alt_text": story["image"]["alt"],
        "caption": story["image"]["caption"],
    }
    first_heading_after_text = next(
        (i for i, block in enumerate(story["body"]) if i > 0 and block["type"] == "heading"),
        len(story["body"]),
    )
    return {
        "title": story["title"],
        "member": member,
        "policy_areas": [terms["policy_areas"][slug] for slug in story["policy_areas"]],
        "sdgs": [terms["sdgs"][number] for number in story["sdgs"]],
        "status": story["status"],
        "start_year": story["start_year"],
        "end_year": story.get("end_year"),
        "summary": story["summary"],
        "image": hero,
        "image_alt": story["image"]["alt"],
        "key_figures": key_figures(f"{key}/figures", story["key_figures"]),
        "body": body(f"{key}/body", story["body"], {first_heading_after_text: image_block}),
        "sources": sources(f"{key}/sources", story["sources"]),
        "commitment_codes": ", ".join(story["commitment_codes"]),
    }


def load_stories(data, index, members, terms, collection):
    """Every story of stories.json; returns ({slug: page}, changed translation keys).

    The stale story is loaded in its republished form once it exists, so a second load finds
    it unchanged and leaves its stale translation alone.
    """
    pages, changed = {}, set()
    for story in data.stories:
        existing = ReformStoryPage.objects.child_of(index).filter(slug=story["slug"]).exists()
        if story["slug"] == STALE_STORY and existing:
            story = stale_revision(story)
        hero, detail = story_images(story, collection)
        values = story_values(story, members[story["member"]], terms, hero, detail)
        page, page_changed = upsert_page(index, ReformStoryPage, story["slug"], values)
        pages[story["slug"]] = page
        if page_changed:
            changed.add(page.translation_key)
    return pages, changed


def make_translation_stale(data, page, locale, terms, collection):
    """Republish the English stale story after its translation into `locale` was last synced.

    Does nothing when it is already stale, so repeated loads keep the same state.
    """
    page = ReformStoryPage.objects.get(pk=page.pk)
    translated = page.get_translation_or_none(locale)
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    if translated is None or source is None:
        return False
    synced_at = max(source.last_updated_at, translated.last_published_at or source.last_updated_at)
    if page.last_published_at and page.last_published_at > synced_at:
        return False
    story = stale_revision(next(s for s in data.stories if s["slug"] == page.slug))
    hero, detail = story_images(story, collection)
    apply_fields(page, story_values(story, page.member, terms, hero, detail))
    page.save_revision().publish()
    return True
