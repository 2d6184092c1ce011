import pytest
from wagtail.models import Revision

from network.directory.models import ChangeRequest, Location, Organization, Service
from network.factories import LocationFactory, OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/network"


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktors", "redaktors@example.org", "x")
    client.force_login(user)
    return client


def formset(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
        data[f"{prefix}-{index}-DELETE"] = ""
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def service_form(organization, municipality, topics, location, **fields):
    data = {
        "organization": str(organization.pk),
        "name": "Sociālais dienests",
        "alternate_name": "",
        "description": "Pabalsti un konsultācijas.",
        "topics": [str(topics["socialie-jautajumi"].pk)],
        "service_areas": [str(municipality.pk)],
        "languages": "lv, rom",
        "email": "dienests@example.org",
        "url": "",
        "status": "active",
        "assured_date": "2026-11-01",
        "assurer_email": "",
    }
    data.update(fields)
    data.update(formset("contacts", [{"name": "", "title": "sociālais pedagogs"}]))
    data.update(formset("phones", [{"number": "+371 2000 0001", "type": "voice"}]))
    data.update(
        formset(
            "schedules",
            [
                {"weekday": "1", "opens_at": "09:00", "closes_at": "12:00"},
                {"weekday": "1", "opens_at": "13:00", "closes_at": "17:00"},
            ],
        )
    )
    data.update(formset("service_at_locations", [{"location": str(location.pk)}]))
    return data


def errors_of(response):
    context = response.context
    form = context.get("form") if context else None
    return form.errors if form is not None else response.status_code


def test_create_and_edit_an_organization(admin_client):
    response = admin_client.post(
        f"{ADMIN}/organization/add/",
        {"name": "Viļakas novada bāriņtiesa", "website": "https://example.org/"},
    )
    assert response.status_code == 302, errors_of(response)
    organization = Organization.objects.get()
    assert organization.name == "Viļakas novada bāriņtiesa"
    response = admin_client.post(
        f"{ADMIN}/organization/edit/{organization.pk}/",
        {"name": "Viļakas novada bāriņtiesa", "alternate_name": "Bāriņtiesa"},
    )
    assert response.status_code == 302, errors_of(response)
    organization.refresh_from_db()
    assert organization.alternate_name == "Bāriņtiesa"
    assert Revision.objects.for_instance(organization).count() == 2


def test_create_and_edit_a_location(admin_client):
    organization = OrganizationFactory()
    response = admin_client.post(
        f"{ADMIN}/location/add/",
        {
            "name": "Sociālā māja",
            "organization": str(organization.pk),
            "address_1": "Parauga iela 1",
            "city": "Ventspils",
            "country": "LV",
        },
    )
    assert response.status_code == 302, errors_of(response)
    location = Location.objects.get()
    assert location.organization == organization
    response = admin_client.post(
        f"{ADMIN}/location/edit/{location.pk}/",
        {"name": "Sociālā māja", "city": "Jelgava", "country": "LV"},
    )
    assert response.status_code == 302, errors_of(response)
    location.refresh_from_db()
    assert location.city == "Jelgava"


def test_create_a_service_with_inline_contacts_phones_hours_and_places(
    admin_client, municipality, topics
):
    organization = OrganizationFactory()
    location = LocationFactory()
    assert admin_client.get(f"{ADMIN}/service/add/").status_code == 200
    response = admin_client.post(
        f"{ADMIN}/service/add/", service_form(organization, municipality, topics, location)
    )
    assert response.status_code == 302, errors_of(response)
    service = Service.objects.get()
    assert list(service.topics.all()) == [topics["socialie-jautajumi"]]
    assert list(service.service_areas.all()) == [municipality]
    assert service.contacts.get().title == "sociālais pedagogs"
    assert service.phones.get().number == "+371 2000 0001"
    assert service.schedules.count() == 2
    assert service.service_at_locations.get().location == location
    assert Revision.objects.for_instance(service).count() == 1


def test_edit_a_service_keeps_revisions(admin_client, municipality, topics):
    service = ServiceFactory()
    location = LocationFactory()
    assert admin_client.get(f"{ADMIN}/service/edit/{service.pk}/").status_code == 200
    data = service_form(service.organization, municipality, topics, location, name="Jauns")
    response = admin_client.post(f"{ADMIN}/service/edit/{service.pk}/", data)
    assert response.status_code == 302, errors_of(response)
    service.refresh_from_db()
    assert service.name == "Jauns"
    assert Revision.objects.for_instance(service).count() == 1
    assert admin_client.get(f"{ADMIN}/service/history/{service.pk}/").status_code == 200


def test_service_form_rejects_bad_hours_and_language_codes(admin_client, municipality, topics):
    data = service_form(OrganizationFactory(), municipality, topics, LocationFactory())
    data["languages"] = "lv, klingon"
    data["schedules-0-closes_at"] = "08:00"
    response = admin_client.post(f"{ADMIN}/service/add/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nezināmi valodu kodi: klingon" in html
    assert "Beigu laikam jābūt pēc sākuma laika." in html
    assert not Service.objects.exists()


def test_listings_and_search(admin_client):
    ServiceFactory(name="Bāriņtiesa")
    for model in ("service", "organization", "location", "changerequest"):
        assert admin_client.get(f"{ADMIN}/{model}/").status_code == 200
    response = admin_client.get(f"{ADMIN}/service/?q=Bāriņtiesa")
    assert "Bāriņtiesa" in response.content.decode()


def test_editors_review_change_requests_but_cannot_create_them(admin_client):
    service = ServiceFactory(name="Bāriņtiesa")
    change = ChangeRequest.objects.create(service=service, subject="phone", message="Jauns numurs")
    assert admin_client.get(f"{ADMIN}/changerequest/add/").status_code in (302, 403)
    response = admin_client.post(
        f"{ADMIN}/changerequest/edit/{change.pk}/",
        {"status": "accepted", "editor_note": "Numurs pārbaudīts un nomainīts."},
    )
    assert response.status_code == 302, errors_of(response)
    change.refresh_from_db()
    assert change.status == "accepted" and change.message == "Jauns numurs"
    service.refresh_from_db()
    assert service.name == "Bāriņtiesa"


def test_municipality_page_editor_has_the_practice_facts(admin_client, municipality):
    response = admin_client.get(f"/admin/pages/{municipality.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    for field in ("name_locative", "mediator_since", "families_supported", "office_provided"):
        assert f'name="{field}"' in html
