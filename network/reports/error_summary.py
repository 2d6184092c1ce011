"""The report form's errors for the summary at its top (the GOV.UK pattern): each a link to
its field, and showing a form as typed without its errors (after "add a row")."""

from django.forms.utils import ErrorDict, ErrorList

NON_FIELD = "__all__"


def _entry(error, field_label, heading):
    """ "Sadarbība 1: Amats — …"; a message naming its field ("Laukā “Amats” …") keeps it once."""
    if field_label and f"“{field_label}”" not in error:
        error = f"{field_label} — {error}"
    return f"{heading}: {error}" if heading else error


def _form_errors(form, anchor, heading=""):
    """[(anchor id, text)] of one form; errors not of a field link to `anchor`."""
    items = []
    for name, errors in form.errors.items():
        target, field_label = anchor, ""
        if name != NON_FIELD and name in form.fields:
            target = form[name].id_for_label or form[name].auto_id
            field_label = str(form[name].label)
        items.extend((target, _entry(error, field_label, heading)) for error in errors)
    return items


def error_summary(form, formsets):
    """Every error of the report form and its (formset, row name) pairs, in page order."""
    items = _form_errors(form, "report-form")
    for formset, row_name in formsets:
        items.extend((formset.prefix, error) for error in formset.non_form_errors())
        for number, subform in enumerate(formset.forms, 1):
            heading = f"{row_name} {number}"
            items.extend(_form_errors(subform, subform.prefix, heading))
    return items


def unchecked(form, formsets):
    """Shows the forms as typed but not yet checked: adding a row is not sending the form."""
    # Django checks a bound form on the first look at its errors; preset, it keeps these.
    form._errors = ErrorDict()
    for formset in formsets:
        formset._non_form_errors = ErrorList()
        formset._errors = []
        for subform in formset.forms:
            subform._errors = ErrorDict()
