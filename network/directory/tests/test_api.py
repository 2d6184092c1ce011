import datetime
import uuid

import pytest
from django.utils import timezone

from network.directory.hsds import taxonomy_term_id
from network.directory.models import Service
from network.factories import (
    ContactFactory,
    OrganizationFactory,
    PhoneFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


@pytest.fixture
def directory(municipality, topics):
    social = ServiceFactory(
        name="Sociālais dienests",
        organization=OrganizationFactory(name="Ventspils sociālā pārvalde"),
        topics=[topics["socialie-jautajumi"]],
        service_areas=[municipality],
        languages="lv, rom",
        status=Service.Status.ACTIVE,
    )
    ContactFactory(service=social)
    PhoneFactory(service=social)
    ScheduleFactory(service=social, weekday=2, opens_at="08:30", closes_at="12:00")
    ServiceAtLocationFactory(service=social, location__name="Sociālā māja")
    school = ServiceFactory(
        name="Sociālais pedagogs",
        organization=OrganizationFactory(name="Pārventas pamatskola"),
        topics=[topics["izglitiba"]],
    )
    ServiceAtLocationFactory(service=school, location__name="Skola")
    return {"social": social, "school": school}


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_root_gives_version(client, db):
    data = get_json(client, "/api/hsds/")
    assert data["version"] == "3.0"
    assert data["profile"].startswith("https://docs.openreferral.org")
    assert data["endpoints"]["services"] == "http://testserver/api/hsds/services"


def test_services_list_is_paginated(client, directory):
    data = get_json(client, "/api/hsds/services?per_page=1")
    assert set(data) == PAGE_KEYS
    assert data["total_items"] == 2 and data["total_pages"] == 2
    assert data["page_number"] == 1 and data["size"] == 1
    assert data["first_page"] and not data["last_page"] and not data["empty"]
    second = get_json(client, "/api/hsds/services?per_page=1&page=2")
    assert second["last_page"] and second["contents"][0]["name"] == "Sociālais pedagogs"
    beyond = get_json(client, "/api/hsds/services?page=9")
    assert beyond["empty"] and beyond["contents"] == []


def test_service_object_shape(client, directory, municipality, topics):
    service = directory["social"]
    data = get_json(client, f"/api/hsds/services/{service.id}")
    assert data["id"] == str(service.id)
    assert data["organization"]["name"] == "Ventspils sociālā pārvalde"
    assert data["status"] == "active"
    assert data["assured_date"] == timezone.localdate().isoformat()
    assert [lang["code"] for lang in data["languages"]] == ["lv", "rom"]
    assert data["contacts"][0]["title"] == "sociālā darbiniece"
    assert data["phones"][0]["number"] == "+371 2000 0001"
    assert data["schedules"][0] == {
        "id": str(service.schedules.get().id),
        "service_id": str(service.id),
        "freq": "WEEKLY",
        "byday": "TU",
        "opens_at": "08:30",
        "closes_at": "12:00",
        "description": "",
    }
    assert data["service_areas"][0]["name"] == "Ventspils"
    place = data["service_at_locations"][0]
    assert place["location"]["name"] == "Sociālā māja"
    assert place["location"]["addresses"][0]["address_1"] == "Parauga iela 1"
    attribute = data["attributes"][0]
    assert attribute["taxonomy_term_id"] == taxonomy_term_id(topics["socialie-jautajumi"])
    assert attribute["taxonomy_term"]["code"] == "socialie-jautajumi"
    assert "assurer_email" not in data  # internal


def test_unknown_service_is_a_json_404(client, db):
    data = get_json(client, f"/api/hsds/services/{uuid.uuid4()}", status=404)
    assert "error" in data


def test_search_and_taxonomy_filters(client, directory, topics):
    data = get_json(client, "/api/hsds/services?search=pamatskola")
    assert [s["name"] for s in data["contents"]] == ["Sociālais pedagogs"]
    term = taxonomy_term_id(topics["socialie-jautajumi"])
    data = get_json(client, f"/api/hsds/services?taxonomy_term_id={term}")
    assert [s["name"] for s in data["contents"]] == ["Sociālais dienests"]
    term = taxonomy_term_id(topics["majoklis"])
    assert get_json(client, f"/api/hsds/services?taxonomy_term_id={term}")["total_items"] == 0


def test_modified_after_filter(client, directory):
    old = timezone.now() - datetime.timedelta(days=10)
    Service.objects.filter(pk=directory["school"].pk).update(last_modified=old)
    since = (timezone.now() - datetime.timedelta(days=1)).date().isoformat()
    data = get_json(client, f"/api/hsds/services?modified_after={since}")
    assert [s["name"] for s in data["contents"]] == ["Sociālais dienests"]
    data = get_json(client, "/api/hsds/services?modified_after=2000-01-01T00:00:00%2B02:00")
    assert data["total_items"] == 2
    exact = directory["social"].last_modified.isoformat().replace("+", "%2B")
    data = get_json(client, f"/api/hsds/services?modified_after={exact}")
    assert [s["name"] for s in data["contents"]] == ["Sociālais dienests"]  # on or after


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=x",
        "per_page=1000",
        "modified_after=yesterday",
        "taxonomy_term_id=nope",
        f"taxonomy_term_id={uuid.UUID(int=1)}",  # fixed: pytest-xdist workers must collect alike
        "search=" + "x" * 201,
        "full=maybe",
        "organization_id=42",
    ],
)
def test_bad_parameters_are_400(client, directory, query):
    data = get_json(client, f"/api/hsds/services?{query}", status=400)
    assert data["error"]


