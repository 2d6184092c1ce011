"""The vocabulary's CSV import in the admin: a form with a file; every row is checked first and
nothing is written unless all rows are right."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .concept_csv import COLUMNS, ImportRejected, import_rows, read_rows


class ConceptImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV fails"),
        help_text=gettext_lazy(
            "Tās pašas kolonnas kā eksportā (obligātas slug un label). Jēdzieni ar esošu slug "
            "tiek atjaunināti, pārējie izveidoti; ja kādā rindā ir kļūda, netiek saglabāts nekas."
        ),
    )


def import_concepts(request, viewset):
    """GET: the form; POST: import, then back to the list (or the form with the errors, 400)."""
    policy = viewset.permission_policy
    if not all(policy.user_has_permission(request.user, action) for action in ("add", "change")):
        raise PermissionDenied
    form = ConceptImportForm(request.POST or None, request.FILES or None)
    errors, status = [], 200
    if request.method == "POST":
        if form.is_valid():
            try:
                rows = read_rows(form.cleaned_data["file"].read())
                created, updated = import_rows(rows, user=request.user)
            except ImportRejected as rejected:
                errors = rejected.errors
            else:
                messages.success(
                    request,
                    _("Imports pabeigts: %(created)s jauni, %(updated)s atjaunināti jēdzieni.")
                    % {"created": created, "updated": updated},
                )
                return redirect(viewset.get_url_name("list"))
        status = 400
    context = {
        "form": form,
        "errors": errors,
        "columns": COLUMNS,
        "list_url_name": viewset.get_url_name("list"),
    }
    return TemplateResponse(request, "taxonomy/concept_import.html", context, status=status)
