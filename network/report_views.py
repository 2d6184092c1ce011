"""The mediator's monthly reports on the public site: own list, write, save a draft, submit.

A mediator reaches only the reports of the profile linked to their account (others' → 404);
a submitted report is read-only until an editor returns it (a change then → 403, kept intact).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import MediatorProfilePage, MonthlyReport
from .report_forms import (
    CooperationFactFormSet,
    MonthlyReportForm,
    ReportEventFormSet,
    parse_month,
)

SUBMIT = "iesniegt"


def _own_profile(request):
    """(profile, None) for a signed-in mediator with a profile, else (None, response)."""
    if not request.user.is_authenticated:
        return None, redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    profile = MediatorProfilePage.objects.filter(user=request.user).first()
    if profile is None:
        response = render(request, "network/reports/no_profile.html", status=403)
        return None, response
    return profile, None


def report_list(request):
    profile, response = _own_profile(request)
    if response:
        return response
    reports = profile.monthly_reports.order_by("-month")
    this_month = timezone.localdate().replace(day=1)
    return render(
        request,
        "network/reports/list.html",
        {
            "profile": profile,
            "reports": reports,
            "this_month": this_month,
            "has_this_month": reports.filter(month=this_month).exists(),
        },
    )


def report_create(request):
    profile, response = _own_profile(request)
    if response:
        return response
    month = parse_month(request.GET.get("menesis", "")) or timezone.localdate().replace(day=1)
    existing = profile.monthly_reports.filter(month=month).first()
    if request.method == "GET" and existing is not None:
        return redirect("network:report_edit", pk=existing.pk)
    return _report_form(request, profile, MonthlyReport(profile=profile), {"month": month})


def report_edit(request, pk):
    profile, response = _own_profile(request)
    if response:
        return response
    report = get_object_or_404(MonthlyReport, pk=pk, profile=profile)
    if report.is_locked:
        status = 403 if request.method == "POST" else 200
        if status == 403:
            messages.error(
                request,
                _(
                    "Atskaite jau iesniegta, tāpēc to mainīt nevar; nekas nav zaudēts. Ja jālabo, "
                    "rakstiet redaktoram."
                ),
            )
        return render(request, "network/reports/detail.html", {"report": report}, status=status)
    return _report_form(request, profile, report, {})


def _report_form(request, profile, report, initial):
    data = request.POST if request.method == "POST" else None
    form = MonthlyReportForm(data, instance=report, initial=initial, profile=profile)
    facts = CooperationFactFormSet(data, instance=report, prefix="sadarbiba")
    events = ReportEventFormSet(data, instance=report, prefix="pasakumi")
    if data is not None:
        form_ok = form.is_valid()
        month = form.cleaned_data.get("month") if form_ok else report.month
        for event_form in events.forms:
            event_form.report_month = month
        facts_ok, events_ok = facts.is_valid(), events.is_valid()
        if form_ok and facts_ok and events_ok:
            submitting = SUBMIT in request.POST
            try:
                with transaction.atomic():
                    saved = form.save(commit=False)
                    saved.profile = profile
                    saved.save()
                    form.save_m2m()
                    facts.instance = events.instance = saved
                    facts.save()
                    events.save()
                    if submitting:
                        saved.submit()
            except IntegrityError:  # the same month created a moment ago, e.g. a double click
                form.add_error("month", _("Atskaite par šo mēnesi jau ir: atveriet to sarakstā."))
            else:
                if submitting:
                    messages.success(request, _("Atskaite iesniegta. Paldies!"))
                    return redirect("network:report_list")
                messages.success(request, _("Melnraksts saglabāts."))
                return redirect("network:report_edit", pk=saved.pk)
    return render(
        request,
        "network/reports/form.html",
        {"form": form, "facts": facts, "events": events, "report": report, "profile": profile},
        status=400 if data is not None else 200,
    )
