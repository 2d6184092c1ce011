"""The public questionnaire behind an invitation link: `/aptauja/<token>/`.

The link is the only credential, so these pages are never cached, never indexed and send
no Referer to other sites. An unknown link answers 404 and a used, expired or closed one
410, both as a page that says why; nothing is saved unless the whole answer is.
"""

import re

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from network.evaluation.forms import EvaluationForm
from network.evaluation.models import AlreadyAnswered, EvaluationInvitation, EvaluationResponse

TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _private(response):
    # Same-origin only: the token never leaks to other sites, and the form's own POST keeps
    # its Origin (with "no-referrer" Chromium sends Origin: null and CSRF refuses it).
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def _invitation(token):
    # Tokens are URL-safe base64; anything else (a NUL byte breaks PostgreSQL) is unknown.
    if not TOKEN_PATTERN.fullmatch(token):
        return None
    return (
        EvaluationInvitation.objects.select_related("survey", "municipality")
        .filter(token=token)
        .first()
    )


def _unavailable(request, message, status):
    return _private(
        render(request, "network/evaluation/unavailable.html", {"message": message}, status=status)
    )


def _not_found(request):
    return _unavailable(
        request,
        _("Šāda aptaujas saite nav atrasta. Pārbaudiet, vai saite ir nokopēta pilnībā."),
        404,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def evaluation_form(request, token):
    invitation = _invitation(token)
    if invitation is None:
        return _not_found(request)
    refusal = invitation.refusal()
    if refusal:
        return _unavailable(request, refusal, 410)
    status = 200
    if request.method == "POST":
        form = EvaluationForm(request.POST)
        if form.is_valid():
            try:
                EvaluationResponse.submit(invitation, form.answers())
            except AlreadyAnswered:
                invitation.refresh_from_db()
                message = invitation.refusal() or _("Atbildi neizdevās saglabāt.")
                return _unavailable(request, message, 410)
            return redirect("network:evaluation_thanks", token=token)
        status = 400
    else:
        form = EvaluationForm()
    context = {
        "invitation": invitation,
        "survey": invitation.survey,
        "municipality": invitation.municipality,
        "form": form,
    }
    return _private(render(request, "network/evaluation/form.html", context, status=status))


@never_cache
@require_safe
def evaluation_thanks(request, token):
    invitation = _invitation(token)
    if invitation is None or invitation.used_at is None:
        return _not_found(request)
    context = {"invitation": invitation, "municipality": invitation.municipality}
    return _private(render(request, "network/evaluation/thanks.html", context))
