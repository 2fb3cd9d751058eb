"""What the translation editor offers for review: submit (translators), approve or request
changes (moderators), through the same views as the dashboard and Wagtail's own workflow."""

from django.urls import reverse
from wagtail.models import Page, WorkflowState

from localization.translators import user_can_write_in


def may_submit_for_review(user, page):
    """Whether `user` may send this translated page into its review workflow now: they may
    edit it in its language, a workflow applies, and it is not in review (or was sent back)."""
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit() or not user_can_write_in(user, page.locale_id):
        return False
    if page.get_workflow() is None:
        return False
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return True
    return not page.workflow_in_progress and permissions.can_submit_for_moderation()


def editor_review_actions(user, translation, page):
    """The review actions the editor shows `user` for `page`: {"submit_url", "in_review",
    "approve_url", "request_changes_url"}, each URL None where the user may not act."""
    actions = {
        "submit_url": None,
        "in_review": False,
        "approve_url": None,
        "request_changes_url": None,
    }
    if not isinstance(page, Page) or page.pk is None:
        return actions
    if may_submit_for_review(user, page):
        actions["submit_url"] = reverse("localization:submit_for_review", args=[translation.pk])
    task_state = page.current_workflow_task_state
    if task_state is None or task_state.status != task_state.STATUS_IN_PROGRESS:
        return actions
    actions["in_review"] = True
    offered = {name for name, _label, _modal in task_state.task.specific.get_actions(page, user)}
    for action, key in (("approve", "approve_url"), ("reject", "request_changes_url")):
        if action in offered:
            args = (page.pk, action, task_state.pk)
            actions[key] = reverse("wagtailadmin_pages:workflow_action", args=args)
    return actions
