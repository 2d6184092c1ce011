"""The HSDS 3.0 tabular datapackage against the official files in hsds_spec/: frictionless
validates our export against the official descriptor; the specification's own example package
(another publisher's) imports; bad input is reported by file:line and changes nothing."""

import csv
import io
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from frictionless import Package

from network.directory.hsds_export import export_package
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
from taxonomy.factories import ConceptFactory

pytestmark = pytest.mark.django_db

EXAMPLE = Path(OFFICIAL_DESCRIPTOR).parent / "examples" / "csv"


def frictionless_report(directory):
    """Validates the package in `directory` against the official descriptor (copied in)."""
    shutil.copyfile(OFFICIAL_DESCRIPTOR, directory / "datapackage.json")
    report = Package(str(directory / "datapackage.json")).validate()
    return {
        "errors": [
            f"{task.place}: {error.message}" for task in report.tasks for error in task.errors
        ],
        "rows": {task.place: task.stats.get("rows") or 0 for task in report.tasks},
    }


def build_corpus(municipality, topics):
    """Every kind of record, with phones, schedules, languages and e-mails filled."""
    aid = ConceptFactory(slug="humanitara-palidziba", label="Humānā palīdzība")
    clothes = ConceptFactory(slug="apgerbu-palidziba", label="Apģērbu palīdzība", broader=aid)
    for number in range(6):
        org = OrganizationFactory(
            description="Pašvaldības iestāde." if number % 2 else "",
            email=f"iestade{number}@example.org",
            website=f"https://iestade{number}.example.org/",
            is_demo=number == 0,
        )
        place = LocationFactory(
            organization=org,
            region="" if number % 3 else "Dienvidkurzemes novads",
            city="Ventspils" if number % 3 != 2 else "Pāvilosta",  # Pāvilosta: no novads known
            latitude="57.394000",
            longitude="21.564000",
            is_demo=number == 0,
        )
        service = ServiceFactory(
            organization=org,
            description="Palīdz ar “dokumentiem”;\notrā rindā, ja vajag",
            topics=[topics["socialie-jautajumi"]],
            concepts=[clothes],
            service_areas=[municipality],
            languages="lv, rom, ru",
            assurer_email="parbaude@example.org",
            is_demo=number == 0,
        )
        ContactFactory(service=service, email=f"kontakts{number}@example.org")
        PhoneFactory(service=service, number="+371 0000 0001", extension="12", type="cell")
        PhoneFactory(service=service, number="+371 0000 0002", extension="iekš. 3")
        ScheduleFactory(service=service, weekday=1)
        ScheduleFactory(service=service, weekday=5, opens_at="08:30", closes_at="12:00")
        ServiceAtLocationFactory(service=service, location=place, description="1. stāvs")


def wipe_directory():
    Service.objects.all().delete()
    Location.objects.all().delete()
    Organization.objects.all().delete()


