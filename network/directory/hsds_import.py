"""HSDS 3 tabular datapackage import, validated.

The import checks every row of every file first (required fields, formats, references) and
writes nothing unless all rows are valid; then it writes everything in one transaction.
Services in the package get exactly the contacts, phones, hours, places, topics, concepts,
areas and languages the package gives them.
"""

import csv
import datetime
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from network.directory import hsds
from network.directory.interchange import DAY_BY_CODE, REFERENCES, REQUIRED, TABLES
from network.directory.models import (
    Contact,
    Location,
    MunicipalityPage,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
)
from network.directory.models.services import LANGUAGE_NAMES
from taxonomy.models import Concept, Topic


@dataclass
class Row:
    table: str
    line: int
    values: dict


@dataclass
class Package:
    tables: dict = field(default_factory=dict)  # name -> [Row]
    errors: list = field(default_factory=list)  # "file.csv:line: message"

    def error(self, row_or_table, message, line=None):
        if isinstance(row_or_table, Row):
            self.errors.append(f"{row_or_table.table}.csv:{row_or_table.line}: {message}")
        else:
            where = f"{row_or_table}:{line}" if line else row_or_table
            self.errors.append(f"{where}: {message}")

    def rows(self, name):
        return self.tables.get(name, [])


class ImportRejected(Exception):
    def __init__(self, errors):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


def read_package(directory):
    """Reads datapackage.json and the CSVs it lists; structural problems become errors."""
    directory = Path(directory)
    package = Package()
    descriptor_path = directory / "datapackage.json"
    if not descriptor_path.is_file():
        package.error("datapackage.json", "fails nav atrasts")
        return package
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
        resources = {r["name"]: r.get("path", f"{r['name']}.csv") for r in descriptor["resources"]}
    except (ValueError, KeyError, TypeError) as error:
        package.error("datapackage.json", f"nav derīgs datapackage apraksts ({error})")
        return package
    for name, relative in resources.items():
        if name not in TABLES:
            continue  # other HSDS tables this portal does not keep
        path = (directory / relative).resolve()
        if directory.resolve() not in path.parents or not path.is_file():
            package.error(f"{name}.csv", f"fails “{relative}” nav atrasts")
            continue
        _read_table(package, name, path)
    for name in ("organizations", "services"):
        if name not in package.tables and not package.errors:
            package.error("datapackage.json", f"trūkst resursa “{name}”")
    return package


