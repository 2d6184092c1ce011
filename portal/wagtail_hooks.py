from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import two_factor
from .roles import is_editor


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
