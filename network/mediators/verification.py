"""The directory's verification cycle, where it meets people: who answers for a service's
contacts (its responsible person, else its municipalities' mediators) and their
"Dati pārbaudīti" button on the public card (network.directory holds the dates themselves)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network.directory.models import Service
from portal.core.dates import sentence_date
from portal.core.roles import is_editor


def municipality_mediators(municipality_ids):
    """Active users whose mediator profile names one of these municipalities."""
    return get_user_model().objects.filter(
        is_active=True, mediator_profile__municipality__in=municipality_ids
    )


def responsible_users(service):
    """The service's responsible person when set and active, else the mediators of its
    municipalities (service areas); may be empty."""
    user = service.responsible
    if user is not None and user.is_active:
        return [user]
    areas = [area.pk for area in service.service_areas.all()]
    return list(municipality_mediators(areas).order_by("pk")) if areas else []


def services_answered_by(user):
    """The public services whose contacts this user answers for (responsible_users turned
    round): those naming them responsible, and those of their municipality nobody active
    answers for."""
    mine = Q(responsible=user)
    municipality_id = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values_list("mediator_profile__municipality", flat=True)
        .first()
    )
    if municipality_id is not None:
        unowned = Q(responsible__isnull=True) | Q(responsible__is_active=False)
        mine |= unowned & Q(service_areas=municipality_id)
    return Service.objects.public().filter(mine).distinct()


def may_verify(user, service):
    """Editors may verify any service; others only those they answer for."""
    if not user.is_authenticated:
        return False
    return is_editor(user) or user in responsible_users(service)


@require_POST
def verify_service(request, pk):
    """ "Dati pārbaudīti" on the card: today's date and the user become the last verification."""
    service = get_object_or_404(Service.objects.select_related("responsible"), pk=pk)
    if not may_verify(request.user, service):
        return HttpResponseForbidden(
            _("Atzīmēt kontaktus kā pārbaudītus var tikai atbildīgā persona vai redaktors."),
            content_type="text/plain; charset=utf-8",
        )
    service.mark_verified(request.user)
    messages.success(
        request,
        _("Paldies! Kontakti atzīmēti kā pārbaudīti %(date)s.")
        % {"date": sentence_date(service.assured_date)},
    )
    return redirect(service.get_absolute_url())