def _read_table(package, name, path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [c for c in REQUIRED[name] if c not in header]
        if missing:
            package.error(f"{name}.csv", f"trūkst kolonnu: {', '.join(missing)}", line=1)
            return
        rows = []
        try:
            start = reader.line_num + 1
            for values in reader:
                # The line where the record starts (a quoted field may span lines).
                clean = {k: (v or "").strip() for k, v in values.items() if k is not None}
                rows.append(Row(name, start, clean))
                start = reader.line_num + 1
        except (csv.Error, UnicodeDecodeError) as error:
            package.error(f"{name}.csv", f"nevar nolasīt ({error})", line=reader.line_num)
        package.tables[name] = rows


def validate(package):
    """Adds an error for every bad row; returns the package."""
    ids = {}
    for name in TABLES:
        seen = set()
        for row in package.rows(name):
            for column in REQUIRED[name]:
                if not row.values.get(column):
                    package.error(row, f"obligātais lauks “{column}” ir tukšs")
            raw_id = row.values.get("id", "")
            if raw_id:
                try:
                    row.values["id"] = str(uuid.UUID(raw_id))
                except ValueError:
                    package.error(row, f"id “{raw_id}” nav UUID")
                    continue
                if row.values["id"] in seen:
                    package.error(row, f"id “{raw_id}” atkārtojas")
                seen.add(row.values["id"])
        ids[name] = seen
    existing_orgs = {str(pk) for pk in Organization.objects.values_list("id", flat=True)}
    existing_locations = {str(pk) for pk in Location.objects.values_list("id", flat=True)}
    known = {"organizations": existing_orgs, "locations": existing_locations}
    for (table, column), target in REFERENCES.items():
        for row in package.rows(table):
            value = row.values.get(column, "")
            if not value:
                continue
            try:
                value = row.values[column] = str(uuid.UUID(value))
            except ValueError:
                package.error(row, f"“{column}” nav UUID")
                continue
            if value not in ids.get(target, set()) and value not in known.get(target, set()):
                package.error(row, f"“{column}” {value} nav atrasts failā {target}.csv")
    _validate_values(package)
    return package


def _validate_values(package):
    statuses = {choice for choice, _label in Service.Status.choices}
    for row in package.rows("services"):
        if row.values.get("status") and row.values["status"] not in statuses:
            package.error(row, f"status “{row.values['status']}” nav viens no {sorted(statuses)}")
        _check_date(package, row, "assured_date")
        _check_datetime(package, row, "last_modified")
        _check_bool(package, row)
    for row in package.rows("organizations"):
        _check_bool(package, row)
    for row in package.rows("locations"):
        _check_bool(package, row)
        for column in ("latitude", "longitude"):
            if row.values.get(column):
                try:
                    float(row.values[column])
                except ValueError:
                    package.error(row, f"“{column}” nav skaitlis")
    phone_types = {choice for choice, _label in Phone.Type.choices}
    for row in package.rows("phones"):
        if row.values.get("type") and row.values["type"] not in phone_types:
            package.error(row, f"type “{row.values['type']}” nav viens no {sorted(phone_types)}")
    for row in package.rows("schedules"):
        freq = row.values.get("freq", "") or "WEEKLY"
        if freq.upper() != "WEEKLY":
            package.error(row, "atbalstīts tikai freq=WEEKLY")
        days = [d.strip().upper() for d in row.values.get("byday", "").split(",") if d.strip()]
        if any(d not in DAY_BY_CODE for d in days):
            package.error(row, f"byday “{row.values.get('byday')}” nav MO..SU")
        times = [_parse_time(row.values.get(c, "")) for c in ("opens_at", "closes_at")]
        if row.values.get("opens_at") and row.values.get("closes_at"):
            if None in times:
                package.error(row, "opens_at/closes_at jābūt formātā HH:MM")
            elif times[1] <= times[0]:
                package.error(row, "closes_at jābūt pēc opens_at")
    for row in package.rows("languages"):
        if row.values.get("code") and row.values["code"].lower() not in LANGUAGE_NAMES:
            package.error(row, f"valodas kods “{row.values['code']}” nav atbalstīts")
    for row in package.rows("service_areas"):
        if row.values.get("name") and _municipality(row.values) is None:
            package.error(row, f"pašvaldība “{row.values['name']}” portālā nav atrasta")


def _check_date(package, row, column):
    if row.values.get(column):
        try:
            datetime.date.fromisoformat(row.values[column])
        except ValueError:
            package.error(row, f"“{column}” jābūt datumam GGGG-MM-DD")


def _check_datetime(package, row, column):
    if row.values.get(column):
        try:
            datetime.datetime.fromisoformat(row.values[column])
        except ValueError:
            package.error(row, f"“{column}” jābūt ISO 8601 laikam")


def _check_bool(package, row):
    if row.values.get("is_demo", "").lower() not in ("", "true", "false", "1", "0"):
        package.error(row, "is_demo jābūt true vai false")


def _parse_time(value):
    try:
        return datetime.time.fromisoformat(value)
    except ValueError:
        return None


def _bool(value):
    return (value or "").lower() in ("true", "1")


def _municipality(values):
    name, uri = values.get("name", ""), values.get("uri", "")
    found = MunicipalityPage.objects.filter(title__iexact=name).first()
    if found is None and (uri or name):
        found = MunicipalityPage.objects.filter(slug=slugify(uri or name)).first()
    return found


def import_package(directory, dry_run=False):
    """Validates then writes the package in one transaction; raises ImportRejected on any error.

    Returns {table: rows read}.
    """
    package = validate(read_package(directory))
    if package.errors:
        raise ImportRejected(package.errors)
    counts = {name: len(package.rows(name)) for name in TABLES}
    if not dry_run:
        with transaction.atomic():
            _write(package)
    return counts


def _grouped(package, table, key="service_id"):
    grouped = {}
    for row in package.rows(table):
        grouped.setdefault(row.values[key], []).append(row.values)
    return grouped


def _write(package):
    _write_organizations(package)
    _write_locations(package)
    _write_services(package, _write_terms(package))


def _write_organizations(package):
    for v in (row.values for row in package.rows("organizations")):
        Organization.objects.update_or_create(
            id=v["id"],
            defaults={
                "name": v["name"],
                "alternate_name": v.get("alternate_name", ""),
                "description": v.get("description", ""),
                "email": v.get("email", ""),
                "website": v.get("website", ""),
                "is_demo": _bool(v.get("is_demo")),
            },
        )


def _write_locations(package):
    addresses = {row.values["location_id"]: row.values for row in package.rows("addresses")}
    for v in (row.values for row in package.rows("locations")):
        address = addresses.get(v["id"], {})
        Location.objects.update_or_create(
            id=v["id"],
            defaults={
                "organization_id": v.get("organization_id") or None,
                "name": v["name"],
                "description": v.get("description", ""),
                "latitude": v.get("latitude") or None,
                "longitude": v.get("longitude") or None,
                "is_demo": _bool(v.get("is_demo")),
                "address_1": address.get("address_1", ""),
                "city": address.get("city", ""),
                "region": address.get("region") or address.get("state_province", ""),
                "postal_code": address.get("postal_code", ""),
                "country": address.get("country") or "LV",
            },
        )


def _write_terms(package):
    """The package's taxonomy terms as topics, or as concepts where the term is of the portal's
    vocabulary (existing slugs kept), by term id."""
    terms, parents = {}, {}
    for v in (row.values for row in package.rows("taxonomy_terms")):
        if v.get("taxonomy") == hsds.CONCEPT_TAXONOMY:
            description = v.get("description", "")
            term, created = Concept.objects.get_or_create(
                slug=v["code"], defaults={"label": v["name"], "definition": description}
            )
            if created and v.get("parent_id"):
                parents[term] = v["parent_id"]
        else:
            term, _created = Topic.objects.get_or_create(
                slug=v["code"],
                defaults={"name": v["name"], "description": v.get("description", "")},
            )
        terms[v["id"]] = term
    for concept, parent_id in parents.items():  # links, once every term exists
        concept.broader = terms.get(parent_id)
        concept.save()
    return terms


def _write_services(package, terms):
    attributes = _grouped(package, "attributes", key="link_id")
    areas = _grouped(package, "service_areas")
    languages = _grouped(package, "languages")
    children = {
        "contacts": _grouped(package, "contacts"),
        "phones": _grouped(package, "phones"),
        "schedules": _grouped(package, "schedules"),
        "service_at_locations": _grouped(package, "service_at_locations"),
    }
    for v in (row.values for row in package.rows("services")):
        service, _created = Service.objects.update_or_create(
            id=v["id"],
            defaults={
                "organization_id": v["organization_id"],
                "name": v["name"],
                "alternate_name": v.get("alternate_name", ""),
                "description": v.get("description", ""),
                "url": v.get("url", ""),
                "email": v.get("email", ""),
                "status": v["status"],
                "assured_date": v.get("assured_date") or None,
                "assurer_email": v.get("assurer_email", ""),
                "is_demo": _bool(v.get("is_demo")),
                "languages": ", ".join(lang["code"].lower() for lang in languages.get(v["id"], [])),
            },
        )
        linked = [terms[a["taxonomy_term_id"]] for a in attributes.get(v["id"], [])]
        service.topics.set([term for term in linked if isinstance(term, Topic)])
        service.concepts.set([term for term in linked if isinstance(term, Concept)])
        service.service_areas.set([_municipality(a) for a in areas.get(v["id"], [])])
        service.save()  # ParentalManyToManyField values are stored on save
        _replace_children(service, {name: rows.get(v["id"], []) for name, rows in children.items()})


def _replace_children(service, children):
    """The service's contacts, phones, hours and places become exactly the package's rows."""
    for manager in (service.contacts, service.phones, service.schedules):
        manager.all().delete()
    service.service_at_locations.all().delete()
    # update_or_create: a row id may have belonged to another service before.
    for order, v in enumerate(children["contacts"]):
        Contact.objects.update_or_create(
            id=v["id"],
            defaults={
                "service": service,
                "sort_order": order,
                "name": v.get("name", ""),
                "title": v.get("title", ""),
                "department": v.get("department", ""),
                "email": v.get("email", ""),
            },
        )
    for order, v in enumerate(children["phones"]):
        Phone.objects.update_or_create(
            id=v["id"],
            defaults={
                "service": service,
                "sort_order": order,
                "number": v["number"],
                "extension": v.get("extension", ""),
                "type": v.get("type") or Phone.Type.VOICE,
                "description": v.get("description", ""),
            },
        )
    for order, v in enumerate(children["schedules"]):
        days = [d.strip().upper() for d in v["byday"].split(",") if d.strip()]
        for index, code in enumerate(days):
            Schedule.objects.update_or_create(
                # One HSDS row may name several days; each day after the first gets its own id.
                id=v["id"] if index == 0 else hsds.derived_id("schedule", v["id"], code),
                defaults={
                    "service": service,
                    "sort_order": order,
                    "weekday": DAY_BY_CODE[code],
                    "opens_at": v["opens_at"],
                    "closes_at": v["closes_at"],
                    "description": v.get("description", ""),
                },
            )
    for order, v in enumerate(children["service_at_locations"]):
        ServiceAtLocation.objects.update_or_create(
            id=v["id"],
            defaults={
                "service": service,
                "sort_order": order,
                "location_id": v["location_id"],
                "description": v.get("description", ""),
            },
        )
