"""HSDS 3 tabular datapackage export: the whole directory as CSV files + datapackage.json."""

import csv
import json
from pathlib import Path

from network.directory import hsds
from network.directory.interchange import FIELD_TYPES, REFERENCES, REQUIRED, TABLES
from network.directory.models import Location, Organization
from taxonomy.models import Concept, Topic


def _bool_text(value):
    return "true" if value else "false"


def _date_text(value):
    return value.isoformat() if value else ""


def export_rows():
    """{file: [row dicts]} for the whole directory."""
    rows = {name: [] for name in TABLES}
    for org in Organization.objects.order_by("name", "id"):
        rows["organizations"].append(
            {
                "id": org.id,
                "name": org.name,
                "alternate_name": org.alternate_name,
                "description": org.description,
                "email": org.email,
                "website": org.website,
                "is_demo": _bool_text(org.is_demo),
            }
        )
    for location in Location.objects.order_by("name", "id"):
        rows["locations"].append(
            {
                "id": location.id,
                "location_type": "physical",
                "organization_id": location.organization_id or "",
                "name": location.name,
                "description": location.description,
                "latitude": hsds.text(location.latitude),
                "longitude": hsds.text(location.longitude),
                "is_demo": _bool_text(location.is_demo),
            }
        )
        rows["addresses"].extend(hsds.address_data(location))
    for service in hsds.services_queryset().order_by("name", "id"):
        rows["services"].append(
            {
                "id": service.id,
                "organization_id": service.organization_id,
                "name": service.name,
                "alternate_name": service.alternate_name,
                "description": service.description,
                "url": service.url,
                "email": service.email,
                "status": service.status,
                "assured_date": _date_text(service.assured_date),
                "assurer_email": service.assurer_email,
                "last_modified": service.last_modified.isoformat(),
                "is_demo": _bool_text(service.is_demo),
            }
        )
        data = hsds.service_data(service)
        for place in data["service_at_locations"]:
            rows["service_at_locations"].append(
                {k: place[k] for k in TABLES["service_at_locations"]}
            )
        for name in ("contacts", "phones", "schedules", "languages", "service_areas"):
            rows[name].extend(data[name])
        for attribute in data["attributes"]:
            rows["attributes"].append(attribute)
    for topic in Topic.objects.all():
        rows["taxonomy_terms"].append(hsds.taxonomy_term_data(topic))
    for concept in Concept.objects.select_related("broader"):
        rows["taxonomy_terms"].append(hsds.concept_term_data(concept))
    return rows


def datapackage_descriptor():
    resources = []
    for name, columns in TABLES.items():
        foreign_keys = [
            {"fields": column, "reference": {"resource": target, "fields": "id"}}
            for (table, column), target in REFERENCES.items()
            if table == name
        ]
        schema = {
            "fields": [
                {
                    "name": column,
                    "type": FIELD_TYPES.get(column, "string"),
                    "constraints": {"required": column in REQUIRED[name]},
                }
                for column in columns
            ],
            "primaryKey": "id",
            "foreignKeys": foreign_keys,
        }
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "name": "mediatoru-tikls-hsds",
        "title": "Mediatoru tīkls — pakalpojumu katalogs (HSDS 3)",
        "profile": "tabular-data-package",
        "version": hsds.HSDS_VERSION,
        "resources": resources,
    }


def export_package(directory):
    """Writes the CSV files and datapackage.json into `directory`; returns rows per file."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    rows = export_rows()
    for name, columns in TABLES.items():
        with open(directory / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            for row in rows[name]:
                writer.writerow({k: hsds.text(v) for k, v in row.items()})
    descriptor = json.dumps(datapackage_descriptor(), ensure_ascii=False, indent=2)
    (directory / "datapackage.json").write_text(descriptor + "\n", encoding="utf-8")
    return {name: len(table) for name, table in rows.items()}
