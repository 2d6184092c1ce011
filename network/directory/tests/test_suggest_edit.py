import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase

from network.directory.models import ChangeRequest, Service
from network.directory.views import SUGGESTION_LIMIT
from network.factories import PhoneFactory, ServiceFactory
from portal.core.roles import EDITORS_GROUP

pytestmark = pytest.mark.django_db


@pytest.fixture
def service():
    service = ServiceFactory(name="Bāriņtiesa")
    PhoneFactory(service=service, number="+371 2000 0001")
    return service


@pytest.fixture(autouse=True)
def _editor_addresses(settings):
    settings.EDITOR_NOTIFICATION_EMAILS = ["redakcija@example.org"]


def url(service):
    return f"{service.get_absolute_url()}labot/"


def suggestion(**overrides):
    data = {"subject": "phone", "message": "Jaunais numurs ir +371 2000 0009.", "website": ""}
    data.update(overrides)
    return data


def snapshot(service):
    service = Service.objects.get(pk=service.pk)
    return (
        service.name,
        service.email,
        service.last_modified,
        list(service.phones.values_list("number", flat=True)),
    )


def test_form_renders_with_labels_and_a_hidden_honeypot(client, service):
    response = client.get(url(service))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_message">' in html and '<label for="id_subject">' in html
    assert 'class="hp-field" aria-hidden="true"' in html


def test_no_wagtail_userbar_over_the_form(admin_client, service):
    # A superuser sees the userbar on the card; the form it would cover on a phone has none.
    assert "wagtail-userbar" in admin_client.get(service.get_absolute_url()).content.decode()
    html = admin_client.get(f"/pakalpojumi/{service.pk}/labot/").content.decode()
    assert "wagtail-userbar" not in html and 'name="message"' in html


def test_suggestion_creates_a_pending_request_and_leaves_the_service_alone(client, service):
    before = snapshot(service)
    response = client.post(url(service), suggestion(contact_email="mediators@example.org"))
    assert response.status_code == 302
    assert response["Location"] == service.get_absolute_url()
    change = ChangeRequest.objects.get()
    assert change.service == service
    assert change.status == ChangeRequest.Status.PENDING
    assert change.subject == "phone" and "+371 2000 0009" in change.message
    assert change.contact_email == "mediators@example.org"
    assert change.submitted_by is None
    assert snapshot(service) == before
    page = client.get(response["Location"]).content.decode()
    assert "Paldies!" in page


def test_editors_are_notified_by_email(client, service, django_user_model):
    editors = Group.objects.get_or_create(name=EDITORS_GROUP)[0]
    editor = django_user_model.objects.create_user("redaktore", email="redaktore@example.org")
    editor.groups.add(editors)
    with TestCase.captureOnCommitCallbacks(execute=True):  # mail goes after the commit
        client.post(url(service), suggestion())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert set(message.to) == {"redakcija@example.org", "redaktore@example.org"}
    assert "Bāriņtiesa" in message.subject
    assert "+371 2000 0009" in message.body
    change = ChangeRequest.objects.get()
    assert f"/admin/snippets/network/changerequest/edit/{change.pk}/" in message.body


def test_signed_in_user_is_recorded(client, service, django_user_model):
    user = django_user_model.objects.create_user("mediatore", email="mediatore@example.org")
    client.force_login(user)
    assert 'value="mediatore@example.org"' in client.get(url(service)).content.decode()
    client.post(url(service), suggestion())
    assert ChangeRequest.objects.get().submitted_by == user


def test_honeypot_pretends_success_but_stores_nothing(client, service):
    response = client.post(url(service), suggestion(website="http://spam.example.org"))
    assert response.status_code == 302
    assert not ChangeRequest.objects.exists()
    assert mail.outbox == []


def test_invalid_suggestion_is_a_400_with_field_errors(client, service):
    response = client.post(url(service), suggestion(message="", subject="nonsense"))
    assert response.status_code == 400
    assert 'class="field-error"' in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_rate_limit_per_address(client, service):
    for _ in range(SUGGESTION_LIMIT):
        assert client.post(url(service), suggestion()).status_code == 302
    response = client.post(url(service), suggestion())
    assert response.status_code == 429
    assert "Pārāk daudz ierosinājumu" in response.content.decode()
    assert ChangeRequest.objects.count() == SUGGESTION_LIMIT
    other = client.post(url(service), suggestion(), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_suggestion_for_unknown_service_is_404(client, db):
    import uuid

    assert client.post(f"/pakalpojumi/{uuid.uuid4()}/labot/", suggestion()).status_code == 404


def test_rate_limit_uses_the_proxy_header_when_configured(client, service, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    for _ in range(SUGGESTION_LIMIT):
        client.post(url(service), suggestion(), HTTP_X_FORWARDED_FOR="203.0.113.9")
    limited = client.post(url(service), suggestion(), HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert limited.status_code == 429
    other = client.post(url(service), suggestion(), HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert other.status_code == 302


def test_help_texts_are_linked_to_their_inputs(client, service):
    html = client.get(url(service)).content.decode()
    assert 'aria-describedby="id_message-help"' in html
    assert 'id="id_message-help"' in html


def test_a_mail_outage_does_not_lose_the_suggestion(client, service, mail_down):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url(service), suggestion())
    assert response.status_code == 302
    assert ChangeRequest.objects.count() == 1