def test_organizations(client, directory):
    data = get_json(client, "/api/hsds/organizations?search=pamatskola")
    assert set(data) == PAGE_KEYS
    assert [o["name"] for o in data["contents"]] == ["Pārventas pamatskola"]
    organization = directory["school"].organization
    detail = get_json(client, f"/api/hsds/organizations/{organization.id}")
    assert detail["services"] == [
        {"id": str(directory["school"].id), "name": "Sociālais pedagogs", "status": "active"}
    ]
    get_json(client, f"/api/hsds/organizations/{uuid.uuid4()}", status=404)


def test_service_at_locations_with_filters(client, directory, topics):
    data = get_json(client, "/api/hsds/service_at_locations")
    assert set(data) == PAGE_KEYS and data["total_items"] == 2
    assert set(data["contents"][0]) == {"id", "service_id", "location_id", "description"}
    term = taxonomy_term_id(topics["izglitiba"])
    url = f"/api/hsds/service_at_locations?taxonomy_term_id={term}&search=skola&full=true"
    data = get_json(client, url)
    assert [i["location"]["name"] for i in data["contents"]] == ["Skola"]
    assert data["contents"][0]["service"]["name"] == "Sociālais pedagogs"


def test_list_items_are_one_to_one_unless_full(client, directory):
    item = get_json(client, "/api/hsds/services?search=dienests")["contents"][0]
    assert "contacts" not in item and item["organization_id"]
    assert item["name"] == "Sociālais dienests" and item["status"] == "active"
    full = get_json(client, "/api/hsds/services?search=dienests&full=true")["contents"][0]
    assert full["contacts"][0]["title"] == "sociālā darbiniece"
    assert full["organization"]["name"] == "Ventspils sociālā pārvalde"


def test_organization_id_filter(client, directory):
    organization = directory["school"].organization
    data = get_json(client, f"/api/hsds/services?organization_id={organization.id}")
    assert [s["id"] for s in data["contents"]] == [str(directory["school"].id)]


def test_taxonomy_terms_list_the_topics(client, directory, topics):
    data = get_json(client, "/api/hsds/taxonomy_terms?per_page=100")
    assert data["total_items"] == len(topics)
    first = data["contents"][0]
    assert first["code"] == "izglitiba" and first["id"] == taxonomy_term_id(topics["izglitiba"])


def test_api_is_read_only(client, directory):
    assert client.post("/api/hsds/services").status_code == 405
