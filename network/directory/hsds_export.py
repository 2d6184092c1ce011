"""HSDS 3 tabular datapackage export: the whole directory as the official CSV files.

Every resource of the official descriptor gets its file, with the official columns in the
official order (empty where the portal has no value; header only where it keeps no such data),
and the official descriptor itself is the package's datapackage.json. Where HSDS requires a
value the portal may lack, nothing is invented:
- organization.description and taxonomy_term.description: the record's own text, else its
  name (the import reads a description equal to the name back as empty);
- an address row only with street, city, postal code, country and state_province all known;
  state_province is the location's novads, or the city itself when the city is one of the
  portal's municipalities (a state city is a first-level division of Latvia);
- phone.extension (a number in HSDS) only when it is digits.
The demo flag travels as an attribute with the term of the portal's "marks" taxonomy.
"""

import csv
import shutil
from pathlib import Path

from network.directory import hsds
from network.directory.hours import BYDAY
from network.directory.interchange import OFFICIAL_DESCRIPTOR, RESOURCES, columns, file_name
from network.directory.models import Location, MunicipalityPage, Organization
from taxonomy.models import Concept, Topic


def export_rows():
    """{official resource name: [row dicts]} for the whole directory."""
    rows = {name: [] for name in RESOURCES}
    for org in Organization.objects.order_by("name", "id"):
        rows["organization"].append(
            {
                "id": org.id,
                "name": org.name,
                "alternate_name": org.alternate_name,
                "description": org.description or org.name,
                "email": org.email,
                "website": org.website,
            }
        )
        _mark_demo(rows, "organization", org)
    municipalities = set(MunicipalityPage.objects.values_list("title", flat=True))
    for location in Location.objects.order_by("name", "id"):
        rows["location"].append(
            {
                "id": location.id,
                "location_type": "physical",
                "organization_id": location.organization_id,
                "name": location.name,
                "description": location.description,
                "latitude": location.latitude,
                "longitude": location.longitude,
            }
        )
        rows["address"].extend(address_rows(location, municipalities))
        _mark_demo(rows, "location", location)
    for service in hsds.services_queryset().order_by("name", "id"):
        _add_service(rows, service)
    _add_taxonomies(rows)
    # One row per id, should the API's service object come to carry the demo mark as well.
    rows["attribute"] = list({row["id"]: row for row in rows["attribute"]}.values())
    return rows


def _mark_demo(rows, entity, record):
    if record.is_demo:
        rows["attribute"].append(hsds.demo_attribute_data(entity, record.id))


def address_rows(location, municipalities):
    """The location's address, or none when a value HSDS requires is unknown."""
    in_municipality = location.city if location.city in municipalities else ""
    state_province = location.region or in_municipality
    known = [location.address_1, location.city, location.postal_code, location.country]
    if not (all(known) and state_province):
        return []
    return [
        {
            "id": hsds.derived_id("address", location.id),
            "location_id": location.id,
            "address_1": location.address_1,
            "city": location.city,
            "state_province": state_province,
            "postal_code": location.postal_code,
            "country": location.country,
            "address_type": "physical",
        }
    ]


def _add_service(rows, service):
    rows["service"].append(
        {
            "id": service.id,
            "organization_id": service.organization_id,
            "name": service.name,
            "alternate_name": service.alternate_name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "assured_date": service.assured_date.isoformat() if service.assured_date else "",
            "assurer_email": service.assurer_email,
            "last_modified": service.last_modified.isoformat(),
        }
    )
    data = hsds.service_data(service)
    rows["service_at_location"].extend(data.get("service_at_locations", []))
    rows["contact"].extend(data.get("contacts", []))
    rows["phone"].extend(
        {**phone, "extension": _digits_only(phone.get("extension", ""))}
        for phone in map(hsds.phone_data, service.phones.all())
    )
    rows["schedule"].extend(
        {
            "id": schedule.id,
            "service_id": service.id,
            "freq": "WEEKLY",
            "byday": BYDAY[schedule.weekday],
            "opens_at": schedule.opens_at.isoformat(),  # HH:MM:SS, the type `time` wants
            "closes_at": schedule.closes_at.isoformat(),
            "description": schedule.description,
        }
        for schedule in service.schedules.all()
    )
    rows["language"].extend(data.get("languages", []))
    rows["service_area"].extend(data.get("service_areas", []))
    rows["attribute"].extend(data.get("attributes", []))
    _mark_demo(rows, "service", service)


def _digits_only(extension):
    return extension if extension.isdigit() else ""


def _add_taxonomies(rows):
    terms = [hsds.taxonomy_term_data(topic) for topic in Topic.objects.order_by("slug")]
    concepts = Concept.objects.select_related("broader").order_by("slug")
    terms += [hsds.concept_term_data(concept) for concept in concepts]
    terms.append(hsds.demo_term_data())
    rows["taxonomy_term"] = [{**t, "description": t.get("description") or t["name"]} for t in terms]
    rows["taxonomy"] = [hsds.taxonomy_data(taxonomy) for taxonomy in hsds.TAXONOMY_NAMES]


def export_package(directory):
    """Writes the CSV files and datapackage.json into `directory`; returns rows per file."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    rows = export_rows()
    for name in RESOURCES:
        with open(directory / file_name(name), "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(
                handle, fieldnames=columns(name), restval="", extrasaction="ignore"
            )
            writer.writeheader()
            for row in rows[name]:
                writer.writerow({key: hsds.text(value) for key, value in row.items()})
    shutil.copyfile(OFFICIAL_DESCRIPTOR, directory / "datapackage.json")
    return {file_name(name): len(table) for name, table in rows.items()}
