import datetime
import uuid

import pytest
from django.utils import timezone

from network.directory import hsds
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


def test_root_gives_version_and_the_reference(client, db):
    data = get_json(client, "/api/hsds/")
    assert set(data) == {"version", "profile", "openapi_url"}  # what HSDS's root has
    assert data["version"] == "3.0"
    assert data["profile"].startswith("https://docs.openreferral.org")
    assert data["openapi_url"] == "http://testserver/api/hsds/openapi.json"
    reference = get_json(client, "/api/hsds/openapi.json")
    assert "/service_at_locations/{id}" in reference["paths"]


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
    }  # the empty note is left out
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
        "minimal=maybe",
        "format=xml",
        "taxonomy_id=nope",
        f"taxonomy_id={uuid.UUID(int=4)}",
    ],
)
def test_bad_parameters_are_400(client, directory, query):
    data = get_json(client, f"/api/hsds/services?{query}", status=400)
    assert data["error"]


@pytest.mark.parametrize("query", ["full=perhaps", "full_service=2", "format=csv"])
def test_bad_organization_parameters_are_400(client, directory, query):
    assert get_json(client, f"/api/hsds/organizations?{query}", status=400)["error"]


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
    assert set(data["contents"][0]) == {"id", "service_id", "location_id"}  # no note: left out
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
    assert data["total_items"] == len(topics) + 1  # and the demo mark
    assert data["contents"][-1] == hsds.demo_term_data()
    first = data["contents"][0]
    assert first["code"] == "izglitiba" and first["id"] == taxonomy_term_id(topics["izglitiba"])


def test_api_is_read_only(client, directory):
    assert client.post("/api/hsds/services").status_code == 405


def test_empty_values_are_left_out(client, directory):
    school = directory["school"]
    Service.objects.filter(pk=school.pk).update(url="", email="", assured_date=None)
    school.organization.description = ""
    school.organization.save()
    data = get_json(client, f"/api/hsds/services/{school.id}")
    assert not {"url", "email", "assured_date", "alternate_name"} & set(data)
    location = data["service_at_locations"][0]["location"]
    assert not {"latitude", "longitude", "organization_id", "description"} & set(location)
    assert data["organization"]["description"] == ""  # HSDS requires it, even when unknown
    assert "last_modified" not in data["organization"]  # not an HSDS field of organisations
    item = get_json(client, f"/api/hsds/services?organization_id={school.organization_id}")
    assert set(item["contents"][0]) == {"id", "organization_id", "name", "description"} | {
        "status",
        "last_modified",
    }


def test_the_demo_flag_is_an_attribute(client, directory):
    social = directory["social"]
    Service.objects.filter(pk=social.pk).update(is_demo=True)
    data = get_json(client, f"/api/hsds/services/{social.id}")
    assert "is_demo" not in data
    demo = [a for a in data["attributes"] if a["taxonomy_term"]["code"] == "demo"]
    assert demo == [hsds.demo_attribute_data("service", social.id)]
    assert demo[0]["value"] == "true"
    assert "attributes" not in data["organization"]  # the organisation is not demo
    mark = hsds.demo_term_data()["id"]
    found = get_json(client, f"/api/hsds/services?taxonomy_term_id={mark}")
    assert [s["id"] for s in found["contents"]] == [str(social.id)]
    assert get_json(client, f"/api/hsds/taxonomy_terms/{mark}") == hsds.demo_term_data()


def test_taxonomy_id_filters_services_by_any_term_of_it(client, directory):
    Service.objects.filter(pk=directory["school"].pk).update(is_demo=True)
    topics = hsds.taxonomy_id(hsds.TAXONOMY)
    assert get_json(client, f"/api/hsds/services?taxonomy_id={topics}")["total_items"] == 2
    marks = hsds.taxonomy_id(hsds.MARK_TAXONOMY)
    data = get_json(client, f"/api/hsds/service_at_locations?taxonomy_id={marks}&full=true")
    assert [i["service"]["name"] for i in data["contents"]] == ["Sociālais pedagogs"]
    vocabulary = hsds.taxonomy_id(hsds.CONCEPT_TAXONOMY)
    assert get_json(client, f"/api/hsds/services?taxonomy_id={vocabulary}")["empty"]
    terms = get_json(client, f"/api/hsds/taxonomy_terms?taxonomy_id={marks}")
    assert terms["contents"] == [hsds.demo_term_data()]


