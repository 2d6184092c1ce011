"""Monthly reports in the admin: the editors' dashboard, its downloads and menu item."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from network.reports import admin_views as report_admin
from portal.core.roles import is_editor


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("atskaites/", report_admin.dashboard, name="network_reports"),
        path("atskaites/atskaites.csv", report_admin.download_csv, name="network_reports_csv"),
        path("atskaites/atskaites.xlsx", report_admin.download_xlsx, name="network_reports_xlsx"),
        path("atskaites/<int:pk>/", report_admin.report_detail, name="network_report_detail"),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        _("Mēneša atskaites"), reverse("network_reports"), icon_name="table", order=220
    )
