"""The portal's four roles as Django groups, and the questions views ask about them.

Mediators edit their own profile and posts (Wagtail's "add" page permission covers pages a
user owns); editors edit everything in their sections; moderators also publish and hide
replies; administrators manage accounts and the whole tree.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

MEDIATORS_GROUP = "Mediatori"
EDITORS_GROUP = "Redaktori"
MODERATORS_GROUP = "Moderatori"
ADMINISTRATORS_GROUP = "Administratori"
ROLE_GROUPS = (MEDIATORS_GROUP, EDITORS_GROUP, MODERATORS_GROUP, ADMINISTRATORS_GROUP)

ADMINISTRATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
]
# Editors, moderators and administrators keep the service directory; mediators only suggest.
DIRECTORY_PERMISSIONS = [
    ("network", f"{action}_{model}")
    for model in ("organization", "service", "location")
    for action in ("add", "change", "delete")
] + [("network", "change_changerequest")]
ADMINISTRATOR_MODEL_PERMISSIONS = [
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "delete_user"),
    ("portal", "add_invitation"),
    ("portal", "change_invitation"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_role_groups():
    """All four groups with admin access; administrators get the whole page tree. Idempotent."""
    access_admin = _permission("wagtailadmin", "access_admin")
    groups = {}
    for name in ROLE_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        groups[name] = group
    invite = _permission("portal", "add_invitation")
    directory = Permission.objects.filter(
        content_type__app_label="network",
        codename__in=[codename for _app, codename in DIRECTORY_PERMISSIONS],
    )
    for name in (EDITORS_GROUP, MODERATORS_GROUP, ADMINISTRATORS_GROUP):
        groups[name].permissions.add(invite, *directory)
    administrators = groups[ADMINISTRATORS_GROUP]
    administrators.permissions.add(
        *(
            _permission(app_label, codename)
            for app_label, codename in ADMINISTRATOR_MODEL_PERMISSIONS
        )
    )
    root = Page.get_first_root_node()
    if root is not None:
        for codename in ADMINISTRATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=administrators, page=root, permission=_permission("wagtailcore", codename)
            )
    return groups


def has_role(user, *group_names):
    """True for a signed-in member of any of the groups; superusers have every role."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=group_names).exists()


def is_mediator(user):
    return has_role(user, MEDIATORS_GROUP)


def is_editor(user):
    """Editors and those above them: they may invite and edit all content."""
    return has_role(user, EDITORS_GROUP, MODERATORS_GROUP, ADMINISTRATORS_GROUP)


def is_moderator(user):
    return has_role(user, MODERATORS_GROUP, ADMINISTRATORS_GROUP)


def is_member(user):
    """Anyone with a role in the network: they may reply to posts."""
    return has_role(user, *ROLE_GROUPS)
