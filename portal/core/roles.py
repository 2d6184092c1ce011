"""The portal's four roles as Django groups, and the questions views ask about them.

Mediators edit their own profile and posts (Wagtail's "add" page permission covers pages a
user owns); editors edit everything in their sections; moderators also publish and hide
replies; administrators manage accounts and the whole tree. The editorial roles count only in
a session that has given the second factor it owes (portal.core.two_factor).
"""

from functools import wraps

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page

from .two_factor import needs_second_factor, second_factor_redirect

MEDIATORS_GROUP = "Mediatori"
EDITORS_GROUP = "Redaktori"
MODERATORS_GROUP = "Moderatori"
ADMINISTRATORS_GROUP = "Administratori"
ROLE_GROUPS = (MEDIATORS_GROUP, EDITORS_GROUP, MODERATORS_GROUP, ADMINISTRATORS_GROUP)
# Editors and those above them: they edit all content and review suggested edits.
EDITORIAL_GROUPS = (EDITORS_GROUP, MODERATORS_GROUP, ADMINISTRATORS_GROUP)
# Which roles each role may give by invitation (superusers count as administrators).
INVITABLE_ROLES = {
    EDITORS_GROUP: (MEDIATORS_GROUP,),
    MODERATORS_GROUP: (MEDIATORS_GROUP, EDITORS_GROUP, MODERATORS_GROUP),
    ADMINISTRATORS_GROUP: ROLE_GROUPS,
}

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
# Editors also keep the search's vocabulary and the results pinned to questions.
VOCABULARY_PERMISSIONS = [
    ("taxonomy", f"{action}_concept") for action in ("add", "change", "delete")
] + [
    ("wagtailsearchpromotions", f"{action}_{model}")
    for model in ("query", "searchpromotion")
    for action in ("add", "change", "delete")
]
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
    wanted = Q()
    for app_label, codename in DIRECTORY_PERMISSIONS + VOCABULARY_PERMISSIONS:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    directory = Permission.objects.filter(wanted)  # one query, whatever apps are installed
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


def has_privileged_role(user, *group_names):
    """An editorial role counts only once the session has the second factor it owes."""
    return has_role(user, *group_names) and not needs_second_factor(user)


def privileged_view(view):
    """For editorial views outside /admin/: an editorial user still owing the second factor
    gives the code first (the admin's middleware does the same under /admin/)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if has_role(user, *EDITORIAL_GROUPS) and needs_second_factor(user):
            return second_factor_redirect(request)
        return view(request, *args, **kwargs)

    return wrapped


def invitable_roles(user):
    """The roles this user may give by invitation, in ROLE_GROUPS order. No second-factor
    check: it is also asked about the inviter when an invitation is accepted."""
    if user is None or not user.is_active:
        return ()
    if user.is_superuser:
        return ROLE_GROUPS
    held = user.groups.filter(name__in=INVITABLE_ROLES).values_list("name", flat=True)
    allowed = {role for group in held for role in INVITABLE_ROLES[group]}
    return tuple(role for role in ROLE_GROUPS if role in allowed)


def is_mediator(user):
    return has_role(user, MEDIATORS_GROUP)


def is_editor(user):
    """Editors and those above them: they may invite and edit all content."""
    return has_privileged_role(user, *EDITORIAL_GROUPS)


def is_moderator(user):
    return has_privileged_role(user, MODERATORS_GROUP, ADMINISTRATORS_GROUP)


def is_member(user):
    """Anyone with a role in the network: they may reply to posts."""
    return has_role(user, *ROLE_GROUPS)
