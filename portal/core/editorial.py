"""Editorial roles and the moderation workflow of the knowledge pages.

Editors (“Redaktori”) add and edit pages and submit them; moderators (“Moderatori”) publish.
The group names live in portal/roles.py, shared with the other apps.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from portal.core.roles import EDITORS_GROUP, MODERATORS_GROUP

WORKFLOW_NAME = "Zināšanu moderācija"
APPROVAL_TASK_NAME = "Moderatora apstiprinājums"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
MODERATOR_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page", "unlock_page"]
# Both roles use images and documents in their pages.
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
MODERATOR_SNIPPET_PERMISSIONS = [("taxonomy", "add_topic"), ("taxonomy", "change_topic")]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_groups():
    """The two groups with admin access and their collection permissions; idempotent."""
    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    access_admin = _permission("wagtailadmin", "access_admin")
    root_collection = Collection.get_first_root_node()
    for group in (editors, moderators):
        group.permissions.add(access_admin)
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(app_label, codename),
            )
    moderators.permissions.add(
        *(_permission(app_label, codename) for app_label, codename in MODERATOR_SNIPPET_PERMISSIONS)
    )
    return editors, moderators


def grant_page_permissions(page, editors, moderators):
    """Editors may edit below `page`, moderators may also publish there."""
    for group, codenames in (
        (editors, EDITOR_PAGE_PERMISSIONS),
        (moderators, MODERATOR_PAGE_PERMISSIONS),
    ):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_permission("wagtailcore", codename)
            )


def ensure_moderation_workflow(pages):
    """A workflow whose one task is the moderators' approval, assigned to `pages`."""
    editors, moderators = ensure_groups()
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in pages:
        grant_page_permissions(page, editors, moderators)
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