def test_the_export_has_no_errors_against_the_official_descriptor(
    demo_directory, municipality, topics, tmp_path, artifacts_dir
):
    export_package(tmp_path / "demo")
    demo = frictionless_report(tmp_path / "demo")
    wipe_directory()
    build_corpus(municipality, topics)
    export_package(tmp_path / "corpus")
    corpus = frictionless_report(tmp_path / "corpus")
    lines = [
        "HSDS 3.0 datapackage export, validated by frictionless against the official descriptor"
    ]
    for name, report in [("demo", demo), ("corpus", corpus)]:
        rows, errors = report["rows"], report["errors"]
        lines.append(f"{name}: {len(rows)} files, {sum(rows.values())} rows, {len(errors)} errors")
        lines.append("  " + ", ".join(f"{path} {count}" for path, count in rows.items() if count))
        lines += [f"  {error}" for error in errors[:20]]
    (artifacts_dir / "hsds-datapackage.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert demo["errors"] == [] and sum(demo["rows"].values()) > 100
    assert corpus["errors"] == [] and sum(corpus["rows"].values()) > 50
    assert len(demo["rows"]) == len(corpus["rows"]) == 21  # every official resource


def read_rows(directory, name):
    with open(directory / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_required_values_are_never_invented(municipality, topics, tmp_path):
    build_corpus(municipality, topics)
    export_package(tmp_path)
    addresses = read_rows(tmp_path, "addresses")
    # Pāvilosta is not a municipality of the portal and has no novads: no address row.
    assert {(row["city"], row["state_province"]) for row in addresses} == {
        ("Ventspils", "Dienvidkurzemes novads"),
        ("Ventspils", "Ventspils"),
    }
    organizations = read_rows(tmp_path, "organizations")
    assert all(row["description"] in ("Pašvaldības iestāde.", row["name"]) for row in organizations)
    phones = read_rows(tmp_path, "phones")
    assert sorted(row["extension"] for row in phones) == [""] * 6 + ["12"] * 6
    assert "is_demo" not in organizations[0]
    demo_marks = [row for row in read_rows(tmp_path, "attributes") if row["value"] == "true"]
    assert sorted(row["link_entity"] for row in demo_marks) == [
        "location",
        "organization",
        "service",
    ]


def snapshot():
    """The directory as comparable plain data (ids included)."""
    services = Service.objects.prefetch_related("topics", "concepts", "service_areas")
    return {
        "organizations": sorted(
            Organization.objects.values_list("id", "name", "description", "email", "is_demo")
        ),
        "locations": sorted(
            Location.objects.values_list(
                "id", "name", "address_1", "city", "region", "postal_code", "latitude", "is_demo"
            )
        ),
        "services": sorted(
            (s.id, s.name, s.description, s.status, s.languages, s.is_demo, s.assurer_email)
            + tuple(
                sorted(related.values_list("pk", flat=True))
                for related in (s.topics, s.concepts, s.service_areas)
            )
            for s in services
        ),
        "phones": sorted(Phone.objects.values_list("id", "number", "extension", "type")),
        "contacts": sorted(Contact.objects.values_list("id", "name", "title", "email")),
        "schedules": sorted(Schedule.objects.values_list("id", "weekday", "opens_at")),
        "places": sorted(ServiceAtLocation.objects.values_list("id", "service", "location")),
    }


def round_trip(tmp_path):
    """(before, after) an export imported into an empty directory."""
    before = snapshot()
    export_package(tmp_path)
    wipe_directory()
    assert not Service.objects.exists()
    call_command("import_hsds", str(tmp_path), stdout=io.StringIO())
    return before, snapshot()


def test_the_round_trip_gives_the_same_directory(municipality, topics, tmp_path):
    build_corpus(municipality, topics)
    before, after = round_trip(tmp_path)
    # What HSDS has no place for is the only difference: the address of Pāvilosta (no novads)
    # and the extension "iekš. 3" (HSDS wants a number).
    lost = set(before["locations"]) - set(after["locations"])
    assert {row[3] for row in lost} == {"Pāvilosta"}
    assert {row[2] for row in set(after["phones"]) - set(before["phones"])} == {""}
    for name in ("organizations", "services", "contacts", "schedules", "places"):
        assert after[name] == before[name]


def test_the_demo_round_trip_keeps_everything_but_addresses_without_a_street(
    demo_directory, tmp_path
):
    before, after = round_trip(tmp_path)
    assert before["services"] and before["organizations"] and before["places"]
    for name in ("organizations", "services", "phones", "contacts", "schedules", "places"):
        assert after[name] == before[name]
    # An address needs a street in HSDS; the demo's places know only their town.
    assert {row[:2] + row[6:] for row in after["locations"]} == {
        row[:2] + row[6:] for row in before["locations"]
    }
    assert all(row[2] == "" for row in before["locations"])


def example_package(tmp_path):
    """The specification's example package. Its datapackage.json is a symlink to the official
    descriptor in the specification's repository (stored here as the link's text)."""
    directory = tmp_path / "example"
    shutil.copytree(EXAMPLE, directory)
    shutil.copyfile(OFFICIAL_DESCRIPTOR, directory / "datapackage.json")
    return directory


def test_the_specifications_example_package_imports(tmp_path):
    stdout = io.StringIO()
    call_command("import_hsds", str(example_package(tmp_path)), stdout=stdout)
    service = Service.objects.get(name="Community Counselling")
    assert service.organization.name == "Example Organization Inc."
    assert service.status == "active" and str(service.assured_date) == "2005-01-01"
    phone = service.phones.get()
    assert (phone.number, phone.extension, phone.type) == ("+44 1234 234567", "100", "voice")
    assert service.contacts.get().name == "Ann Persona"
    place = service.service_at_locations.get().location
    assert (place.name, place.address_1, place.city, place.region) == (
        "MyCity Civic Center",
        "1-30 Main Street",
        "MyCity",
        "MyState",
    )
    assert place.organization is None and place.latitude is None
    report = stdout.getvalue()
    for left_out in [
        "locations.csv:2: “organization_id” 985e4a42-bd9f-4edc-911d-0243a4640aca nav atrasts",
        "locations.csv:2: koordinātas ārpus zemeslodes",
        "languages.csv:2: valodas kods “ur” portālā nav zināms",
        "schedules.csv:2: nav vienkāršs nedēļas darba laiks",
        "taxonomy_terms.csv:2: taksonomija “taxonomy” nav portāla",
        "programs.csv: 1 rindas netiek ievietotas",
    ]:
        assert left_out in report
    # What was imported exports again with 0 errors against the official descriptor.
    export_package(tmp_path / "again")
    assert frictionless_report(tmp_path / "again")["errors"] == []


def test_bad_rows_of_another_publisher_are_all_reported_and_nothing_is_written(tmp_path):
    directory = example_package(tmp_path)
    services = (directory / "services.csv").read_text(encoding="utf-8")
    (directory / "services.csv").write_text(
        services.replace(",active,", ",open,").replace("2005-01-01", "1.1.2005"), encoding="utf-8"
    )
    organizations = (directory / "organizations.csv").read_text(encoding="utf-8")
    (directory / "organizations.csv").write_text(
        organizations.replace("email@example.com", "nav e-pasts"), encoding="utf-8"
    )
    locations = (directory / "locations.csv").read_text(encoding="utf-8")
    (directory / "locations.csv").write_text(locations.replace(",physical,", ",,"), "utf-8")
    stderr = io.StringIO()
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("import_hsds", str(directory), stdout=io.StringIO(), stderr=stderr)
    errors = stderr.getvalue()
    assert "services.csv:2: “status” “open” nav viens no: active, inactive" in errors
    assert "services.csv:2: “assured_date” “1.1.2005” jābūt datumam GGGG-MM-DD" in errors
    assert "organizations.csv:2: “email” “nav e-pasts” nav e-pasta adrese" in errors
    assert "locations.csv:2: obligātais lauks “location_type” ir tukšs" in errors
    assert not Organization.objects.exists() and not Location.objects.exists()


def missing_folder(tmp_path):
    return tmp_path / "nav"


def example_as_stored(tmp_path):
    """The example folder as stored: its datapackage.json holds a symlink's text, not JSON."""
    return shutil.copytree(EXAMPLE, tmp_path / "as-stored")


def not_utf8(tmp_path):
    directory = example_package(tmp_path)
    header = (directory / "services.csv").read_bytes().splitlines()[0]
    (directory / "services.csv").write_bytes(header + b"\n\xff,\xfe\n")
    return directory


@pytest.mark.parametrize(
    "make, message",
    [
        (missing_folder, "datapackage.json: fails nav atrasts mapē"),
        (example_as_stored, "datapackage.json: nav derīgs datapackage apraksts"),
        (not_utf8, "services.csv: fails nav UTF-8 kodējumā"),
    ],
)
def test_bad_input_gives_a_clear_error_not_a_traceback(tmp_path, make, message):
    directory = make(tmp_path)
    stderr = io.StringIO()
    with pytest.raises(CommandError, match="Import rejected"):
        call_command("import_hsds", str(directory), stdout=io.StringIO(), stderr=stderr)
    [error] = stderr.getvalue().splitlines()  # and no errors that follow from it
    assert error.startswith(message)
