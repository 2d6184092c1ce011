from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .views import ReviewOverdueReportView


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path(
            "reports/parskatit/",
            ReviewOverdueReportView.as_view(),
            name="knowledge_review_report",
        ),
        path(
            "reports/parskatit/results/",
            ReviewOverdueReportView.as_view(results_only=True),
            name="knowledge_review_report_results",
        ),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Jāpārskata"),
        reverse("knowledge_review_report"),
        name="knowledge-review",
        icon_name="date",
        order=1150,
    )
