"""The editors' monthly-report dashboard in the Wagtail admin, its downloads and returning a
report for correction. Editors, moderators and administrators only (portal.core.roles.is_editor).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from network.directory.models import MunicipalityPage
from network.reports import stats as report_stats
from network.reports.forms import ReturnForm
from network.reports.models import MonthlyReport
from portal.core import mail
from portal.core.blocks import FiguresBlock
from portal.core.roles import is_editor

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _editors_only(request):
    if not is_editor(request.user):
        raise PermissionDenied


def _filtered(request):
    try:
        return *report_stats.filter_reports(request.GET), None
    except report_stats.FilterError as error:
        return MonthlyReport.objects.none(), {}, str(error)


def dashboard(request):
    _editors_only(request)
    reports, selected, error = _filtered(request)
    data = report_stats.dashboard(reports)
    source = _("iesniegtās mēneša atskaites (atlasītās)")
    charts = [
        (
            report_stats.figures_value(
                _("Atbalstītās ģimenes pa mēnešiem"),
                _("Ģimenes (regulāri + epizodiski)"),
                data["over_time"],
                source,
            ),
            data["over_time"],
        ),
        (
            report_stats.figures_value(
                _("Sadarbība pēc iestādes veida"), _("Sadarbības fakti"), data["by_type"], source
            ),
            data["by_type"],
        ),
        (
            report_stats.figures_value(
                _("Sadarbība pēc tēmas"), _("Sadarbības fakti"), data["by_topic"], source
            ),
            data["by_topic"],
        ),
    ]
    block = FiguresBlock()
    query = request.GET.urlencode()
    context = {
        **data,
        "charts": [block.render(value) for value, counted in charts if counted],
        "selected": selected,
        "error": error,
        "municipalities": MunicipalityPage.objects.order_by("title"),
        "recent": reports.select_related("profile", "profile__municipality").order_by(
            "-submitted_at"
        )[:30],
        "csv_url": f"{reverse('network_reports_csv')}?{query}",
        "xlsx_url": f"{reverse('network_reports_xlsx')}?{query}",
    }
    return render(
        request, "network/reports/admin_dashboard.html", context, status=400 if error else 200
    )


def _download(request, suffix, content_type, build):
    _editors_only(request)
    reports, _selected, error = _filtered(request)
    if error:
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(build(report_stats.dashboard(reports)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="menesa-atskaites.{suffix}"'
    return response


def download_csv(request):
    return _download(request, "csv", "text/csv; charset=utf-8", report_stats.as_csv)


def download_xlsx(request):
    return _download(request, "xlsx", XLSX, report_stats.as_xlsx)


def report_detail(request, pk):
    """One report as the editor sees it; a submitted one can be returned with a comment."""
    _editors_only(request)
    report = get_object_or_404(
        MonthlyReport.objects.select_related("profile", "profile__user"), pk=pk
    )
    form = ReturnForm(request.POST or None)
    if request.method == "POST":
        if not report.is_locked:
            messages.error(request, _("Atgriezt var tikai iesniegtu atskaiti."))
            return redirect("network_report_detail", pk=report.pk)
        if form.is_valid():
            report.return_for_correction(request.user, form.cleaned_data["comment"])
            notify_returned(request, report)
            messages.success(request, _("Atskaite atgriezta mediatoram labošanai."))
            return redirect("network_reports")
    return render(
        request,
        "network/reports/admin_detail.html",
        {"report": report, "form": form},
        status=400 if form.errors else 200,
    )


def notify_returned(request, report):
    user = report.profile.user
    if user is None or not user.email:
        return
    url = request.build_absolute_uri(reverse("network:report_edit", args=[report.pk]))
    mail.send(
        _("Mēneša atskaite (%(month)s) atgriezta labošanai") % {"month": f"{report.month:%Y-%m}"},
        _("Redaktors atgrieza jūsu atskaiti ar komentāru:\n\n%(comment)s\n\nLabot: %(url)s")
        % {"comment": report.editor_comment, "url": url},
        [user.email],
        request,
    )
