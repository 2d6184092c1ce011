from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import two_factor


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
