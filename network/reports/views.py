"""The mediator's monthly reports on the public site: own list, write, save a draft, check and
submit (a confirmation page: submitting locks the report).

A mediator reaches only the reports of the profile linked to their account (others' → 404);
a submitted report is read-only until an editor returns it (a change then → 403, kept intact).
A save locks the report's row and checks it again: a report submitted meanwhile is refused, a
draft changed in another tab since this form was opened is a conflict (409, both texts shown).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from network.mediators.models import MediatorProfilePage
from network.reports.error_summary import error_summary, unchecked
from network.reports.forms import (
    CooperationFactFormSet,
    MonthlyReportForm,
    ReportEventFormSet,
)
from network.reports.models import MonthlyReport
from network.reports.personal_data import mark_name_warnings, person_name_warning
from portal.core.edit_conflicts import conflict_message, is_stale, kept_version, show_saved
from portal.core.form_tokens import submit_once
from portal.core.params import month_param
from portal.core.roles import is_mediator

SUBMIT = "iesniegt"
# "Add a row" buttons (they work without JavaScript): button name → formset prefix.
ADD_ROW = {"pievienot-sadarbibu": "sadarbiba", "pievienot-pasakumu": "pasakumi"}
# What the form changes in an existing report: its month is fixed and topics are saved apart.
CHANGED_FIELDS = [name for name in MonthlyReportForm.Meta.fields if name not in ("month", "topics")]


def _own_profile(request):
    """(profile, None) for a signed-in mediator with a profile, else (None, response)."""
    if not request.user.is_authenticated:
        return None, redirect_to_login(request.get_full_path())
    profile = MediatorProfilePage.objects.filter(user=request.user).first()
    if profile is None:
        context = {"is_mediator": is_mediator(request.user)}
        response = render(request, "network/reports/no_profile.html", context, status=403)
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
    month = month_param(request.GET, "menesis", default=timezone.localdate().replace(day=1))
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
        if request.method == "POST":
            return _refuse_locked(request, report)
        return render(request, "network/reports/detail.html", {"report": report})
    return _report_form(request, profile, report, {})


def _refuse_locked(request, report):
    messages.error(
        request,
        _(
            "Atskaite jau iesniegta, tāpēc to mainīt nevar; nekas nav zaudēts. Ja jālabo, "
            "rakstiet redaktoram."
        ),
    )
    return render(request, "network/reports/detail.html", {"report": report}, status=403)


def _report_form(request, profile, report, initial):
    data = request.POST if request.method == "POST" else None
    added_to = _added_row_prefix(data)
    if added_to:
        data = _with_added_row(data, added_to)
    forms = (
        MonthlyReportForm(data, instance=report, initial=initial, profile=profile),
        CooperationFactFormSet(data, instance=report, prefix="sadarbiba"),
        ReportEventFormSet(data, instance=report, prefix="pasakumi"),
    )
    if data is None:
        return _render_form(request, profile, report, forms, 200)
    if added_to:
        return _render_added_row(request, profile, report, forms, added_to)
    return submit_once(request, lambda: _save(request, profile, report, forms))


def _added_row_prefix(data):
    """The prefix of the list whose "add a row" button was pressed, or None."""
    prefix = next((prefix for button, prefix in ADD_ROW.items() if data and button in data), None)
    # A broken form is checked (and refused) as when sent.
    return prefix if prefix and data.get(f"{prefix}-TOTAL_FORMS", "").isdigit() else None


def _with_added_row(data, prefix):
    formset = CooperationFactFormSet if prefix == "sadarbiba" else ReportEventFormSet
    added = data.copy()
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    added[f"{prefix}-TOTAL_FORMS"] = str(min(total + 1, formset.max_num))
    return added


def _render_added_row(request, profile, report, forms, prefix):
    """The form as typed, unchecked, with the new empty row focused (nothing saved yet)."""
    form, facts, events = forms
    unchecked(form, (facts, events))
    formset = facts if prefix == facts.prefix else events
    if formset.total_form_count() > formset.initial_form_count():
        first_field = next(iter(formset.forms[-1].fields.values()))
        first_field.widget.attrs["autofocus"] = True
    return _render_form(request, profile, report, forms, 200)


def _save(request, profile, report, forms):
    """Checks and saves (maybe submits) the report, inside submit_once's transaction."""
    form, facts, events = forms
    form_ok = form.is_valid()
    month = form.cleaned_data.get("month") if form_ok else report.month
    for event_form in events.forms:
        event_form.report_month = month
    facts_ok, events_ok = facts.is_valid(), events.is_valid()
    if not (form_ok and facts_ok and events_ok):
        return _render_form(request, profile, report, forms, 400)
    if report.pk:
        # Locked until commit: a parallel submit or save waits here, then sees this one's result.
        current = get_object_or_404(MonthlyReport.objects.select_for_update(), pk=report.pk)
        if current.is_locked:
            return _refuse_locked(request, current)
        if is_stale(request, current.last_modified.isoformat()):
            show_saved(form, current, CHANGED_FIELDS)
            return _render_form(request, profile, current, forms, 409, conflict=True)
    checking = SUBMIT in request.POST
    try:
        with transaction.atomic():
            saved = form.save(commit=False)
            saved.profile = profile
            if report.pk:  # only what the form edits: status and the editor's fields stay
                saved.save(update_fields=[*CHANGED_FIELDS, "last_modified"])
            else:
                saved.save()
            form.save_m2m()
            facts.instance = events.instance = saved
            facts.save()
            events.save()
    except IntegrityError:  # the same month created a moment ago in another tab
        form.add_error("month", _("Atskaite par šo mēnesi jau ir: atveriet to sarakstā."))
        return _render_form(request, profile, report, forms, 400)
    if checking:  # saved as a draft; the confirmation page submits it
        return redirect("network:report_confirm", pk=saved.pk)
    messages.success(request, _("Melnraksts saglabāts."))
    return redirect("network:report_edit", pk=saved.pk)


