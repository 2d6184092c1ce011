"""“Labot profilu” in the portal: the owner (and editors) edit the public fields; each save is a
revision for the moderators, shown as waiting on Mans darbs; others get a clear 403."""

import pytest
from wagtail.models import WorkflowState

from network.mediators.models import MediatorProfilePage
from network.tests import people_fixtures

# The shared fixtures of the people tests (assigned, so pytest finds them here).
mediator_index = people_fixtures.mediator_index
profile = people_fixtures.profile
sections = people_fixtures.sections
users = people_fixtures.users

pytestmark = pytest.mark.django_db


def edit_url(profile):
    return f"/mans-darbs/profils/{profile.pk}/"


def form_data(**changes):
    data = {
        "bio": "Strādāju ar skolām un ģimenes ārstiem.",
        "languages": ["rom", "lv", "ru"],
        "working_hours": "P.–Pk. 9–13",
        "contact_consent": "on",
        "public_email": "anna@example.org",
        "public_phone": "+371 0000 0001",
    }
    data.update(changes)
    return data


def test_the_owner_sees_a_latvian_form_of_the_public_fields(client, users, profile):
    client.force_login(users["mediator"])
    response = client.get(edit_url(profile))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Labot profilu</h1>" in html
    assert "Strādāju ar skolām." in html  # the current text to start from
    for label in ["Par mani", "Valodas, kurās strādājat", "Darba jomas", "Publiskais tālrunis"]:
        assert label in html
    assert "ģimenes" not in html.replace("ģimeņu vārdus", "")  # nothing about families
    assert "wagtail-userbar" not in html and "/admin/" not in html


def test_saving_sends_a_revision_to_the_moderators(client, users, profile):
    client.force_login(users["mediator"])
    response = client.post(edit_url(profile), form_data())
    assert response.status_code == 302 and response["Location"] == "/mans-darbs/"
    profile.refresh_from_db()
    assert profile.bio == "Strādāju ar skolām."  # public page unchanged until approved
    latest = profile.get_latest_revision_as_object()
    assert latest.bio == "Strādāju ar skolām un ģimenes ārstiem."
    assert [row.language for row in latest.languages.all()] == ["rom", "lv", "ru"]
    assert latest.working_hours == "P.–Pk. 9–13"
    state = WorkflowState.objects.active().get(object_id=str(profile.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    my_work = client.get("/mans-darbs/").content.decode()
    assert "Izmaiņas nosūtītas moderatoram" in my_work
    assert "gaida moderāciju" in my_work


def test_an_invalid_field_re_displays_the_form_with_the_error(client, users, profile):
    client.force_login(users["mediator"])
    response = client.post(edit_url(profile), form_data(public_email="nav-epasts"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="field-error"' in html
    assert "Strādāju ar skolām un ģimenes ārstiem." in html  # nothing typed is lost
    assert not WorkflowState.objects.filter(object_id=str(profile.pk)).exists()


def test_another_mediator_gets_a_clear_403(client, users, profile):
    client.force_login(users["other_mediator"])
    response = client.get(edit_url(profile))
    assert response.status_code == 403
    assert "Šo profilu Jūs nevarat labot" in response.content.decode()
    response = client.post(edit_url(profile), form_data(bio="Svešs teksts"))
    assert response.status_code == 403
    assert MediatorProfilePage.objects.get(pk=profile.pk).get_latest_revision_as_object().bio != (
        "Svešs teksts"
    )


def test_an_editor_may_edit_and_visitors_sign_in_first(client, users, profile):
    assert client.get(edit_url(profile))["Location"].startswith("/konts/pieslegties/")
    client.force_login(users["editor"])
    assert client.get(edit_url(profile)).status_code == 200
