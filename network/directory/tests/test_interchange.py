import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from network.directory.interchange import OFFICIAL_DESCRIPTOR
from network.directory.models import (
    Contact,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
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

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(municipality, other_municipality, topics):
    org = OrganizationFactory(name="Ventspils sociālā pārvalde", alternate_name="VSP", is_demo=True)
    location = LocationFactory(organization=org, name="Sociālā māja", latitude="57.394000")
    social = ServiceFactory(
        organization=org,
        name="Sociālais dienests",
        description="Pabalsti, “krīzes” palīdzība;\notrā rinda",
        topics=[topics["socialie-jautajumi"], topics["majoklis"]],
        service_areas=[municipality, other_municipality],
        languages="lv, rom",
        status=Service.Status.INACTIVE,
        assurer_email="parbaude@example.org",
    )
    ContactFactory(service=social, name="", title="sociālais darbinieks")
    ContactFactory(service=social, name="Anna Paraudziņa")
    PhoneFactory(service=social, type="cell", extension="12", description="darba dienās")
    ScheduleFactory(service=social, weekday=1, opens_at="09:00", closes_at="12:00")
    ScheduleFactory(service=social, weekday=3, opens_at="13:00", closes_at="17:30")
    ServiceAtLocationFactory(service=social, location=location, description="2. stāvs")
    ServiceFactory(name="Bez detaļām", assured_date=None)
    return social


def dump():
    """Everything the directory holds, as comparable plain data (ids included)."""
    services = []
    for s in Service.objects.order_by("id"):
        services.append(
            (
                str(s.id),
                str(s.organization_id),
                s.name,
                s.alternate_name,
                s.description,
                s.url,
                s.email,
                s.status,
                s.assured_date,
                s.assurer_email,
                s.languages,
                s.is_demo,
                sorted(t.slug for t in s.topics.all()),
                sorted(m.slug for m in s.service_areas.all()),
            )
        )
    return {
        "organizations": sorted(
            Organization.objects.values_list(
                "id", "name", "alternate_name", "description", "email", "website", "is_demo"
            )
        ),
        "locations": sorted(
            Location.objects.values_list(
                "id",
                "organization_id",
                "name",
                "address_1",
                "city",
                "region",
                "postal_code",
                "latitude",
                "is_demo",
            )
        ),
        "services": services,
        "contacts": sorted(
            Contact.objects.values_list("id", "service_id", "name", "title", "email")
        ),
        "contact_order": [
            list(s.contacts.values_list("id", flat=True)) for s in Service.objects.order_by("id")
        ],
        "phones": sorted(
            Phone.objects.values_list(
                "id", "service_id", "number", "extension", "type", "description"
            )
        ),
        "schedules": sorted(
            Schedule.objects.values_list("id", "service_id", "weekday", "opens_at", "closes_at")
        ),
        "places": sorted(
            ServiceAtLocation.objects.values_list("id", "service_id", "location_id", "description")
        ),
    }


def wipe():
    ServiceAtLocation.objects.all().delete()
    Service.objects.all().delete()
    Location.objects.all().delete()
    Organization.objects.all().delete()


def export(path):
    call_command("export_hsds", str(path), stdout=io.StringIO())


def run_import(path, *args):
    call_command("import_hsds", str(path), *args, stdout=io.StringIO(), stderr=io.StringIO())


def read_csv(path, name):
    with open(path / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path, name, rows):
    with open(path / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_export_writes_the_official_tabular_datapackage(directory, tmp_path):
    export(tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text())
    assert descriptor == json.loads(OFFICIAL_DESCRIPTOR.read_text())
    for resource in descriptor["resources"]:
        with open(tmp_path / resource["path"], encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == [field["name"] for field in resource["schema"]["fields"]]
    assert read_csv(tmp_path, "service_at_location")[0]["description"] == "2. stāvs"
    assert read_csv(tmp_path, "programs") == []
    services = read_csv(tmp_path, "services")
    assert {row["name"] for row in services} == {"Sociālais dienests", "Bez detaļām"}
    schedules = read_csv(tmp_path, "schedules")
    assert {(row["byday"], row["opens_at"]) for row in schedules} == {
        ("MO", "09:00:00"),
        ("WE", "13:00:00"),
    }
    areas = read_csv(tmp_path, "service_areas")
    assert {row["name"] for row in areas} == {"Ventspils", "Jelgava"}


def test_export_import_round_trip_reproduces_the_records(directory, tmp_path):
    before = dump()
    export(tmp_path)
    wipe()
    assert Service.objects.count() == 0
    run_import(tmp_path)
    assert dump() == before
    # Importing the same package again changes nothing.
    run_import(tmp_path)
    assert dump() == before


def test_bad_rows_reject_the_whole_import_with_line_numbers(directory, tmp_path):
    export(tmp_path)
    services = read_csv(tmp_path, "services")
    services[0]["name"] = "Pārdēvēts, bet nederīgs fails"
    services[1]["status"] = "maybe"
    write_csv(tmp_path, "services", services)
    phones = read_csv(tmp_path, "phones")
    phones[0]["service_id"] = "00000000-0000-0000-0000-000000000000"
    write_csv(tmp_path, "phones", phones)
    contacts = read_csv(tmp_path, "contacts")
    contacts[1]["id"] = "nav-uuid"
    write_csv(tmp_path, "contacts", contacts)
    areas = read_csv(tmp_path, "service_areas")
    areas[0]["name"] = "Atlantīda"
    areas[0]["uri"] = "atlantida"
    write_csv(tmp_path, "service_areas", areas)
    before = dump()
    stderr = io.StringIO()
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("import_hsds", str(tmp_path), stdout=io.StringIO(), stderr=stderr)
    errors = stderr.getvalue()
    assert "services.csv:3: “status” “maybe” nav viens no: active, inactive," in errors
    missing = "00000000-0000-0000-0000-000000000000 nav atrasts ne paketē, ne portālā"
    assert f"phones.csv:2: “service_id” {missing}" in errors
    assert "contacts.csv:3: “id” “nav-uuid” nav UUID" in errors
    assert "service_areas.csv:2: pašvaldība “Atlantīda” portālā nav atrasta" in errors
    assert dump() == before  # the valid first service row was not written either


def test_required_fields_and_missing_columns(directory, tmp_path):
    export(tmp_path)
    organizations = read_csv(tmp_path, "organizations")
    organizations[0]["name"] = ""
    write_csv(tmp_path, "organizations", organizations)
    schedules = read_csv(tmp_path, "schedules")
    schedules[0]["closes_at"] = "08:00"
    write_csv(tmp_path, "schedules", schedules)
    (tmp_path / "locations.csv").write_text("id,description\n", encoding="utf-8")
    stderr = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_hsds", str(tmp_path), stdout=io.StringIO(), stderr=stderr)
    errors = stderr.getvalue()
    assert "organizations.csv:2: obligātais lauks “name” ir tukšs" in errors
    assert "schedules.csv:2: closes_at jābūt pēc opens_at" in errors
    assert "locations.csv:1: trūkst kolonnu: location_type" in errors


def test_dry_run_validates_without_writing(directory, tmp_path):
    export(tmp_path)
    wipe()
    run_import(tmp_path, "--dry-run")
    assert Service.objects.count() == 0


def test_missing_datapackage_is_reported(tmp_path, db):
    stderr = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_hsds", str(tmp_path), stdout=io.StringIO(), stderr=stderr)
    assert "datapackage.json: fails nav atrasts mapē" in stderr.getvalue()
