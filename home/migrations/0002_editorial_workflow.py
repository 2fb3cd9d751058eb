"""Editorial groups and the review workflow (issue 3): editors submit, moderators publish.

Idempotent: every object is fetched or created, so re-running on a database that already has
some of them (or Wagtail's default "Moderators" group) completes what is missing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Communications editors"
MODERATORS = "Moderators"
WORKFLOW = "Review"
TASK = "Moderator approval"
TAXONOMY_MODELS = ("policyarea", "sustainabledevelopmentgoal", "country")

# Page permissions are granted on the root page, so they cover every locale's tree.
PAGE_PERMISSIONS = {
    EDITORS: ("add_page", "change_page"),
    MODERATORS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
# Editors use the taxonomy (choosers are open to every admin user) and may read it;
# moderators manage it.
TAXONOMY_ACTIONS = {
    EDITORS: ("view",),
    MODERATORS: ("add", "change", "delete", "view"),
}
# Image and document permissions on the root collection; "add" lets editors change their own.
COLLECTION_PERMISSIONS = {
    EDITORS: (
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ),
    MODERATORS: (
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "delete_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "delete_document"),
        ("wagtaildocs", "choose_document"),
    ),
}


def ensure_model_permissions(apps, app_label):
    """Create an app's model permissions now: post_migrate has not run yet on a fresh database."""
    app_config = apps.get_app_config(app_label)
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    try:
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = models_module


def permission(apps, app_label, codename):
    """The auth permission `app_label.codename`."""
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_groups_and_workflow(apps, schema_editor):
    """Create the two groups with their permissions and the review workflow on the root page."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    ensure_model_permissions(apps, "home")
    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, MODERATORS)}

    for name, group in groups.items():
        group.permissions.add(permission(apps, "wagtailadmin", "access_admin"))
        for action in TAXONOMY_ACTIONS[name]:
            for model in TAXONOMY_MODELS:
                group.permissions.add(permission(apps, "home", f"{action}_{model}"))
        if root_page is not None:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=permission(apps, "wagtailcore", codename),
                )
        if root_collection is not None:
            for app_label, codename in COLLECTION_PERMISSIONS[name]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission(apps, app_label, codename),
                )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.add(groups[MODERATORS])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page is not None:
        # One workflow per page: ours replaces Wagtail's default "Moderators approval" on the root.
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    # Wagtail's default workflow, now unused, would only confuse editors choosing a workflow.
    Workflow.objects.exclude(pk=workflow.pk).filter(
        name="Moderators approval", workflow_pages__isnull=True
    ).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0090_remove_grouppagepermission_permission_type"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop),
    ]
