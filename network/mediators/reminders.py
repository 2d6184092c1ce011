"""E-mail reminders of the verification cycle: a month before a service's contacts turn stale
(12 months after the last verification) its responsible people get one e-mail listing their
due entries, with links to the cards. Once per entry per cycle: a new verification starts a
new one. Entries nobody answers for go to the editors, so none is forgotten."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import override

from network.directory.models import Service
from network.mediators.verification import responsible_users
from portal.core import mail
from portal.core.dates import sentence_date
from portal.core.roles import EDITORIAL_GROUPS


def editors():
    """Active editors, moderators and administrators (superusers too)."""
    editorial = Q(is_superuser=True) | Q(groups__name__in=EDITORIAL_GROUPS)
    return list(get_user_model().objects.filter(editorial, is_active=True).distinct())


def reminder_lists(services):
    """{user: [services]}: each service under its responsible people (or the editors), only
    users with an e-mail address."""
    fallback = None
    lists = {}
    for service in services:
        users = responsible_users(service)
        if not users:
            fallback = editors() if fallback is None else fallback
            users = fallback
        for user in users:
            if user.email:
                lists.setdefault(user, []).append(service)
    return lists


def service_line(service, today, base_url):
    if service.assured_date is None:
        state = _("nav pārbaudīts")
    elif service.is_stale(today):
        state = _("novecoja %(date)s") % {"date": sentence_date(service.stale_on)}
    else:
        state = _("novecos %(date)s") % {"date": sentence_date(service.stale_on)}
    name = f"{service.organization.name}: {service.name}"
    return f"- {name} ({state})\n  {base_url}{service.get_absolute_url()}"


def reminder_body(services, today, base_url):
    lines = [
        _("Labdien!"),
        "",
        _(
            "Pakalpojumu katalogā Jūs atbildat par šo ierakstu kontaktiem. Ierakstu, kas "
            "pārbaudīts pirms vairāk nekā 12 mēnešiem, lapā rāda ar brīdinājumu."
        ),
        "",
        *(service_line(service, today, base_url) for service in services),
        "",
        _(
            "Atveriet ierakstu, pārbaudiet tālruņus, e-pastu, adresi un darba laiku un "
            "nospiediet „Dati pārbaudīti”. Ja kas mainījies, nospiediet „Ierosināt labojumu”."
        ),
    ]
    return "\n".join(lines)


def send_reminders(today, base_url):
    """Sends the due reminders; returns (e-mails, services reminded). The due entries are
    locked while this runs, so a parallel run waits and then finds them reminded."""
    base_url = base_url.rstrip("/")
    with transaction.atomic():
        due = (
            Service.objects.due_for_reminder(today)
            .select_for_update(of=("self",))
            .select_related("organization", "responsible")
            .prefetch_related("service_areas")
            .order_by("assured_date", "name")
        )
        lists = reminder_lists(list(due))
        with override("lv"):
            for user, services in lists.items():
                subject = _("Pārbaudiet kontaktus pakalpojumu katalogā (%(count)s)") % {
                    "count": len(services)
                }
                mail.send(subject, reminder_body(services, today, base_url), [user.email])
        reminded = {service.pk for services in lists.values() for service in services}
        Service.objects.filter(pk__in=reminded).update(reminder_sent_on=today)
    return len(lists), len(reminded)
