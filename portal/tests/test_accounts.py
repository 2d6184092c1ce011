"""Accounts without open registration: invitation by e-mail, password set, password reset."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from portal.core.roles import EDITORS_GROUP, MEDIATORS_GROUP, ensure_role_groups
from portal.models import Invitation

PASSWORD = "Garš-un-drošs-2024"


@pytest.fixture
def editor(db):
    ensure_role_groups()
    user = get_user_model().objects.create_user("redaktore", "redaktore@example.org", "x")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def invite(client, editor, email="jauna@example.org", role="Mediatori"):
    client.force_login(editor)
    with TestCase.captureOnCommitCallbacks(execute=True):  # the invitation mails after commit
        response = client.post(reverse("invite"), {"email": email, "role": role})
    client.logout()
    return response


def link_in(message):
    return re.search(r"http://testserver(\S+)", message.body).group(1)


def accept(client, url, password=PASSWORD):
    return client.post(
        url,
        {
            "first_name": "Jana",
            "last_name": "Mediatore",
            "new_password1": password,
            "new_password2": password,
        },
    )


def test_editor_invites_and_the_link_creates_a_mediator_account(client, editor):
    assert invite(client, editor).status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jauna@example.org"]
    url = link_in(mail.outbox[0])
    assert client.get(url).status_code == 200

    response = accept(client, url)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="jauna@example.org")
    assert user.check_password(PASSWORD)
    assert user.get_full_name() == "Jana Mediatore"
    assert list(user.groups.values_list("name", flat=True)) == [MEDIATORS_GROUP]
    assert int(client.session["_auth_user_id"]) == user.pk
    invitation = Invitation.objects.get()
    assert invitation.accepted_at is not None and invitation.user == user
    assert invitation.invited_by == editor


def test_the_link_works_once(client, editor):
    invite(client, editor)
    url = link_in(mail.outbox[0])
    accept(client, url)
    client.logout()
    assert client.get(url).status_code == 410
    assert accept(client, url).status_code == 410
    assert get_user_model().objects.filter(email="jauna@example.org").count() == 1


def test_an_expired_link_is_refused(client, editor):
    invite(client, editor)
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert client.get(link_in(mail.outbox[0])).status_code == 410


def test_unknown_token_is_a_404(client, db):
    assert client.get(reverse("accept_invitation", args=["nav-tada"])).status_code == 404


def test_weak_or_mismatched_password_is_a_400(client, editor):
    invite(client, editor)
    url = link_in(mail.outbox[0])
    assert accept(client, url, password="123").status_code == 400
    response = client.post(
        url,
        {"first_name": "J", "last_name": "M", "new_password1": PASSWORD, "new_password2": "cits"},
    )
    assert response.status_code == 400
    assert not get_user_model().objects.filter(email="jauna@example.org").exists()


def test_existing_email_cannot_be_invited(client, editor):
    response = invite(client, editor, email="redaktore@example.org")
    assert response.status_code == 400
    assert mail.outbox == []


def test_invitation_page_lists_recent_invitations(client, editor):
    invite(client, editor)
    client.force_login(editor)
    html = client.get(reverse("invite")).content.decode()
    assert "jauna@example.org" in html


def test_an_editor_cannot_invite_a_moderator(client, editor):
    """Editors invite mediators only: a forged role is a form error and nothing is sent."""
    response = invite(client, editor, role="Moderatori")
    assert response.status_code == 400
    assert "role" in response.context["form"].errors
    assert not Invitation.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("inviter_group", [EDITORS_GROUP, None])
def test_an_invitation_beyond_the_inviters_rights_creates_no_account(client, editor, inviter_group):
    """An old invitation whose inviter may not (or no longer) give the role is refused."""
    if inviter_group is None:  # a moderator invited an editor, then lost the role
        editor.groups.set([Group.objects.get(name="Moderatori")])
        invite(client, editor, role="Redaktori")
        editor.groups.clear()
        invitation = Invitation.objects.get()
    else:
        invitation = Invitation.objects.create(
            email="jauna@example.org", role="Moderatori", invited_by=editor
        )
    url = reverse("accept_invitation", args=[invitation.token])
    response = accept(client, url)
    assert response.status_code == 403
    assert "vairs nevar piešķirt" in response.content.decode()
    assert not get_user_model().objects.filter(email="jauna@example.org").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_password_reset_by_email(client, db):
    user = get_user_model().objects.create_user("mediators", "mediators@example.org", "vecā")
    ensure_role_groups()
    user.groups.add(Group.objects.get(name=MEDIATORS_GROUP))
    response = client.post(reverse("wagtailadmin_password_reset"), {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    # Wagtail builds the link from WAGTAILADMIN_BASE_URL; the path is what matters here.
    url = re.search(r"https?://[^/\s]+(/admin/password_reset/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(url, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_knowledge_roles_use_the_shared_group_names():
    from portal.core import editorial, roles

    assert editorial.EDITORS_GROUP == roles.EDITORS_GROUP == "Redaktori"
    assert editorial.MODERATORS_GROUP == roles.MODERATORS_GROUP == "Moderatori"
