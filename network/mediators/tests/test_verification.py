"""The verification cycle where it meets people (issue 19, point 4): who may press "Dati
pārbaudīti" on a service's card, and the reminders a month before an entry turns stale."""

import datetime
import io
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client, TestCase
from django.utils import timezone

from network.directory.models import Service
from network.factories import ServiceFactory
from network.tests import people_fixtures

mediator_index = people_fixtures.mediator_index
profile = people_fixtures.profile
other_profile = people_fixtures.other_profile
sections = people_fixtures.sections
users = people_fixtures.users

pytestmark = pytest.mark.django_db

BUTTON = "Dati pārbaudīti"
TODAY = datetime.date(2026, 6, 1)


def days_before(days, today=TODAY):
    return today - datetime.timedelta(days=days)


@pytest.fixture
def service(municipality, profile):
    """A Ventspils service; Anna (users["mediator"]) is Ventspils' mediator."""
    return ServiceFactory(
        name="Sociālais dienests",
        service_areas=[municipality],
        assured_date=days_before(400, timezone.localdate()),
    )


def card(client, service):
    response = client.get(service.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def verify_url(service):
    return f"{service.get_absolute_url()}parbaudits/"


def test_the_button_shows_only_to_the_responsible_people_and_editors(
    client, service, users, other_profile
):
    assert BUTTON not in card(client, service)  # anonymous
    for role, shown in [
        ("mediator", True),  # the municipality's mediator: responsible when none is set
        ("other_mediator", False),  # a mediator of another municipality
        ("editor", True),
        ("moderator", True),
    ]:
        client.force_login(users[role])
        assert (BUTTON in card(client, service)) is shown, role
    # A responsible person set on the service replaces the municipality's mediators.
    service.responsible = users["other_mediator"]
    service.save()
    client.force_login(users["mediator"])
    assert BUTTON not in card(client, service)
    client.force_login(users["other_mediator"])
    assert BUTTON in card(client, service)


def test_the_responsible_mediator_verifies_the_service(client, service, users):
    client.force_login(users["mediator"])
    response = client.post(verify_url(service))
    assert response.status_code == 302
    assert response["Location"] == service.get_absolute_url()
    service.refresh_from_db()
    assert service.assured_date == timezone.localdate()
    assert service.assurer == users["mediator"]
    html = card(client, service)
    assert "Kontakti atzīmēti kā pārbaudīti" in html
    assert "Pārbaudīts: " in html and "Pirms zvanīšanas pārliecinieties" not in html


def test_others_get_a_403_and_a_get_a_405(client, service, users, other_profile):
    before = service.assured_date
    assert client.post(verify_url(service)).status_code == 403  # anonymous
    client.force_login(users["other_mediator"])
    response = client.post(verify_url(service))
    assert response.status_code == 403
    assert "atbildīgā persona vai redaktors" in response.content.decode()
    client.force_login(users["mediator"])
    assert client.get(verify_url(service)).status_code == 405
    service.refresh_from_db()
    assert service.assured_date == before and service.assurer is None
    client.force_login(users["editor"])
    assert client.post(verify_url(service)).status_code == 302
    service.refresh_from_db()
    assert service.assurer == users["editor"]


def test_the_button_posts_with_its_csrf_token(service, users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["mediator"])
    assert client.post(verify_url(service)).status_code == 403  # no token
    html = card(client, service)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    response = client.post(verify_url(service), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302


def remind(today):
    out = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):  # each e-mail is sent after commit
        call_command("remind_stale_services", "--today", today.isoformat(), stdout=out)
    return out.getvalue()


def sent_to():
    return sorted(address for message in mail.outbox for address in message.to)


def test_reminders_go_once_per_cycle_to_the_responsible_people(
    municipality, other_municipality, users, profile, other_profile
):
    due = ServiceFactory(name="Bāriņtiesa", service_areas=[municipality])
    due.assured_date = days_before(340)  # stale in 26 days
    due.save()
    never = ServiceFactory(name="Dzīvokļu nodaļa", service_areas=[other_municipality])
    never.assured_date = None
    never.save()
    later = ServiceFactory(service_areas=[municipality], assured_date=days_before(300))  # not yet
    ServiceFactory(
        service_areas=[municipality],
        assured_date=days_before(500),
        status=Service.Status.DEFUNCT,  # closed: no reminder
    )
    assert "2 reminder e-mail(s) about 2 service(s)" in remind(TODAY)
    assert sent_to() == ["mediator@example.org", "other_mediator@example.org"]
    message = next(m for m in mail.outbox if m.to == ["mediator@example.org"])
    assert "Pārbaudiet kontaktus" in message.subject
    card_url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/pakalpojumi/{due.pk}/"
    assert card_url in message.body
    assert "Bāriņtiesa" in message.body and "novecos 2026. gada 27. jūnijā" in message.body
    assert "Dati pārbaudīti" in message.body
    other = next(m for m in mail.outbox if m.to == ["other_mediator@example.org"])
    assert "Dzīvokļu nodaļa (nav pārbaudīts)" in other.body
    later.delete()  # its own cycle would come due below
    # Once per cycle: the next days send nothing, also after the entry turns stale.
    remind(TODAY + datetime.timedelta(days=1))
    remind(TODAY + datetime.timedelta(days=60))
    assert len(mail.outbox) == 2
    # A verification starts a new cycle: a reminder again 11 months later.
    due.mark_verified(users["mediator"], today=TODAY + datetime.timedelta(days=10))
    remind(TODAY + datetime.timedelta(days=300))
    assert len(mail.outbox) == 2
    remind(TODAY + datetime.timedelta(days=350))
    assert len(mail.outbox) == 3 and mail.outbox[2].to == ["mediator@example.org"]


def test_a_set_responsible_person_and_otherwise_the_editors_get_the_reminder(
    municipality, other_municipality, users, profile
):
    mine = ServiceFactory(name="Skola", service_areas=[municipality], assured_date=None)
    mine.responsible = users["editor"]
    mine.save()
    ServiceFactory(name="Bez mediatora", service_areas=[other_municipality], assured_date=None)
    remind(TODAY)
    # Ventspils' entry goes to its responsible editor, not to the mediator; Jelgava has no
    # mediator with an account, so its entry goes to every editor, moderator and administrator.
    by_address = {message.to[0]: message.body for message in mail.outbox}
    assert "mediator@example.org" not in by_address
    assert "Skola" in by_address["editor@example.org"]
    assert "Bez mediatora" in by_address["editor@example.org"]
    assert "Bez mediatora" in by_address["moderator@example.org"]
    assert "Skola" not in by_address["moderator@example.org"]


def test_the_demo_mediator_is_reminded_of_ventspils_entries(demo_directory):
    remind(timezone.localdate())
    messages = {message.to[0]: message.body for message in mail.outbox}
    body = messages["demo-mediators@example.org"]  # Malda Avramenko's account (Ventspils)
    due = Service.objects.due_for_reminder(timezone.localdate())
    assert not due.exists()  # all reminded for this cycle
    assert "/pakalpojumi/" in body and "Ventspils" in body
