"""The HSDS API against the official HSDS 3.0 schemas, object by object, in both modes.

The whole API is harvested as a client would (all pages, the full variants, every detail
endpoint) on the demo site and on a synthetic corpus with every optional field in play, filled
and empty. The figures go to test-artifacts/hsds-conformance.txt.
"""

import datetime
import json
import uuid
from decimal import Decimal

import pytest

from network.directory import hsds
from network.directory.models import Phone, Service
from network.directory.tests import hsds_schemas
from network.directory.tests.hsds_harvest import (
    fields_seen,
    harvest_api,
    record,
    report_lines,
    validate,
)
from network.factories import (
    ContactFactory,
    LocationFactory,
    OrganizationFactory,
    PhoneFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)

SERVICES = 36  # with PER_PAGE 20: two pages of each list
LANGUAGES = ["lv, rom", "", "ru", "lv, ltg, en"]
STATUSES = list(Service.Status)

# What the synthetic corpus must put in play, so that its validation means something.
FILLED = {
    "email",
    "url",
    "assured_date",
    "alternate_name",
    "organization.email",
    "organization.website",
    "organization.attributes.taxonomy_term.code",
    "phones.extension",
    "phones.type",
    "phones.description",
    "schedules.byday",
    "schedules.opens_at",
    "schedules.description",
    "languages.code",
    "contacts.name",
    "contacts.email",
    "contacts.department",
    "service_areas.name",
    "service_at_locations.description",
    "service_at_locations.location.latitude",
    "service_at_locations.location.longitude",
    "service_at_locations.location.addresses.address_1",
    "service_at_locations.location.addresses.region",
    "service_at_locations.location.attributes.value",
    "attributes.value",
    "attributes.taxonomy_term.parent_id",
}


def _organizations(count):
    return [
        OrganizationFactory(
            name=f"Sintētiska iestāde {n}",
            alternate_name="SI" if n % 2 else "",
            description="" if n % 3 == 0 else "Izdomāta iestāde testiem.",
            email=f"iestade{n}@example.org" if n % 2 else "",
            website=f"https://iestade{n}.example.org/" if n % 3 else "",
            is_demo=n % 4 == 0,
        )
        for n in range(count)
    ]


def _location(n, organization):
    """Every third without coordinates; some with only a city, one without any address."""
    located = n % 3 != 0
    return LocationFactory(
        name=f"Sintētiska vieta {n}",
        organization=organization if n % 2 else None,
        address_1="" if n % 5 == 0 else f"Parauga iela {n}",
        city="" if n % 7 == 0 else "Ventspils",
        postal_code="" if n % 7 == 0 else f"LV-36{n % 10:02d}",
        region="Ventspils novads" if n % 2 else "",
        latitude=Decimal("57.389") + Decimal(n) / 1000 if located else None,
        longitude=Decimal("21.564") + Decimal(n) / 1000 if located else None,
        description="Ieeja no pagalma." if n % 4 == 0 else "",
        is_demo=n % 6 == 0,
    )


def _service(n, organization, topics, concepts, municipality):
    service = ServiceFactory(
        organization=organization,
        name=f"Sintētisks pakalpojums {n:02d}",
        alternate_name="SP" if n % 3 == 0 else "",
        description="" if n % 4 == 0 else "Palīdz ar dokumentiem.",
        url=f"https://example.org/pakalpojumi/{n}" if n % 2 else "",
        email=f"pakalpojums{n}@example.org" if n % 3 else "",
        status=STATUSES[n % len(STATUSES)],
        assured_date=None if n % 4 == 1 else datetime.date(2026, 1, 1 + n % 28),
        languages=LANGUAGES[n % len(LANGUAGES)],
        topics=topics[n % len(topics) :][:2],
        concepts=concepts[n % len(concepts) :][:2] if n % 2 else [],
        service_areas=[municipality] if n % 3 else [],
        is_demo=n % 5 == 0,
    )
    for k in range(n % 3):
        ContactFactory(
            service=service,
            name="" if k else "Anna Paraudziņa",
            title="sociālā darbiniece",
            department="Sociālā nodaļa" if k else "",
            email="" if (n + k) % 2 else f"kontakts{n}@example.org",
        )
    for k in range(n % 3 + 1):
        PhoneFactory(
            service=service,
            number=f"+371 0000 {n:02d}{k:02d}",  # not a real number
            extension=["", "12", "iekš. 5"][(n + k) % 3],
            type=list(Phone.Type)[k % len(Phone.Type)],
            description="" if k else "Piezīme",
        )
    for day in range(1, n % 6 + 1):
        ScheduleFactory(
            service=service,
            weekday=day,
            opens_at=datetime.time(8 + n % 3, 30),
            closes_at=datetime.time(16, 0),
            description="pusdienas 12–13" if day == 1 else "",
        )
    return service


