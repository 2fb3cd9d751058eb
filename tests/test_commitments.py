"""Action plans and commitments as records: the migration from blocks, derived figures, editing."""

import importlib
import json
import re
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from demo.loading.data import DemoData
from stories.models import ActionPlan, Commitment, CommitmentStatus, MemberProfilePage
from stories.models.commitments import PlanProgress, plan_status
from tests import factories

move = importlib.import_module("stories.migrations.0003_move_streams_to_records")
BEFORE_RECORDS = [("stories", "0002_commitment_records")]


def old_blocks(story, area_pks):
    """A demo story's plan and commitments as the blocks the demo held before records."""
    plan = story["action_plan"]
    plan_block = {
        "type": "action_plan",
        "id": str(uuid.uuid4()),
        "value": {**plan, "document": None, "url": ""},
    }
    commitment_blocks = [
        {
            "type": "commitment",
            "id": str(uuid.uuid4()),
            "value": {
                "code": code,
                "title": f"{story['title']} ({code})",
                "policy_area": area_pks[story["policy_areas"][0]],
                "status": story["status"],
                "starred": bool(story.get("featured")),
            },
        }
        for code in story["commitment_codes"]
    ]
    return plan_block, commitment_blocks


def migrate(targets):
    """Run the migrations to `targets` (or forward to the latest with None)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(targets or executor.loader.graph.leaf_nodes()).apps


# serialized_rollback: the flush after this test must not recreate content types with
# post_migrate, or the next serialized test on the worker (test_varnish) fails to restore them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_keeps_every_plan_and_commitment_of_the_demo(site_tree):
    stories = [story for story in DemoData().stories if story.get("action_plan")]
    area_pks = {
        slug: factories.PolicyAreaFactory(slug=slug, name=slug).pk
        for story in stories
        for slug in story["policy_areas"]
    }
    members = {}
    for story in stories:
        page = factories.MemberProfilePageFactory(
            parent=site_tree["members"], title=story["member"]
        )
        page.save_revision()
        members[story["member"]] = page.pk
    old = {story["member"]: old_blocks(story, area_pks) for story in stories}
    try:
        apps = migrate(BEFORE_RECORDS)
        HistoricalMember = apps.get_model("stories", "MemberProfilePage")
        Revision = apps.get_model("wagtailcore", "Revision")
        for name, (plan_block, commitment_blocks) in old.items():
            page = HistoricalMember.objects.get(pk=members[name])
            page.legacy_action_plans = [plan_block]
            page.legacy_commitments = commitment_blocks
            page.save(update_fields=["legacy_action_plans", "legacy_commitments"])
            revision = Revision.objects.filter(object_id=str(page.pk)).latest("pk")
            revision.content = {
                **revision.content,
                "action_plans": [plan_block],
                "commitments": commitment_blocks,
            }
            revision.save(update_fields=["content"])
    finally:
        migrate(None)

    assert ActionPlan.objects.count() == len(stories) == 14
    assert Commitment.objects.count() == sum(len(s["commitment_codes"]) for s in stories) == 15
    for story in stories:
        page = MemberProfilePage.objects.get(pk=members[story["member"]])
        (summary,) = move_summaries(page)
        assert summary.plan.title == story["action_plan"]["title"]
        assert [c.code for c in summary.commitments] == story["commitment_codes"]
        assert (summary.progress.start_year, summary.progress.end_year) == (
            story["action_plan"]["start_year"],
            story["action_plan"]["end_year"],
        )
        expected = "not_started" if story["status"] == "planned" else story["status"]
        assert {c.status for c in summary.commitments} == {expected}
        assert [a.slug for a in summary.commitments[0].policy_areas.all()] == [
            story["policy_areas"][0]
        ]
        drafted = page.get_latest_revision_as_object()
        assert [c.code for c in drafted.commitments.all()] == story["commitment_codes"]
        assert [p.title for p in drafted.action_plans.all()] == [story["action_plan"]["title"]]


def move_summaries(page):
    """The plans of a page as its profile shows them."""
    from stories.models.commitment_figures import plans_with_progress

    return plans_with_progress(page)


def test_a_record_keeps_its_translation_key_across_languages():
    page_key = uuid.uuid4()

    english = move.record_key(page_key, "block-1", 0)
    spanish = move.record_key(page_key, "block-1", 0)

    assert english == spanish
    assert english != move.record_key(page_key, "block-2", 1)


def test_a_plan_without_commitments_keeps_its_years_in_its_title():
    rows = [{"id": "a", "value": {"title": "First plan", "start_year": 2018, "end_year": 2020}}]

    (plan,) = move.plan_values(uuid.uuid4(), rows, commitment_count=0)

    assert plan["title"] == "First plan (2018–2020)"


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], None),
        (["completed", "completed"], "completed"),
        (["completed", "withdrawn"], "completed"),
        (["withdrawn"], "withdrawn"),
        (["not_started", "not_started"], "not_started"),
        (["not_started", "completed"], "in_progress"),
        (["in_progress", "completed"], "in_progress"),
    ],
)
def test_a_plan_status_is_derived_from_its_commitments(statuses, expected):
    assert plan_status(statuses) == expected


@pytest.mark.django_db
def test_a_plan_counts_its_commitments_and_their_period_instead_of_typed_figures(client, site_tree):
    member = factories.MemberProfilePageFactory(
        parent=site_tree["members"], title="Bogotá", slug="bogota"
    )
    plan = factories.ActionPlanFactory(page=member, title="Bogotá action plan")
    factories.CommitmentFactory(page=member, action_plan=plan, code="BOG0001", status="completed")
    factories.CommitmentFactory(
        page=member,
        action_plan=plan,
        code="BOG0002",
        status="in_progress",
        end_date="2025-06-30",
    )

    html = client.get("/en/members/bogota/").content.decode()

    assert "1 of 2 commitments completed" in html
    assert "2021–2025" in html
    assert 'class="status status--in_progress">In progress</span>' in html
    progress = PlanProgress.of(list(plan.commitments.all()))
    assert (progress.total, progress.completed, progress.percent) == (2, 1, 50)
    assert '<rect class="plan-progress__done" x="0" y="0" width="50" height="6" />' in html


@pytest.mark.django_db
def test_a_spanish_translation_translates_titles_and_keeps_codes_dates_and_statuses(site_tree):
    from tests.translation.builders import translate_page

    member = factories.MemberProfilePageFactory(
        parent=site_tree["members"], title="Madrid", slug="madrid"
    )
    area = factories.PolicyAreaFactory(slug="lobbying", name="Lobbying")
    plan = factories.ActionPlanFactory(page=member, title="Madrid plan")
    factories.CommitmentFactory(
        page=member,
        action_plan=plan,
        code="MAD0001",
        title="Open the lobby register",
        status=CommitmentStatus.COMPLETED,
        policy_areas=[area],
    )
    member.save_revision().publish()
    translate_page(site_tree["home"], "es")
    translate_page(site_tree["members"], "es")

    spanish = translate_page(
        MemberProfilePage.objects.get(pk=member.pk),
        "es",
        {"Madrid plan": "Plan de Madrid", "Open the lobby register": "Abrir el registro"},
    )

    (commitment,) = spanish.commitments.all()
    assert (commitment.code, commitment.title, commitment.status) == (
        "MAD0001",
        "Abrir el registro",
        "completed",
    )
    assert commitment.locale.language_code == "es"
    assert [a.slug for a in commitment.policy_areas.all()] == ["lobbying"]
    assert [p.title for p in spanish.action_plans.all()] == ["Plan de Madrid"]
    (summary,) = move_summaries(spanish)
    assert summary.plan.title == "Plan de Madrid" and summary.commitments == [commitment]


@pytest.fixture
def edited_member(site_tree):
    """Madrid with one plan and commitment MAD0001, and another member's plan beside it."""
    madrid = factories.MemberProfilePageFactory(
        parent=site_tree["members"], title="Madrid", slug="madrid"
    )
    plan = factories.ActionPlanFactory(page=madrid, title="Madrid plan")
    factories.CommitmentFactory(page=madrid, action_plan=plan, code="MAD0001")
    other = factories.MemberProfilePageFactory(parent=site_tree["members"], title="Shama")
    factories.ActionPlanFactory(page=other, title="Shama plan")
    madrid.save_revision().publish()
    return madrid


