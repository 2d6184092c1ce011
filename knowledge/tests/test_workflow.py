"""Moderation: an editor submits, a moderator publishes."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from knowledge.models import ArticlePage
from portal.core.editorial import (
    EDITORS_GROUP,
    MODERATORS_GROUP,
    WORKFLOW_NAME,
    ensure_moderation_workflow,
)

pytestmark = pytest.mark.django_db


def member(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def edit_form(client, page, title):
    """The page's own edit form as the browser would submit it, with a new title."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").copy()
    data["title"] = title
    # The StreamField editor is built by JavaScript; the factory's body is empty.
    data.setdefault("body-count", "0")
    return url, data


@pytest.fixture
def workflow(knowledge_index):
    return ensure_moderation_workflow([knowledge_index])


def test_setup_is_idempotent_and_assigned(workflow, knowledge_index, article):
    assert ensure_moderation_workflow([knowledge_index]) == workflow
    assert workflow.name == WORKFLOW_NAME
    assert article.get_workflow() == workflow


def test_editor_cannot_publish_but_can_submit_and_a_moderator_publishes(client, workflow, article):
    editor = member(EDITORS_GROUP, "redaktors")
    moderator = member(MODERATORS_GROUP, "moderators")

    client.force_login(editor)
    url, data = edit_form(client, article, "Jauns virsraksts")
    data["action-publish"] = "publish"
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Parādu grafiki"  # saved as a draft only
    assert article.has_unpublished_changes

    url, data = edit_form(client, article, "Jauns virsraksts")
    data["action-submit"] = "submit"
    assert client.post(url, data).status_code == 302
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # The editor cannot approve their own submission.
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[article.pk, "approve", state.current_task_state.pk],
    )
    client.post(approve, {"comment": ""})  # refused: Wagtail redirects with a message
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert ArticlePage.objects.get(pk=article.pk).title == "Parādu grafiki"

    client.force_login(moderator)
    response = client.post(approve, {"comment": "Labi"})
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.title == "Jauns virsraksts"
    assert article.live and not article.has_unpublished_changes


def test_moderator_can_publish_directly(client, workflow, article):
    client.force_login(member(MODERATORS_GROUP, "moderators"))
    url, data = edit_form(client, article, "Moderatora virsraksts")
    data["action-publish"] = "publish"
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Moderatora virsraksts"


def test_editor_sees_no_publish_button(client, workflow, article):
    client.force_login(member(EDITORS_GROUP, "redaktors"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