@pytest.fixture
def synthetic_directory(municipality, topics, seed_vocabulary):
    """Services with phones, schedules, languages, contacts, e-mails, URLs and coordinates,
    filled on some records and empty on others."""
    concepts = list(seed_vocabulary.values())
    organizations = _organizations(9)
    topic_list = list(topics.values())
    for n in range(SERVICES):
        organization = organizations[n % len(organizations)]
        service = _service(n, organization, topic_list, concepts, municipality)
        for k in range(n % 2 + 1):
            ServiceAtLocationFactory(
                service=service,
                location=_location(n + k * SERVICES, organization),
                description="2. stāvs" if k else "",
            )
    return organizations


def _check(client, artifacts_dir, corpus):
    harvest = harvest_api(client)
    figures = validate(harvest)
    record(artifacts_dir, report_lines(corpus, harvest, figures))
    assert harvest.problems == []
    assert figures.invalid_total == 0, figures.samples
    return harvest


@pytest.mark.django_db
@pytest.mark.postgres  # as in `make test`
def test_the_demo_api_conforms_to_hsds_3(client, demo_directory, artifacts_dir):
    harvest = _check(client, artifacts_dir, "demo")
    assert len(harvest.ids["services"]) >= 30


@pytest.mark.django_db
@pytest.mark.postgres
def test_a_synthetic_api_conforms_to_hsds_3(client, synthetic_directory, artifacts_dir):
    harvest = _check(client, artifacts_dir, "synthetic corpus")
    assert len(harvest.ids["services"]) == SERVICES
    # Every optional field in play was filled somewhere, so its validation means something.
    assert fields_seen(harvest, "/services/{id}") >= FILLED
    organization = fields_seen(harvest, "/organizations/{id}?full_service=true")
    assert organization >= {"locations.latitude", "services.phones.number", "attributes.value"}


EXAMPLES = hsds_schemas.SPEC.parent / "examples"


@pytest.mark.parametrize(
    ("example", "kind"),
    [
        ("service_full.json", "service"),
        ("organization_full.json", "organization"),
        ("service_at_location_full.json", "service_at_location"),
        ("taxonomy_term.json", "taxonomy_term"),
        ("taxonomy.json", "taxonomy"),
    ],
)
def test_the_specifications_own_examples_are_valid_in_both_modes(example, kind):
    data = json.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    for mode in hsds_schemas.MODES:
        assert hsds_schemas.errors(kind, data, mode) == []


def test_the_validator_finds_what_the_api_used_to_send():
    """The issue's findings: "" for an e-mail or URI, null coordinates and assured_date, a
    field HSDS does not have (only strict mode forbids that)."""
    service = {
        "id": str(uuid.uuid4()),
        "name": "Pakalpojums",
        "status": "active",
        "email": "",
        "url": "",
        "assured_date": None,
        "last_modified": "2026-11-30",
        "is_demo": False,
    }
    normal = hsds_schemas.errors("service_list", service, "normal")
    assert len(normal) == 4
    assert any("is not a 'email'" in e for e in normal)
    assert any("is not a 'uri'" in e for e in normal)
    assert any("is not a 'date-time'" in e for e in normal)
    strict = hsds_schemas.errors("service_list", service, "strict")
    assert len(strict) == 5 and any("'is_demo' was unexpected" in e for e in strict)
    location = {"id": str(uuid.uuid4()), "location_type": "physical", "latitude": None}
    place = {"id": str(uuid.uuid4()), "location": location}
    assert hsds_schemas.errors("service_at_location", place, "normal") == [
        "location/latitude: None is not of type 'number'"
    ]
    attribute = hsds.demo_attribute_data("organization", uuid.uuid4())
    organization = {"id": str(uuid.uuid4()), "name": "Iestāde", "attributes": [attribute]}
    assert hsds_schemas.errors("organization", organization, "strict") == [
        "(object): 'description' is a required property"
    ]