def edit_form_data(admin_client, page):
    """The member's edit form as the browser would post it."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = admin_client.get(url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    # StreamFields are drawn by the admin's JavaScript: their empty counts are what it posts.
    streams = ["body", "contacts"]
    for index in range(int(data["commitments-TOTAL_FORMS"]) + 1):
        streams += [f"commitments-{index}-milestones", f"commitments-{index}-evidence"]
    data.update({f"{name}-count": "0" for name in streams})
    return url, html, data


@pytest.mark.django_db
def test_a_commitment_chooses_among_its_own_members_plans_only(admin_client, edited_member):
    _url, html, data = edit_form_data(admin_client, edited_member)

    assert data["commitments-0-code"] == "MAD0001"
    assert ">Madrid plan</option>" in html
    assert "Shama plan" not in html


@pytest.mark.django_db
def test_a_commitment_added_in_the_members_form_is_saved_with_its_plan(admin_client, edited_member):
    url, _html, data = edit_form_data(admin_client, edited_member)
    plan = edited_member.action_plans.get()
    data.update(
        {
            "commitments-TOTAL_FORMS": "2",
            "commitments-1-code": "MAD0002",
            "commitments-1-title": "Publish the agendas",
            "commitments-1-status": "completed",
            "commitments-1-action_plan": str(plan.pk),
            "commitments-1-ORDER": "2",
            "action-publish": "action-publish",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302
    page = MemberProfilePage.objects.get(pk=edited_member.pk)
    assert {(c.code, c.action_plan_id) for c in page.commitments.all()} == {
        ("MAD0001", plan.pk),
        ("MAD0002", plan.pk),
    }
    assert page.commitments.get(code="MAD0002").locale_id == page.locale_id


@pytest.mark.django_db
def test_a_code_used_twice_by_one_member_is_a_form_error(admin_client, edited_member):
    url, _html, data = edit_form_data(admin_client, edited_member)
    data.update(
        {
            "commitments-TOTAL_FORMS": "2",
            "commitments-1-code": "MAD0001",
            "commitments-1-title": "The same code again",
            "commitments-1-status": "in_progress",
            "commitments-1-ORDER": "2",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    formset = response.context["form"].formsets["commitments"]
    assert formset.non_form_errors() == [
        "Please correct the duplicate data for page and code, which must be unique."
    ]
    assert Commitment.objects.filter(code="MAD0001").count() == 1


def code_errors(code):
    """The validation errors of a commitment's code field."""
    commitment = Commitment(code=code, title="Lobby register", status="completed")
    try:
        commitment.clean_fields(exclude=["page", "locale", "translation_key", "action_plan"])
    except ValidationError as error:
        return error.message_dict.get("code", [])
    return []


