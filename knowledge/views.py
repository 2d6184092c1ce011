"""Admin report: good practices and guides whose review-by date has passed."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from .models import ArticlePage, GuidePage

REVIEWED_MODELS = (ArticlePage, GuidePage)


def overdue_pages(today=None):
    """Pages past their review-by date, the longest overdue first."""
    today = today or timezone.localdate()
    ids = [
        pk
        for model in REVIEWED_MODELS
        for pk in model.objects.filter(review_by__lt=today).values_list("pk", flat=True)
    ]
    return Page.objects.filter(pk__in=ids)


class ReviewOverdueReportView(PageReportView):
    page_title = _("Jāpārskata")
    header_icon = "date"
    results_template_name = "knowledge/admin/review_report_results.html"
    index_url_name = "knowledge_review_report"
    index_results_url_name = "knowledge_review_report_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "review_by", "status_string", "url_path"]
    export_headings = {
        "title": _("Virsraksts"),
        "review_by": _("Pārskatīt līdz"),
        "status_string": _("Statuss"),
        "url_path": _("Ceļš"),
    }

    def get_filename(self):
        return f"parskatit-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["add", "change", "publish"]
        )
        self.queryset = (
            overdue_pages().filter(pk__in=editable.values("pk")).specific().order_by("pk")
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        # Longest overdue first; review_by lives on the specific models.
        return sorted(object_list, key=lambda page: page.review_by)