def test_minimal_gives_ids_and_change_times_in_one_page(client, directory):
    data = get_json(client, "/api/hsds/services?minimal=true")
    assert data["total_pages"] == 1
    assert set(data["contents"][0]) == {"id", "name", "status", "last_modified"}
    assert get_json(client, "/api/hsds/services?minimal=true&per_page=1000")["size"] == 2
    assert get_json(client, "/api/hsds/services?minimal=true&full=true", status=400)["error"]


@pytest.mark.parametrize("url", ["services", "organizations", "taxonomy_terms", "taxonomies"])
def test_only_the_json_format_is_served(client, directory, url):
    assert get_json(client, f"/api/hsds/{url}?format=json")["contents"]
    error = get_json(client, f"/api/hsds/{url}?format=ndjson", status=400)["error"]
    assert "ndjson" in error and "json" in error


def test_organizations_full_and_full_service(client, directory):
    social = directory["social"]
    organization = social.organization
    plain = get_json(client, "/api/hsds/organizations?search=Ventspils")["contents"][0]
    assert "services" not in plain and "locations" not in plain
    full = get_json(client, "/api/hsds/organizations?search=Ventspils&full=true")["contents"][0]
    assert full["services"] == [hsds.service_summary_data(social)]
    url = f"/api/hsds/organizations/{organization.id}?full_service=true"
    nested = get_json(client, url)["services"][0]
    assert nested["contacts"][0]["title"] == "sociālā darbiniece"
    listed = get_json(client, "/api/hsds/organizations?search=Ventspils&full_service=true")
    assert listed["contents"][0]["services"] == [nested]
    bad = f"/api/hsds/organizations/{organization.id}?full_service=maybe"
    assert get_json(client, bad, status=400)["error"]


def test_one_service_at_location(client, directory):
    place = directory["social"].service_at_locations.get()
    data = get_json(client, f"/api/hsds/service_at_locations/{place.id}")
    assert data["service"]["name"] == "Sociālais dienests"
    assert data["service"]["phones"][0]["number"] == "+371 2000 0001"
    assert "service_at_locations" not in data["service"]
    assert data["location"]["addresses"][0]["postal_code"] == "LV-0000"


@pytest.mark.parametrize(
    "path",
    [
        f"service_at_locations/{uuid.UUID(int=2)}",
        "services/not-an-id",
        f"taxonomies/{uuid.UUID(int=3)}",
        "taxonomy_terms/x",
        "organizations/42",
        "no-such-endpoint",
        "services/",
    ],
)
def test_unknown_addresses_are_json_404(client, db, path):
    assert get_json(client, f"/api/hsds/{path}", status=404)["error"]


@pytest.fixture
def places(directory):
    """Two places in Ventspils (LV-3601) 1.1 km apart, one in Jelgava (LV-3001), one without
    coordinates."""
    rows = [
        ("Centrs", "LV-3601", "57.394000", "21.564000"),
        ("Ostmala", "LV-3601", "57.404000", "21.564000"),
        ("Jelgava", "LV-3001", "56.650000", "23.720000"),
        ("Bez koordinātām", "LV-3602", None, None),
    ]
    for name, postcode, latitude, longitude in rows:
        ServiceAtLocationFactory(
            service=directory["school"],
            location__name=name,
            location__postal_code=postcode,
            location__latitude=latitude,
            location__longitude=longitude,
        )


def place_names(client, query):
    data = get_json(client, f"/api/hsds/service_at_locations?full=true&{query}")
    return sorted(item["location"]["name"] for item in data["contents"])


def test_postcode_and_proximity(client, places):
    assert place_names(client, "postcode=LV-3601") == ["Centrs", "Ostmala"]
    assert place_names(client, "postcode=3601") == ["Centrs", "Ostmala"]
    assert place_names(client, "postcode=3602") == ["Bez koordinātām"]
    # The centre of LV-3601 is half-way: each place is 556 m from it.
    assert place_names(client, "postcode=3601&proximity=600") == ["Centrs", "Ostmala"]
    assert place_names(client, "postcode=3601&proximity=500") == []
    assert place_names(client, "postcode=3601&proximity=200000") == [
        "Centrs",
        "Jelgava",
        "Ostmala",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "proximity=1000",  # from where?
        "postcode=3602&proximity=1000",  # its places have no coordinates
        "postcode=9999&proximity=1000",  # no place has it
        "postcode=3601&proximity=near",
        "postcode=3601&proximity=-5",
        "postcode=3601&proximity=nan",
        "postcode=" + "1" * 21,
    ],
)
def test_proximity_that_cannot_apply_is_400(client, places, query):
    assert get_json(client, f"/api/hsds/service_at_locations?{query}", status=400)["error"]