@pytest.mark.parametrize("code", ["MAD001", "mad0001", "MADR0001", "MAD 0001", ""])
def test_a_commitment_code_must_be_three_capitals_and_four_digits(code):
    assert code_errors(code)


def test_a_commitment_code_in_the_right_format_is_accepted():
    assert code_errors("MAD0001") == []


@pytest.mark.django_db
def test_the_api_gives_a_members_plans_and_commitments_with_codes_and_policy_areas(
    client, site_tree
):
    member = factories.MemberProfilePageFactory(parent=site_tree["members"], title="Madrid")
    plan = factories.ActionPlanFactory(page=member, title="Madrid plan")
    area = factories.PolicyAreaFactory(slug="lobbying", name="Lobbying")
    factories.CommitmentFactory(
        page=member, action_plan=plan, code="MAD0001", status="completed", policy_areas=[area]
    )

    response = client.get(f"/api/v2/pages/{member.pk}/", {"fields": "action_plans,commitments"})

    data = response.json()
    assert [p["title"] for p in data["action_plans"]] == ["Madrid plan"]
    (commitment,) = data["commitments"]
    assert (commitment["code"], commitment["status"], commitment["action_plan_id"]) == (
        "MAD0001",
        "completed",
        plan.pk,
    )
    assert [a["slug"] for a in commitment["policy_areas"]] == ["lobbying"]


@pytest.mark.django_db
def test_each_commitment_has_its_own_address_with_json_ld(client, site_tree):
    member = factories.MemberProfilePageFactory(
        parent=site_tree["members"], title="Madrid", slug="madrid"
    )
    plan = factories.ActionPlanFactory(page=member, title="Madrid plan")
    factories.CommitmentFactory(
        page=member, action_plan=plan, code="MAD0001", title="Open the lobby register"
    )

    profile = client.get("/en/members/madrid/").content.decode()
    response = client.get("/en/members/madrid/commitments/MAD0001/")

    assert 'href="/en/members/madrid/commitments/MAD0001/"' in profile
    html = response.content.decode()
    assert response.status_code == 200
    assert "Open the lobby register" in html and "Madrid plan" in html
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block)
    assert (data["@type"], data["identifier"], data["url"]) == (
        "CreativeWork",
        "MAD0001",
        "http://localhost/en/members/madrid/commitments/MAD0001/",
    )
    assert data["temporalCoverage"] == "2021-01-01/2023-12-31"


@pytest.mark.django_db
def test_an_unknown_commitment_code_is_a_404_in_the_visitors_language(client, site_tree):
    factories.MemberProfilePageFactory(parent=site_tree["members"], title="Madrid", slug="madrid")

    response = client.get("/en/members/madrid/commitments/XYZ9999/")

    assert response.status_code == 404
