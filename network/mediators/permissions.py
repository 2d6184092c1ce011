"""Permissions of the network's people pages: who may write where, and the moderation."""

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission

from portal.core.editorial import ensure_moderation_workflow
from portal.core.roles import MEDIATORS_GROUP, ensure_role_groups


def ensure_people_permissions(mediator_index, experience_index):
    """Mediators get Wagtail's "add" permission below both sections: with it they edit only
    the pages they own (their profile, their posts) and can only submit them to moderation.
    Editors and moderators get the knowledge app's permissions and workflow there."""
    groups = ensure_role_groups()
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    for page in (mediator_index, experience_index):
        GroupPagePermission.objects.get_or_create(
            group=groups[MEDIATORS_GROUP], page=page, permission=add_page
        )
    return ensure_moderation_workflow([mediator_index, experience_index])
