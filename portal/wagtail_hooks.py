from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .core import two_factor
from .core.roles import ADMINISTRATORS_GROUP, has_role, is_editor
from .models import OutgoingMail


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return two_factor.urlpatterns


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("portal_2fa_setup"),
        "label": _("Divu soļu pieteikšanās"),
        "help_text": _("Pievienojiet autentifikatora lietotni, lai pieteiktos ar kodu no tālruņa."),
    }


# --- Accounts and roles: invitations, and mediators editing only their own profile ---


class InviteMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_invite_menu_item():
    return InviteMenuItem(_("Uzaicināt mediatoru"), reverse("invite"), icon_name="mail", order=900)


@hooks.register("before_create_page")
def only_editors_create_profiles(request, parent_page, page_class):
    """Mediators may edit their own profile, but profiles are created by editors."""
    if page_class._meta.label == "network.MediatorProfilePage" and not is_editor(request.user):
        raise PermissionDenied


# --- The e-mail outbox: administrators see what was sent and what failed; nobody edits it ---


class AdministratorsReadOnlyPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return action == "view" and has_role(user, ADMINISTRATORS_GROUP)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.none()  # nobody is notified about outbox changes


register_permission_policy(OutgoingMail, AdministratorsReadOnlyPolicy(OutgoingMail))


class OutgoingMailViewSet(ModelViewSet):
    model = OutgoingMail
    icon = "mail"
    menu_label = _("E-pasta izsūtne")
    add_to_settings_menu = True
    url_prefix = "izsutne"
    list_display = [
        "subject",
        Column("to", label=_("saņēmēji")),
        "created",
        "sent_at",
        "attempts",
    ]
    list_filter = ["sent_at"]
    search_fields = ["subject", "recipients"]
    search_backend_name = None  # plain ORM search
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []  # never edited: the policy allows only viewing


@hooks.register("register_admin_viewset")
def register_outbox():
    return OutgoingMailViewSet("outgoing_mail")
