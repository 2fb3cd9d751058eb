"""Editorial workflow: editors submit, moderators approve or reject; scheduled publishing works."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from stories.models import ReformStoryPage
from tests import factories

EDITORS = "Communications editors"
MODERATORS = "Moderators"
STORY_STREAMFIELDS = ("key_figures", "body", "sources")


@pytest.fixture
def editor(django_user_model, locales):
    """A communications editor (no superuser rights)."""
    return factories.make_user("editor", EDITORS)


@pytest.fixture
def moderator(django_user_model, locales):
    """A moderator (no superuser rights)."""
    return factories.make_user("moderator", MODERATORS)


@pytest.fixture
def member(site_tree):
    """A live member profile for stories to refer to."""
    return factories.MemberProfilePageFactory(parent=site_tree["members"], title="Madrid")


@pytest.fixture
def policy_area(locales):
    """A policy area to tag stories with."""
    return factories.PolicyAreaFactory(name="Lobbying", slug="lobbying")


def admin_form_data(html):
    """The page editor's form as a browser would submit it; empty StreamFields are drawn by
    JavaScript, so their block counts are added here."""
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(nested_form_data({name: streamfield([]) for name in STORY_STREAMFIELDS}))
    return data


def story_form_data(client, parent, member, policy_area, **changes):
    """The admin's add-story form as the browser would submit it, with the story's fields set."""
    url = reverse("wagtailadmin_pages:add", args=("stories", "reformstorypage", parent.pk))
    response = client.get(url)
    assert response.status_code == 200
    data = admin_form_data(response.content.decode())
    data.update(
        {
            "title": "Lobby register",
            "slug": "lobby-register",
            "member": str(member.pk),
            "summary": "Madrid opened a public register of lobbyists.",
            "status": "completed",
            "start_year": "2018",
        }
    )
    data.setlist("policy_areas", [str(policy_area.pk)])
    for key, value in changes.items():
        data[key] = value
    return url, data


def submit_story(client, site_tree, member, policy_area, **changes):
    """Create a story through the admin and submit it for moderation; return it."""
    url, data = story_form_data(client, site_tree["stories"], member, policy_area, **changes)
    data["action-submit"] = "Submit for moderation"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ReformStoryPage.objects.get(slug="lobby-register")


def approve(client, page, comment="Looks good."):
    """Approve the page's current workflow task through the admin."""
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    return client.post(url, {"comment": comment})


@pytest.mark.django_db
def test_review_workflow_with_moderator_approval_applies_to_every_page(site_tree):
    workflow = Workflow.objects.get(name="Review")
    assert workflow.active
    assert [task.name for task in workflow.tasks] == ["Moderator approval"]
    task = workflow.tasks.first().specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]
    root = Page.get_first_root_node()
    assert root.get_workflow() == workflow
    assert site_tree["stories"].get_workflow() == workflow


@pytest.mark.django_db
def test_editors_may_create_and_edit_but_not_publish_moderators_may_publish(site_tree):
    editors = Group.objects.get(name=EDITORS)
    moderators = Group.objects.get(name=MODERATORS)
    editor_codenames = set(editors.page_permissions.values_list("permission__codename", flat=True))
    moderator_codenames = set(
        moderators.page_permissions.values_list("permission__codename", flat=True)
    )
    assert editor_codenames == {"add_page", "change_page"}
    assert {"add_page", "change_page", "publish_page"} <= moderator_codenames
    for group in (editors, moderators):
        assert group.permissions.filter(codename="access_admin").exists()
        assert set(group.page_permissions.values_list("page__depth", flat=True)) == {1}


@pytest.mark.django_db
def test_editors_use_taxonomy_and_moderators_manage_it(editor, moderator):
    assert editor.has_perm("home.view_policyarea")
    assert not editor.has_perm("home.add_policyarea")
    for action in ("add", "change", "delete"):
        for model in ("policyarea", "sustainabledevelopmentgoal", "country"):
            assert moderator.has_perm(f"home.{action}_{model}")


@pytest.mark.django_db
def test_editor_can_create_a_story_and_submit_it_for_moderation(
    client, editor, site_tree, member, policy_area
):
    client.force_login(editor)
    story = submit_story(client, site_tree, member, policy_area)
    assert not story.live
    workflow_state = story.workflow_states.get()
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert workflow_state.current_task_state.task.name == "Moderator approval"
    assert client.get(story.url).status_code == 404


