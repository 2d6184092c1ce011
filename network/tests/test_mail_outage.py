"""A mail outage never turns a saved action into a 500 (issue 16, point 8): replies, returned
reports, report reminders and suggested edits are saved once and their notice waits in the
outbox; a post title with a line break no longer breaks the reply notice."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase

from network.directory.models import ChangeRequest
from network.factories import ServiceFactory
from network.posts.models import Reply
from network.reports.models import MonthlyReport, ReportReminder
from network.reports.tests.test_reports import APRIL, make_report
from network.tests import people_fixtures
from portal.models import OutgoingMail

mediator_index = people_fixtures.mediator_index
experience_index = people_fixtures.experience_index
post = people_fixtures.post
profile = people_fixtures.profile
sections = people_fixtures.sections
users = people_fixtures.users

after_commit = TestCase.captureOnCommitCallbacks  # the test's transaction never commits


def kept_unsent(to):
    message = OutgoingMail.objects.get()
    assert message.recipients == [to]
    assert message.sent_at is None and message.attempts == 1
    assert "SMTP serveris nepieejams" in message.last_error
    return message


def test_reply_is_saved_once_when_the_mail_server_is_down(client, users, post, mail_down):
    client.force_login(users["other_mediator"])
    with after_commit(execute=True):
        response = client.post(post.url + "atbildet/", {"body": "Paldies!"})
    assert response.status_code == 302
    assert Reply.objects.filter(post=post).count() == 1
    kept_unsent("mediator@example.org")


def test_a_title_with_a_line_break_no_longer_breaks_the_reply_notice(client, users, post):
    post.title = "Pieredze skolā\nOtrā rinda"
    post.save()
    client.force_login(users["other_mediator"])
    with after_commit(execute=True):
        response = client.post(post.url + "atbildet/", {"body": "Paldies!"})
    assert response.status_code == 302
    assert Reply.objects.filter(post=post).count() == 1
    assert "“Pieredze skolā Otrā rinda”" in mail.outbox[0].subject


def test_returning_a_report_is_saved_when_the_mail_server_is_down(
    client, users, profile, mail_down
):
    report = make_report(profile, APRIL, families_regular=17)
    client.force_login(users["editor"])
    with after_commit(execute=True):
        response = client.post(f"/admin/atskaites/{report.pk}/", {"comment": "Precizējiet."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == MonthlyReport.Status.RETURNED
    kept_unsent("mediator@example.org")


def test_reminders_are_recorded_and_kept_when_the_mail_server_is_down(
    users, profile, mail_down, settings
):
    with after_commit(execute=True):
        call_command("send_report_reminders", "--today", "2020-04-27", stdout=io.StringIO())
    assert ReportReminder.objects.get().profile == profile
    kept_unsent("mediator@example.org")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with after_commit(execute=True):
        call_command("send_report_reminders", "--today", "2020-04-28", stdout=io.StringIO())
    assert mail.outbox == []  # one reminder a month: the retry is send_pending_mail's
    call_command("send_pending_mail", stdout=io.StringIO())
    assert [message.to for message in mail.outbox] == [["mediator@example.org"]]


# Committed for real, so the send and the warning happen within the request.
@pytest.mark.django_db(transaction=True)
def test_suggested_edit_is_saved_once_and_the_visitor_told_the_notice_may_be_late(
    client, settings, mail_down
):
    settings.EDITOR_NOTIFICATION_EMAILS = ["redakcija@example.org"]
    service = ServiceFactory(name="Bāriņtiesa")
    response = client.post(
        f"{service.get_absolute_url()}labot/",
        {"subject": "phone", "message": "Jauns numurs.", "website": ""},
        follow=True,
    )
    assert response.status_code == 200
    assert "Paldies!" in response.content.decode()
    assert "var pienākt vēlāk" in response.content.decode()
    assert ChangeRequest.objects.count() == 1
    kept_unsent("redakcija@example.org")
