"""Public views of the directory: a service's card, its vCard, a print view, suggest an edit;
an organisation's page."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from network.directory.forms import SuggestEditForm
from network.directory.hours import week_table
from network.directory.models import (
    Location,
    MunicipalityPage,
    Organization,
    Service,
    ServiceAtLocation,
)
from network.directory.vcard import service_vcard
from portal.core import mail
from portal.core.client import count_request, requests_counted
from portal.core.form_tokens import submit_once
from portal.core.pages import restricted
from portal.core.public_url import public_url
from portal.core.roles import EDITORIAL_GROUPS

logger = logging.getLogger(__name__)

# Suggestions per visitor address per hour.
SUGGESTION_LIMIT = 5
SUGGESTION_WINDOW = 60 * 60


def _service(pk):
    queryset = Service.objects.select_related("organization").prefetch_related(
        "topics",
        "contacts",
        "phones",
        "schedules",
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location"),
        ),
    )
    return get_object_or_404(queryset, pk=pk)


def _service_context(request, service):
    now = timezone.now()
    return {
        "service": service,
        "opening": service.opening_status(now),
        "week": week_table(list(service.schedules.all()), now),
        "stale": service.is_stale(timezone.localdate(now)),
        "municipalities": MunicipalityPage.objects.live()
        .exclude(restricted())
        .filter(services=service)
        .order_by("title"),
        "share_url": request.build_absolute_uri(service.get_absolute_url()),
    }


@require_safe
def service_detail(request, pk):
    service = _service(pk)
    return render(
        request, "network/directory/service_detail.html", _service_context(request, service)
    )


@require_safe
def service_print(request, pk):
    service = _service(pk)
    context = _service_context(request, service)
    context["printed_at"] = timezone.localtime()
    return render(request, "network/directory/service_print.html", context)


@require_safe
def service_vcard_download(request, pk):
    service = _service(pk)
    text = service_vcard(service, url=public_url(service.get_absolute_url()))
    response = HttpResponse(text, content_type="text/vcard; charset=utf-8")
    filename = slugify(service.name) or "kontakts"
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    return response


@require_safe
def organization_detail(request, pk):
    """An institution: its services with their phones, its places and the municipalities served."""
    organization = get_object_or_404(Organization, pk=pk)
    services = (
        organization.services.select_related("organization")
        .prefetch_related("phones", "schedules", "topics")
        .order_by("name", "pk")
    )
    locations = Location.objects.filter(
        Q(organization=organization) | Q(service_at_locations__service__organization=organization)
    ).distinct()
    municipalities = (
        MunicipalityPage.objects.live()
        .exclude(restricted())
        .filter(services__organization=organization)
        .distinct()
        .order_by("title")
    )
    context = {
        "organization": organization,
        "services": services,
        "locations": locations.order_by("name", "pk"),
        "municipalities": municipalities,
    }
    return render(request, "network/directory/organization_detail.html", context)


def _over_limit(request):
    return requests_counted("network:suggest", request) >= SUGGESTION_LIMIT


def _count_submission(request):
    count_request("network:suggest", request, SUGGESTION_WINDOW)


def editor_recipients():
    """Addresses from EDITOR_NOTIFICATION_EMAILS and the active editors, moderators, admins."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=EDITORIAL_GROUPS)
        .exclude(email="")
    )
    addresses = list(settings.EDITOR_NOTIFICATION_EMAILS)
    addresses += [user.email for user in users]
    return list(dict.fromkeys(addresses))


def _notify_editors(request, change_request):
    recipients = editor_recipients()
    if not recipients:
        logger.warning("network: no editor e-mail for change request %s", change_request.pk)
        return
    admin_url = request.build_absolute_uri(
        reverse("wagtailsnippets_network_changerequest:edit", args=[change_request.pk])
    )
    service = change_request.service
    body = "\n".join(
        [
            _("Saņemts labojuma ierosinājums pakalpojumam „%(name)s” (%(org)s).")
            % {"name": service.name, "org": service.organization.name},
            "",
            _("Kas jālabo: %(field)s") % {"field": change_request.get_subject_display()},
            "",
            change_request.message,
            "",
            _("Izskatīt: %(url)s") % {"url": admin_url},
        ]
    )
    mail.send(
        _("Labojuma ierosinājums: %(name)s") % {"name": service.name}, body, recipients, request
    )


@require_http_methods(["GET", "POST"])
def suggest_edit(request, pk):
    """Creates a pending ChangeRequest; the service itself is never changed here."""
    service = _service(pk)
    if request.method == "POST" and _over_limit(request):
        message = _("Pārāk daudz ierosinājumu no šīs adreses. Lūdzu, mēģiniet vēlreiz pēc stundas.")
        context = {"service": service, "form": None, "rate_limited": message}
        return render(request, "network/directory/suggest_edit.html", context, status=429)
    user = request.user if request.user.is_authenticated else None
    if request.method == "POST":
        form = SuggestEditForm(request.POST)
        if form.is_valid():
            return submit_once(request, lambda: _save_suggestion(request, service, form, user))
        status = 400
    else:
        form = SuggestEditForm(initial={"contact_email": user.email if user else ""})
        status = 200
    return render(
        request,
        "network/directory/suggest_edit.html",
        {"service": service, "form": form},
        status=status,
    )


def _save_suggestion(request, service, form, user):
    """Runs once per form token: a suggestion sent twice is saved (and counted) once."""
    _count_submission(request)
    if not form.is_spam():
        change_request = form.save(commit=False)
        change_request.service = service
        change_request.submitted_by = user
        change_request.save()
        _notify_editors(request, change_request)
    messages.success(
        request,
        _("Paldies! Redaktori pārbaudīs ierosinājumu un vajadzības gadījumā labos."),
    )
    return redirect(service.get_absolute_url())
