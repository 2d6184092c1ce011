"""Wagtail's first migrations create the groups "Editors" and "Moderators" (wagtailcore 0002)
and the workflow "Moderators approval" on the root page (wagtailcore 0048). The portal has its
own roles (portal/core/roles.py) and its own workflow ("Zināšanu moderācija",
portal/core/editorial.py), so the defaults only put people in groups nobody reads (no notice, no
portal permission).

Nobody is dropped silently: a member of "Editors" is moved to Redaktori and a member of
"Moderators" to Moderatori (the portal's permissions for those groups are granted by
portal.core.roles.ensure_role_groups / portal.core.editorial, as for every member). The default
workflow is deactivated, its history kept, unless the portal uses it: a portal group approves
in it, pages or snippets were assigned to it beyond the root, or content is waiting in it.
A workflow kept that way gets the matching portal group beside the default group it loses.
Idempotent; the reverse does nothing (the defaults are not wanted back).
"""

from django.conf import settings
from django.db import migrations

from portal.core.roles import EDITORS_GROUP, MODERATORS_GROUP

DEFAULT_GROUPS = {"Editors": EDITORS_GROUP, "Moderators": MODERATORS_GROUP}
DEFAULT_WORKFLOW = "Moderators approval"
ACTIVE_STATES = ["in_progress", "needs_changes"]


def in_use(apps, workflow):
    Group = apps.get_model("auth", "Group")
    task_ids = workflow.workflow_tasks.values_list("task_id", flat=True)
    portal_approvers = Group.objects.filter(groupapprovaltask__in=task_ids).exclude(
        name__in=DEFAULT_GROUPS
    )
    return (
        portal_approvers.exists()
        or workflow.workflow_pages.exclude(page__depth=1).exists()
        or workflow.workflow_content_types.exists()
        or workflow.workflow_states.filter(status__in=ACTIVE_STATES).exists()
    )


def retire_default_workflow(apps):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW, active=True):
        if in_use(apps, workflow):
            continue
        workflow.workflow_pages.all().delete()
        workflow.active = False
        workflow.save(update_fields=["active"])
        # Its task too, unless another active workflow shares it.
        Task.objects.filter(workflow_tasks__workflow=workflow).exclude(
            workflow_tasks__workflow__active=True
        ).update(active=False)


def replace_default_groups(apps):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for default_name, portal_name in DEFAULT_GROUPS.items():
        default = Group.objects.filter(name=default_name).first()
        if default is None:
            continue
        members = User.objects.filter(groups=default)
        tasks = GroupApprovalTask.objects.filter(groups=default, active=True)
        if members.exists() or tasks.exists():
            portal_group, _ = Group.objects.get_or_create(name=portal_name)
            portal_group.user_set.add(*members)
            for task in tasks:
                task.groups.add(portal_group)
        default.delete()


def forwards(apps, schema_editor):
    retire_default_workflow(apps)
    replace_default_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_page_indexes"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailcore", "0048_add_default_workflows"),
        # These grant the default groups admin, image and document permissions first.
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
