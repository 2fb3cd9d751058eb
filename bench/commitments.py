"""`make bench-commitments`: the commitments explorer over 10,000 generated commitments.

Builds (once) a scratch SQLite database in bench-results/ (or BENCH_DATABASE_URL) holding an
English site with COMMITMENTS commitments of 400 members, then serves the explorer in-process
(test settings: page store off, local-memory cache) for a fixed mix of filters, sorts, pages,
searches, the API and a feed, and prints per address the queries and p50/p95 times, against the
targets (at most 15 queries, p95 under 100 ms). Never touches the developer's database.
"""

import datetime
import math
import os
import random
import sys
import time
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench-results"
COMMITMENTS = int(os.environ.get("COMMITMENTS", "10000"))
MEMBERS = 400
REPEATS = int(os.environ.get("REPEATS", "30"))
MAX_QUERIES = 15
MAX_P95_MS = 100
ADDRESSES = [
    "/en/commitments/",
    "/en/commitments/?policy_area=area-3",
    "/en/commitments/?status=completed&region=europe",
    "/en/commitments/?period=2021-2023&starred=yes&sort=newest",
    "/en/commitments/?country=country-7&kind=city&sdg=sdg-16",
    "/en/commitments/?q=register",
    "/en/commitments/?page=40",
    "/en/commitments/feed/?policy_area=area-1",
    "/api/v2/commitments/?status=in_progress&limit=20",
]
STATUSES = ["not_started", "in_progress", "completed", "withdrawn"]
REGIONS = ["africa-middle-east", "americas", "asia-pacific", "europe"]
KINDS = ["city", "municipality", "province", "region", "state"]
WORDS = ["register", "budget", "contracting", "data", "lobby", "youth", "justice", "audit"]


def setup():
    """Django on the scratch database with test settings."""
    RESULTS.mkdir(exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{RESULTS / 'commitments.sqlite3'}"
    )
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def site():
    """An English home, member directory and explorer as the default site; returns them."""
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from stories.models import CommitmentIndexPage, MemberIndexPage

    english = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = root.add_child(
        instance=HomePage(
            title="Home", slug="home", locale=english, hero_title="Open local government"
        )
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    members = home.add_child(instance=MemberIndexPage(title="Members", slug="members"))
    home.add_child(instance=CommitmentIndexPage(title="Commitments", slug="commitments"))
    return english, members


def terms(english):
    """Countries in every region, twelve policy areas and the seventeen goals."""
    from home.models import Country, PolicyArea, SustainableDevelopmentGoal

    countries = [
        Country.objects.create(
            locale=english,
            name=f"Country {n}",
            slug=f"country-{n}",
            iso_code=f"X{chr(65 + n)}",
            region=REGIONS[n % 4],
        )
        for n in range(24)
    ]
    areas = [
        PolicyArea.objects.create(locale=english, name=f"Area {n}", slug=f"area-{n}")
        for n in range(12)
    ]
    goals = [
        SustainableDevelopmentGoal.objects.create(
            locale=english, number=n, name=f"Goal {n}", slug=f"sdg-{n}", colour="#000000"
        )
        for n in range(1, 18)
    ]
    return countries, areas, goals


def generate(total=COMMITMENTS, members_count=MEMBERS, seed=16):
    """`total` commitments of `members_count` live members, two plans each, in bulk."""
    from pagecache import fragments
    from stories.models import ActionPlan, Commitment, MemberProfilePage

    rng = random.Random(seed)
    english, index = site()
    countries, areas, goals = terms(english)
    members = [
        index.add_child(
            instance=MemberProfilePage(
                title=f"Member {n:04d}",
                slug=f"member-{n:04d}",
                kind=KINDS[n % len(KINDS)],
                country=countries[n % len(countries)],
                year_joined=2016 + n % 8,
            )
        )
        for n in range(members_count)
    ]
    plans = ActionPlan.objects.bulk_create(
        ActionPlan(page=m, locale=english, title=f"Plan {p + 1}", sort_order=p)
        for m in members
        for p in range(2)
    )
    commitments = []
    for n in range(total):
        member_index = n % members_count
        plan = plans[member_index * 2 + (n // members_count) % 2]
        start = 2019 + 2 * (plan.sort_order % 2)
        words = " ".join(rng.sample(WORDS, 3))
        commitments.append(
            Commitment(
                page=members[member_index],
                locale=english,
                translation_key=uuid.uuid4(),
                action_plan=plan,
                sort_order=n // members_count,
                code=f"B{member_index // 26 % 26 + 65:c}{member_index % 26 + 65:c}{n:04d}"[:7],
                title=f"Commitment {n}: {words}",
                description=f"What commitment {n} will do about {words}.",
                status=STATUSES[rng.randrange(4)],
                starred=rng.random() < 0.1,
                start_date=datetime.date(start, 1, 1),
                end_date=datetime.date(start + 2, 12, 31),
            )
        )
    commitments = Commitment.objects.bulk_create(commitments, batch_size=500)
    area_links = Commitment.policy_areas.through
    goal_links = Commitment.sdgs.through
    area_links.objects.bulk_create(
        (
            area_links(commitment_id=c.pk, policyarea_id=area.pk)
            for c in commitments
            for area in rng.sample(areas, rng.randint(1, 2))
        ),
        batch_size=1000,
    )
    goal_links.objects.bulk_create(
        (
            goal_links(commitment_id=c.pk, sustainabledevelopmentgoal_id=goal.pk)
            for c in commitments
            for goal in rng.sample(goals, rng.randint(0, 2))
        ),
        batch_size=1000,
    )
    fragments.renew()  # bulk writes send no signal: the explorer's kept counts are voided here
    return len(commitments)


def percentile(samples, fraction):
    """The nearest-rank percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def get(client, address):
    """One request, its streamed body read; returns the response."""
    response = client.get(address)
    assert response.status_code == 200, (address, response.status_code)
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    return response


def measure(client, address, repeats=REPEATS):
    """(queries, first visit ms, p50 ms, p95 ms) of `address`: its first visit since a change
    (the shared fragments rebuilt by another address first, its own counts not kept yet), then
    `repeats` visits after it."""
    from django.db import connection

    from pagecache import fragments

    seen = []

    def count(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    fragments.renew()
    get(client, address.split("?")[0] + "?status=not_started")
    started = time.perf_counter()
    get(client, address)
    first = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(repeats):
        seen.clear()
        with connection.execute_wrapper(count):
            started = time.perf_counter()
            get(client, address)
            times.append((time.perf_counter() - started) * 1000)
    return len(seen), first, percentile(times, 0.5), percentile(times, 0.95)


def main():
    """Build the corpus if needed, then print the table and whether the targets hold."""
    setup()
    from django.core.management import call_command
    from django.test import Client

    from stories.models import Commitment

    call_command("migrate", verbosity=0)
    if Commitment.objects.count() != COMMITMENTS:
        started = time.perf_counter()
        made = generate()
        print(f"Generated {made} commitments in {time.perf_counter() - started:.0f} s")
    client = Client()
    failures = 0
    print(f"{'address':64} {'queries':>7} {'first ms':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for address in ADDRESSES:
        queries, first, p50, p95 = measure(client, address)
        within = queries <= MAX_QUERIES and p95 < MAX_P95_MS
        failures += not within
        flag = "" if within else "  over target"
        print(f"{address:64} {queries:7d} {first:8.1f} {p50:8.1f} {p95:8.1f}{flag}")
    print(f"Targets: at most {MAX_QUERIES} queries, p95 under {MAX_P95_MS} ms; {failures} over.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
