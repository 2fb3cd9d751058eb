"""A corpus of reform stories for the listing benchmark (never on a real site).

Stories are written straight into the page tables in batches: building each one through
Wagtail (tree insertion, revision, publish, search and reference indexes) would take the
better part of an hour for 10,000 and would not change what a listing reads. Each story
copies the summary, body, key figures, sources and image of one of the site's own stories (so
rows weigh what real ones do), gets a member, one to three policy areas, one or two goals, a
status and a start year at random, and is live under the English stories listing; a share is
also translated into Spanish (same translation key), so the Spanish listing mixes its own
stories with untranslated English ones. Slugs start with `corpus-`.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page

from home.models import PolicyArea, SustainableDevelopmentGoal
from pagecache import fragments
from stories.blocks import Status
from stories.models import MemberProfilePage, ReformStoryPage, StoryIndexPage

BATCH = 500
STATUS_WEIGHTS = {Status.PLANNED: 2, Status.IN_PROGRESS: 5, Status.COMPLETED: 3}
FIRST_YEAR, LAST_YEAR = 2012, 2025
# Copied from each template story as they are (already prepared for the database).
COPIED_FIELDS = ("summary", "image_id", "image_alt", "key_figures", "body", "sources")


def child_step(index):
    """The tree step of the index's last child (0 when it has none)."""
    last = index.get_last_child()
    return int(last.path[-Page.steplen :], 36) if last else 0


def prepared_templates(locale):
    """The site's stories in `locale`, each as its copied fields ready for the database."""
    fields = {f.attname: f for f in ReformStoryPage._meta.local_concrete_fields}
    templates = []
    own = ReformStoryPage.objects.filter(locale=locale).exclude(slug__startswith="corpus-")
    for story in own.order_by("pk"):
        values = {
            name: fields[name].get_db_prep_save(getattr(story, name), connection)
            for name in COPIED_FIELDS
        }
        templates.append((story.title, values))
    if not templates:
        raise ValueError(f"no story in {locale} to copy: load the demo site first")
    return templates


def insert_stories(rows):
    """Insert the story rows of pages already created (a page type's table below Page, which
    Django's bulk_create refuses for multi-table inheritance)."""
    fields = ReformStoryPage._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(ReformStoryPage._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})",
            [[row[f.attname] for f in fields] for row in rows],
        )


class Writer:
    """Adds stories under one listing page, a batch at a time."""

    def __init__(self, index, content_type):
        """Start after the listing's last child."""
        self.index, self.content_type = index, content_type
        self.step = child_step(index)
        self.pages, self.rows, self.added = [], [], 0

    def add(self, title, slug, published, translation_key, values):
        """Queue one story: its page and its own row (`values`)."""
        self.step += 1
        self.pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=self.content_type,
                path=Page._get_path(self.index.path, self.index.depth + 1, self.step),
                depth=self.index.depth + 1,
                numchild=0,
                url_path=f"{self.index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                locale_id=self.index.locale_id,
                translation_key=translation_key,
            )
        )
        self.rows.append(values)

    def flush(self):
        """Write the queued stories; returns their page ids in order."""
        created = Page.objects.bulk_create(self.pages)
        for page, row in zip(created, self.rows, strict=True):
            row["page_ptr_id"] = page.pk
        insert_stories(self.rows)
        Page.objects.filter(pk=self.index.pk).update(numchild=F("numchild") + len(created))
        self.added += len(created)
        self.pages, self.rows = [], []
        return [page.pk for page in created]


def pick(rng, choices, most):
    """One to `most` different values at random."""
    return rng.sample(choices, rng.randint(1, min(most, len(choices))))


def story_values(rng, template, members):
    """A story's own row: the template's content, a member, a status and years."""
    start = rng.randint(FIRST_YEAR, LAST_YEAR)
    status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
    return {
        **template,
        "member_id": rng.choice(members),
        "status": str(status),
        "start_year": start,
        "end_year": start + rng.randint(1, 4) if status == Status.COMPLETED else None,
        "commitment_codes": "",
    }


def generate(count, seed=1, translated_share=0.1):
    """Add `count` English stories (and `translated_share` of them in Spanish); returns
    {language code: stories added}."""
    rng = random.Random(seed)
    english, spanish = (
        Locale.objects.get(language_code="en"),
        Locale.objects.filter(language_code="es").first(),
    )
    index = StoryIndexPage.objects.get(locale=english)
    index_es = StoryIndexPage.objects.filter(locale=spanish).first() if spanish else None
    templates = prepared_templates(english)
    members = list(MemberProfilePage.objects.filter(locale=english).values_list("pk", flat=True))
    areas = list(PolicyArea.objects.filter(locale=english).values_list("pk", flat=True))
    goals = list(
        SustainableDevelopmentGoal.objects.filter(locale=english).values_list("pk", flat=True)
    )
    content_type = ContentType.objects.get_for_model(ReformStoryPage)
    start = timezone.make_aware(datetime.datetime(FIRST_YEAR, 1, 1))
    writers = [Writer(index, content_type)] + ([Writer(index_es, content_type)] if index_es else [])
    area_links = ReformStoryPage.policy_areas.through
    goal_links = ReformStoryPage.sdgs.through
    with transaction.atomic():
        first = Page.objects.filter(slug__startswith="corpus-").count()
        for batch_start in range(0, count, BATCH):
            chosen = []
            for number in range(first + batch_start, first + min(count, batch_start + BATCH)):
                title, template = rng.choice(templates)
                values = story_values(rng, template, members)
                published = start + datetime.timedelta(minutes=rng.randint(0, 14 * 365 * 1440))
                slug = f"corpus-{number + 1}-{slugify(title)[:40]}"
                key = uuid.uuid4()
                writers[0].add(f"{title} ({number + 1})", slug, published, key, values)
                if len(writers) > 1 and rng.random() < translated_share:
                    writers[1].add(f"{title} (es {number + 1})", slug, published, key, values)
                chosen.append((pick(rng, areas, 3), pick(rng, goals, 2)))
            ids = writers[0].flush()
            translated = writers[1].flush() if len(writers) > 1 and writers[1].pages else []
            # A translation carries its source's terms, as the demo's synchronised fields do.
            links = list(zip(ids, chosen, strict=True))
            by_key = dict(Page.objects.filter(pk__in=ids).values_list("translation_key", "pk"))
            for page_id, key in Page.objects.filter(pk__in=translated).values_list(
                "pk", "translation_key"
            ):
                links.append((page_id, chosen[ids.index(by_key[key])]))
            area_links.objects.bulk_create(
                area_links(reformstorypage_id=page_id, policyarea_id=area)
                for page_id, (story_areas, _goals) in links
                for area in story_areas
            )
            goal_links.objects.bulk_create(
                goal_links(reformstorypage_id=page_id, sustainabledevelopmentgoal_id=goal)
                for page_id, (_areas, story_goals) in links
                for goal in story_goals
            )
        # Written past the models' signals: the shared fragments (listing counts) are renewed
        # as a publish would renew them.
        fragments.renew()
    return {"en": writers[0].added, **({"es": writers[1].added} if len(writers) > 1 else {})}