@pytest.mark.django_db
def test_editor_asking_to_publish_a_new_story_leaves_it_unpublished(
    client, editor, site_tree, member, policy_area
):
    client.force_login(editor)
    url, data = story_form_data(client, site_tree["stories"], member, policy_area)
    data["action-publish"] = "Publish"
    client.post(url, data)
    story = ReformStoryPage.objects.get(slug="lobby-register")
    assert not story.live
    assert story.live_revision is None


@pytest.mark.django_db
def test_editor_cannot_publish_changes_to_a_live_story(
    client, editor, site_tree, member, policy_area
):
    story = factories.ReformStoryPageFactory(
        parent=site_tree["stories"],
        member=member,
        title="Original title",
        policy_areas=[policy_area],
    )
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    data = admin_form_data(client.get(edit_url).content.decode())
    data["title"] = "Changed by an editor"
    data["action-publish"] = "Publish"
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    story.refresh_from_db()
    assert story.title == "Original title"
    assert story.get_latest_revision().as_object().title == "Changed by an editor"
    assert story.has_unpublished_changes


@pytest.mark.django_db
def test_moderator_approves_a_submitted_story_and_it_goes_live(
    client, editor, moderator, site_tree, member, policy_area
):
    client.force_login(editor)
    story = submit_story(client, site_tree, member, policy_area)
    client.force_login(moderator)
    response = approve(client, story)
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.live
    assert story.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert client.get(story.url).status_code == 200


@pytest.mark.django_db
def test_moderator_rejects_with_a_comment_and_the_story_stays_unpublished(
    client, editor, moderator, site_tree, member, policy_area
):
    client.force_login(editor)
    story = submit_story(client, site_tree, member, policy_area)
    client.force_login(moderator)
    task_state = story.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(story.pk, "reject", task_state.pk))
    client.post(url, {"comment": "Add the source of the figures."})
    story.refresh_from_db()
    assert not story.live
    task_state.refresh_from_db()
    assert task_state.status == "rejected"
    assert task_state.comment == "Add the source of the figures."
    assert story.workflow_states.get().status == WorkflowState.STATUS_NEEDS_CHANGES


@pytest.mark.django_db
def test_editor_cannot_approve_their_own_submission(client, editor, site_tree, member, policy_area):
    client.force_login(editor)
    story = submit_story(client, site_tree, member, policy_area)
    approve(client, story)
    story.refresh_from_db()
    assert not story.live
    assert story.workflow_states.get().status == WorkflowState.STATUS_IN_PROGRESS


def run_scheduler_at(moment):
    """Run `publish_scheduled` as if the clock showed `moment`."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled")


@pytest.mark.django_db
def test_approved_story_with_go_live_date_goes_live_on_time_not_before(
    client, editor, moderator, site_tree, member, policy_area
):
    go_live = timezone.now() + datetime.timedelta(days=2)
    client.force_login(editor)
    story = submit_story(
        client, site_tree, member, policy_area, go_live_at=go_live.strftime("%Y-%m-%d %H:%M")
    )
    client.force_login(moderator)
    approve(client, story)
    story.refresh_from_db()
    assert not story.live
    assert story.scheduled_revision is not None

    run_scheduler_at(go_live - datetime.timedelta(hours=1))
    story.refresh_from_db()
    assert not story.live

    run_scheduler_at(go_live + datetime.timedelta(minutes=1))
    story.refresh_from_db()
    assert story.live
    client.logout()
    assert client.get(story.url).status_code == 200


@pytest.mark.django_db
def test_story_with_expiry_date_is_unpublished_when_it_expires(client, site_tree, member):
    expire = timezone.now() + datetime.timedelta(days=30)
    story = factories.ReformStoryPageFactory(parent=site_tree["stories"], member=member)
    story.expire_at = expire
    story.save_revision().publish()
    url = story.url

    run_scheduler_at(expire - datetime.timedelta(days=1))
    story.refresh_from_db()
    assert story.live

    run_scheduler_at(expire + datetime.timedelta(minutes=1))
    story.refresh_from_db()
    assert not story.live
    assert story.expired
    assert client.get(url).status_code == 404
