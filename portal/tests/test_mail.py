"""Outgoing e-mail (issue 16, point 8): stored with the action, sent after the commit, kept for
a retry when the SMTP server fails, never a 500 for the user; subjects stay one line."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from portal.core import mail as portal_mail
from portal.core.roles import ADMINISTRATORS_GROUP, EDITORS_GROUP, ensure_role_groups
from portal.models import Invitation, OutgoingMail

LATE = "var pienākt vēlāk"


def user_in(group_name, username):
    ensure_role_groups()
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


# The view commits for real, so the send (and the warning) happen within the request.
@pytest.mark.django_db(transaction=True)
def test_invitation_with_the_mail_server_down_is_saved_once_and_kept_for_later(client, mail_down):
    client.force_login(user_in(EDITORS_GROUP, "redaktore"))
    response = client.post(
        reverse("invite"), {"email": "jauna@example.org", "role": "Mediatori"}, follow=True
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Uzaicinājums nosūtīts uz jauna@example.org" in html and LATE in html
    assert Invitation.objects.filter(email="jauna@example.org").count() == 1
    message = OutgoingMail.objects.get()
    assert message.recipients == ["jauna@example.org"]
    assert message.sent_at is None and message.attempts == 1
    assert "SMTP serveris nepieejams" in message.last_error
    assert mail.outbox == []


@pytest.mark.django_db
def test_send_pending_mail_sends_what_failed_and_gives_up_after_the_limit(mail_down, settings):
    with TestCase.captureOnCommitCallbacks(execute=True):
        waiting = portal_mail.send("Uzaicinājums", "Saite: …", ["jauna@example.org"])
        hopeless = portal_mail.send("Vecs", "…", ["veca@example.org"])
    OutgoingMail.objects.filter(pk=hopeless.pk).update(attempts=portal_mail.MAX_ATTEMPTS)
    assert not OutgoingMail.objects.filter(sent_at__isnull=False).exists()

    call_command("send_pending_mail", stdout=io.StringIO())  # still down: kept, counted
    waiting.refresh_from_db()
    assert waiting.attempts == 2 and waiting.sent_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_mail", stdout=io.StringIO())
    waiting.refresh_from_db()
    assert waiting.sent_at is not None and waiting.last_error == ""
    assert [message.to for message in mail.outbox] == [["jauna@example.org"]]
    call_command("send_pending_mail", stdout=io.StringIO())  # sent once, never again
    assert len(mail.outbox) == 1
    assert OutgoingMail.objects.get(pk=hopeless.pk).sent_at is None


@pytest.mark.django_db
def test_a_fresh_message_is_left_to_its_own_send():
    """The cron run must not race the send that runs after the action's commit."""
    with TestCase.captureOnCommitCallbacks(execute=False):
        fresh = portal_mail.send("Jauns", "…", ["a@example.org"])
    call_command("send_pending_mail", stdout=io.StringIO())
    assert mail.outbox == []
    OutgoingMail.objects.filter(pk=fresh.pk).update(
        created=timezone.now() - datetime.timedelta(hours=1)
    )
    call_command("send_pending_mail", stdout=io.StringIO())  # its process died before sending
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_subjects_never_carry_a_line_break():
    with TestCase.captureOnCommitCallbacks(execute=True):
        portal_mail.send("Atbilde uz “Pirmā\r\nBcc: x@example.org\u2028otrā\x00ab”", "", ["a@x.lv"])
    assert mail.outbox[0].subject == "Atbilde uz “Pirmā Bcc: x@example.org otrā ab”"


@pytest.mark.django_db
def test_administrators_read_the_outbox_and_nobody_edits_it(client, mail_down):
    with TestCase.captureOnCommitCallbacks(execute=True):
        message = portal_mail.send("Uzaicinājums uz tīklu", "…", ["jauna@example.org"])
    url = "/admin/izsutne/"
    client.force_login(user_in(ADMINISTRATORS_GROUP, "administratore"))
    listing = client.get(url)
    assert listing.status_code == 200
    assert "Uzaicinājums uz tīklu" in listing.content.decode()
    found = client.get(url, {"q": "jauna@example"}).content.decode()
    assert "Uzaicinājums uz tīklu" in found
    assert "Uzaicinājums uz tīklu" not in client.get(url, {"q": "cits"}).content.decode()
    inspect = client.get(f"{url}inspect/{message.pk}/")
    assert inspect.status_code == 200
    assert "SMTP serveris nepieejams" in inspect.content.decode()
    assert client.get(f"{url}edit/{message.pk}/").status_code in (302, 403, 404)
    assert client.get(f"{url}add/").status_code in (302, 403, 404)

    client.force_login(user_in(EDITORS_GROUP, "redaktore"))
    assert client.get(url).status_code in (302, 403)
