"""The search's admin: the "Meklējumi bez atbildes" report under Reports, and its actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.core.roles import is_editor

from . import admin_views

REPORT_PATH = "reports/meklejumi-bez-atbildes/"


@hooks.register("register_admin_urls")
def register_search_admin_urls():
    report = admin_views.UnansweredSearchesView
    return [
        path(REPORT_PATH, report.as_view(), name="search_unanswered"),
        path(
            f"{REPORT_PATH}results/",
            report.as_view(results_only=True),
            name="search_unanswered_results",
        ),
        path(f"{REPORT_PATH}sinonims/", admin_views.add_synonym, name="search_add_synonym"),
        path(f"{REPORT_PATH}piespraust/", admin_views.pin_result, name="search_pin_result"),
    ]


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_reports_menu_item")
def register_unanswered_searches_menu_item():
    return EditorsMenuItem(
        _("Meklējumi bez atbildes"),
        reverse("search_unanswered"),
        name="search-unanswered",
        icon_name="search",
        order=1160,
    )
