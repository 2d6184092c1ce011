"""Writes that must not be lost or doubled (issue 16, point 9): SQLite waits for a busy
database instead of failing, and an invitation sent twice is saved and mailed once."""

import re
import runpy
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from portal.models import Invitation

from .test_accounts import editor  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

BASE_SETTINGS = Path(__file__).resolve().parents[1] / "settings" / "base.py"


def database_settings(monkeypatch, url):
    monkeypatch.setenv("DATABASE_URL", url)
    return runpy.run_path(str(BASE_SETTINGS))["DATABASES"]["default"]


def test_sqlite_waits_for_a_busy_database_and_postgresql_is_left_alone(monkeypatch, tmp_path):
    sqlite = database_settings(monkeypatch, f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert sqlite["OPTIONS"]["timeout"] >= 20
    assert sqlite["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    postgres = database_settings(monkeypatch, "postgres://portal:x@127.0.0.1:5432/portal")
    assert postgres["ENGINE"] == "django.db.backends.postgresql"
    assert "timeout" not in postgres.get("OPTIONS", {})
    assert "transaction_mode" not in postgres.get("OPTIONS", {})


def test_an_invitation_sent_twice_is_saved_and_mailed_once(
    client,
    editor,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    client.force_login(editor)
    html = client.get(reverse("invite")).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html)
    assert token
    data = {"email": "jauna@example.org", "role": "Mediatori", "form_token": token.group(1)}
    with django_capture_on_commit_callbacks(execute=True):  # mail goes out after commit
        first, second = client.post(reverse("invite"), data), client.post(reverse("invite"), data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert "jau saņemts" in " ".join(str(m) for m in get_messages(second.wsgi_request)).lower()
    assert Invitation.objects.filter(email="jauna@example.org").count() == 1
    assert len(mail.outbox) == 1
