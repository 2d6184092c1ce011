"""Wagtail's default groups and workflow are gone; their members land in the portal's roles
(issue 16, point 5; portal/migrations/0004_remove_wagtail_default_groups.py)."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from portal.core.roles import EDITORS_GROUP, MODERATORS_GROUP

pytestmark = pytest.mark.django_db

migration = importlib.import_module("portal.migrations.0004_remove_wagtail_default_groups")


def default_workflow(with_group):
    """The workflow as wagtailcore 0048 creates it: one task, on the root page."""
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.add(with_group)
    workflow = Workflow.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=Page.get_first_root_node())
    return workflow, task


def test_after_migrations_no_default_groups_and_no_active_default_workflow():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert not GroupApprovalTask.objects.filter(name="Moderators approval", active=True).exists()


def test_members_of_default_groups_move_to_the_portal_roles(django_user_model):
    editor = django_user_model.objects.create_user("e", "e@example.org")
    moderator = django_user_model.objects.create_user("m", "m@example.org")
    editor.groups.add(Group.objects.create(name="Editors"))
    moderators = Group.objects.create(name="Moderators")
    moderator.groups.add(moderators)
    workflow, task = default_workflow(moderators)

    migration.forwards(apps, None)
    migration.forwards(apps, None)  # idempotent

    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    assert list(moderator.groups.values_list("name", flat=True)) == [MODERATORS_GROUP]
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    workflow.refresh_from_db()
    task.refresh_from_db()
    assert not workflow.active and not task.active
    assert not WorkflowPage.objects.filter(workflow=workflow).exists()


def test_a_default_workflow_the_portal_uses_is_kept_with_the_portal_moderators():
    moderators = Group.objects.create(name="Moderators")
    workflow, task = default_workflow(moderators)
    task.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])

    migration.forwards(apps, None)

    workflow.refresh_from_db()
    assert workflow.active and WorkflowPage.objects.filter(workflow=workflow).exists()
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS_GROUP]
