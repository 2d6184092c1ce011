"""The verification cycle in the admin (issue 19, point 4): "Saglabāt: dati pārbaudīti" on a
service's edit view, an accepted suggested edit as a verification, the "Novecojuši kontakti"
report; and the card's "Pārbaudīts: <date>"."""

import datetime
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from network.directory.models import ChangeRequest, Service
from network.directory.tests.test_admin import errors_of, service_form
from network.factories import LocationFactory, ServiceFactory
from portal.core.roles import EDITORS_GROUP, MEDIATORS_GROUP, ensure_role_groups

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/network"
REPORT_URL = "/admin/reports/novecojusi-kontakti/"


def person(username, group_name):
    ensure_role_groups()
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return person("redaktore", EDITORS_GROUP)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def test_the_card_shows_when_the_entry_was_verified(client, municipality):
    service = ServiceFactory(assured_date=ago(10), service_areas=[municipality])
    html = client.get(service.get_absolute_url()).content.decode()
    day = service.assured_date
    assert f"Pārbaudīts: {day.year}. gada {day.day}. " in html
    assert "Pirms zvanīšanas pārliecinieties" not in html
    assert "Dati pārbaudīti" not in html  # no button for visitors


def test_saving_with_verified_sets_the_date_and_the_assurer(
    editor_client, editor, municipality, topics
):
    service = ServiceFactory(assured_date=ago(400))
    location = LocationFactory()
    edit_url = f"{ADMIN}/service/edit/{service.pk}/"
    html = editor_client.get(edit_url).content.decode()
    assert 'name="action-verify"' in html and "Saglabāt: dati pārbaudīti" in html
    assert "atbildīgā persona" in html.lower()  # the responsible person's field and help
    data = service_form(
        service.organization, municipality, topics, location, assured_date=ago(400).isoformat()
    )
    response = editor_client.post(edit_url, data)  # a plain save: not a verification
    assert response.status_code == 302, errors_of(response)
    service.refresh_from_db()
    assert service.assured_date == ago(400) and service.assurer is None
    data["action-verify"] = "Saglabāt: dati pārbaudīti"
    data["name"] = "Pārbaudīts pakalpojums"
    response = editor_client.post(edit_url, data)
    assert response.status_code == 302, errors_of(response)
    service.refresh_from_db()
    assert service.name == "Pārbaudīts pakalpojums"
    assert service.assured_date == timezone.localdate()
    assert service.assurer == editor


def test_an_accepted_suggestion_counts_as_a_verification(editor_client, editor):
    service = ServiceFactory(assured_date=ago(400))
    rejected = ChangeRequest.objects.create(service=service, subject="phone", message="Nav")
    response = editor_client.post(
        f"{ADMIN}/changerequest/edit/{rejected.pk}/", {"status": "rejected", "editor_note": ""}
    )
    assert response.status_code == 302, errors_of(response)
    service.refresh_from_db()
    assert service.assured_date == ago(400)  # rejecting verifies nothing
    change = ChangeRequest.objects.create(service=service, subject="phone", message="Jauns")
    response = editor_client.post(
        f"{ADMIN}/changerequest/edit/{change.pk}/",
        {"status": "accepted", "editor_note": "Numurs nomainīts."},
    )
    assert response.status_code == 302, errors_of(response)
    service.refresh_from_db()
    assert service.assured_date == timezone.localdate()
    assert service.assurer == editor


def report_rows(client):
    """{municipality: [stale, soon stale, verified]} and the page's HTML."""
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    body = html[html.index('<table class="listing"') :]
    body = body[: body.index("</tbody>")]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [unescape(c) for c in re.findall(r"<td[^>]*>\s*([^<]*?)\s*<", row)]
        rows[cells[0]] = [int(cell) for cell in cells[1:4]]
    return rows, html


def test_the_report_counts_per_municipality_and_links_the_stale_entries(
    editor_client, municipality, other_municipality
):
    stale = ServiceFactory(name="Vecs kontakts", service_areas=[municipality])
    stale.assured_date = ago(400)
    stale.save()
    never = ServiceFactory(name="Nekad pārbaudīts", service_areas=[municipality])
    never.assured_date = None
    never.save()
    ServiceFactory(service_areas=[municipality], assured_date=ago(350))  # soon stale
    ServiceFactory(service_areas=[municipality], assured_date=ago(3))
    ServiceFactory(service_areas=[other_municipality], assured_date=ago(340))
    ServiceFactory(service_areas=[other_municipality], assured_date=ago(100))
    ServiceFactory(assured_date=ago(500), status=Service.Status.DEFUNCT)  # closed: not counted
    rows, html = report_rows(editor_client)
    assert "Novecojuši kontakti" in html
    assert rows == {"Ventspils": [2, 1, 1], "Jelgava": [0, 1, 1]}
    assert list(rows) == ["Ventspils", "Jelgava"]  # the most stale first
    for service in (stale, never):
        assert f'href="{ADMIN}/service/edit/{service.pk}/"' in html
    # The Reports menu lists it for editors.
    assert REPORT_URL in editor_client.get("/admin/").content.decode()


def test_the_report_downloads_as_csv(editor_client, municipality):
    ServiceFactory(name="Vecs", service_areas=[municipality], assured_date=ago(400))
    response = editor_client.get(REPORT_URL, {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == (
        "Pašvaldība,Novecojuši,Novecos mēneša laikā,Pārbaudīti,Novecojušie ieraksti"
    )
    assert lines[1].startswith("Ventspils,1,0,0,Vecs — ")
    assert editor_client.get(REPORT_URL, {"export": "xlsx"}).status_code == 200


def test_the_report_is_for_editors_only(client, db):
    client.force_login(person("mediatore", MEDIATORS_GROUP))
    assert client.get(REPORT_URL).status_code == 403
    assert REPORT_URL not in client.get("/admin/").content.decode()
    client.logout()
    assert client.get(REPORT_URL).status_code == 302  # to the login


def test_the_demo_directory_has_entries_in_every_state(editor_client, demo_directory):
    rows, html = report_rows(editor_client)
    totals = [sum(row[index] for row in rows.values()) for index in range(3)]
    assert all(total > 0 for total in totals), totals  # stale, soon stale, verified
    assert {"Ventspils", "Jelgava", "Viļaka"} <= set(rows)