def _render_form(request, profile, report, forms, status, conflict=False):
    form, facts, events = forms
    version = report.last_modified.isoformat() if report.pk else ""
    for one in (form, *facts.forms, *events.forms):
        mark_name_warnings(one)
    rows = ((facts, _("Sadarbība")), (events, _("Pasākums")))
    context = {
        "errors": error_summary(form, rows) if status == 400 else [],
        "form": form,
        "facts": facts,
        "events": events,
        "report": report,
        "profile": profile,
        "version": version if conflict else kept_version(request, version),
        "conflict": conflict_message() if conflict else "",
    }
    return render(request, "network/reports/form.html", context, status=status)


def report_confirm(request, pk):
    """ "Pārbaudiet un iesniedziet": the saved draft as it will be sent, "Iesniegt" or "Labot"."""
    profile, response = _own_profile(request)
    if response:
        return response
    report = get_object_or_404(MonthlyReport, pk=pk, profile=profile)
    if request.method == "POST":  # a repeat of a sent form gets its first answer
        return submit_once(request, lambda: _submit(request, report))
    if report.is_locked:
        return redirect("network:report_edit", pk=report.pk)
    return _render_confirm(request, report, 200)


def _submit(request, report):
    """Submits (locks) the report, inside submit_once's transaction, if it is what was shown."""
    current = get_object_or_404(MonthlyReport.objects.select_for_update(), pk=report.pk)
    if current.is_locked:
        return _refuse_locked(request, current)
    if request.POST.get("version") != current.last_modified.isoformat():
        # Changed in another tab since this page was shown: show what is saved now.
        return _render_confirm(request, current, 409, changed=True)
    current.submit()
    messages.success(request, _("Atskaite iesniegta. Paldies!"))
    return redirect("network:report_list")


def _render_confirm(request, report, status, changed=False):
    texts = [(_("Svarīgākais šajā mēnesī"), report.highlights)]
    texts += [(_("Amats"), fact.staff_role) for fact in report.cooperation_facts.all()]
    texts += [(_("Pasākums"), event.name) for event in report.events.all()]
    warnings = [(label, person_name_warning(text)) for label, text in texts]
    context = {
        "report": report,
        "version": report.last_modified.isoformat(),
        "warnings": [(label, warning) for label, warning in warnings if warning],
        "changed": changed,
    }
    return render(request, "network/reports/confirm.html", context, status=status)
