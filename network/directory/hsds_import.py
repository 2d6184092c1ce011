"""HSDS 3 tabular datapackage import (ours or another HSDS 3.0 publisher's), validated.

Files and columns are found by the official names, so column order and extra columns do not
matter. Every row is checked first; nothing is written unless all rows are valid, and then
everything is written in one transaction. Each problem names its file:line.
- An error rejects the import: what the official descriptor forbids (an empty required field;
  a bad UUID, number, date, time, e-mail or URI; a value outside an enum; a repeated id), a
  reference the portal needs that points nowhere (a service's organisation, a place's service or
  location, the service of a contact/phone/schedule/language/area, an attribute's term), and
  what the portal cannot hold (a value longer than its field, closing before opening).
- A warning leaves the row or value out and imports the rest: valid HSDS the portal has no place
  for (tables it does not keep, rows of an organisation or location only, other taxonomies,
  schedules that are not weekly hours, unknown languages, areas that are not municipalities,
  coordinates off the globe, links to records that are in neither the package nor the portal).
"""

import csv
import datetime
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import DatabaseError, models, transaction

from network.directory import hsds
from network.directory.hsds_write import municipality_of, taxonomy_of, write_package
from network.directory.interchange import DAY_BY_CODE, RESOURCES, fields, required
from network.directory.models import (
    Contact,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
)
from network.directory.models.services import LANGUAGE_NAMES

KEPT = (
    "organization",
    "location",
    "address",
    "service",
    "service_at_location",
    "contact",
    "phone",
    "schedule",
    "language",
    "service_area",
    "taxonomy",
    "taxonomy_term",
    "attribute",
)
SERVICE_CHILDREN = ("contact", "phone", "schedule", "language", "service_area")
MODELS = {
    "organization": Organization,
    "location": Location,
    "address": Location,
    "service": Service,
    "service_at_location": ServiceAtLocation,
    "contact": Contact,
    "phone": Phone,
    "schedule": Schedule,
}
TYPE_CHECKS = {
    "number": (float, "nav skaitlis"),
    "date": (datetime.date.fromisoformat, "jābūt datumam GGGG-MM-DD"),
    "datetime": (datetime.datetime.fromisoformat, "jābūt ISO 8601 laikam"),
    "time": (datetime.time.fromisoformat, "jābūt laikam HH:MM vai HH:MM:SS"),
}
FORMAT_CHECKS = {
    "uuid": (uuid.UUID, "nav UUID"),
    "email": (validate_email, "nav e-pasta adrese"),
    "uri": (URLValidator(), "nav URI (piemēram, https://…)"),
}


@dataclass
class Row:
    file: str
    line: int
    values: dict
    skipped: bool = False


@dataclass
class Package:
    tables: dict = field(default_factory=dict)  # resource name -> [Row]
    errors: list = field(default_factory=list)  # "file.csv:line: message"
    unreadable: set = field(default_factory=set)  # resources whose file could not be read
    warnings: list = field(default_factory=list)

    def error(self, where, message):
        self.errors.append(f"{_where(where)}: {message}")

    def warn(self, where, message):
        self.warnings.append(f"{_where(where)}: {message}")

    def skip(self, row, message):
        """Leaves a row out (a warning, not an error)."""
        row.skipped = True
        self.warn(row, f"{message}; rinda netiek ievietota")

    def rows(self, name):
        return [row for row in self.tables.get(name, []) if not row.skipped]


def _where(where):
    return f"{where.file}:{where.line}" if isinstance(where, Row) else where


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
        package.error("datapackage.json", f"fails nav atrasts mapē {directory}")
        return package
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
        paths = {r["name"]: r.get("path", f"{r['name']}.csv") for r in descriptor["resources"]}
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        package.error("datapackage.json", f"nav derīgs datapackage apraksts ({error})")
        return package
    for name, relative in paths.items():
        if name not in RESOURCES:
            continue  # not an HSDS resource
        path = (directory / str(relative)).resolve()
        if directory.resolve() not in path.parents or not path.is_file():
            package.error(str(relative), "fails nav atrasts")
            continue
        _read_table(package, name, path, str(relative))
    for name in ("organization", "service"):
        if name not in paths and not package.errors:
            package.error("datapackage.json", f"trūkst resursa “{name}”")
    return package


def _read_table(package, name, path, relative):
    rows, line = [], 0  # line: the last line read
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [column for column in required(name) if column not in header]
            if missing:
                raise csv.Error(f"trūkst kolonnu: {', '.join(missing)}")
            line = reader.line_num
            for values in reader:
                # The line where the record starts (a quoted field may span lines).
                clean = {k: (v or "").strip() for k, v in values.items() if k is not None}
                rows.append(Row(relative, line + 1, clean))
                line = reader.line_num
    except UnicodeDecodeError:
        package.error(relative, "fails nav UTF-8 kodējumā")
    except (OSError, csv.Error) as error:  # a missing column, a broken quote, no access
        package.error(f"{relative}:{line + 1}", str(error))
    else:
        _keep_table(package, name, rows, relative)
        return
    package.unreadable.add(name)


def _keep_table(package, name, rows, relative):
    if name in KEPT:
        package.tables[name] = rows
    elif rows:
        package.warn(relative, f"{len(rows)} rindas netiek ievietotas (portāls šādus neglabā)")


def validate(package):
    """Adds an error for every bad row (and a warning for every row left out)."""
    for name in KEPT:
        seen = set()
        for row in package.rows(name):
            _check_fields(package, name, row)
            if row.values.get("id") in seen:
                package.error(row, f"id “{row.values['id']}” atkārtojas")
            seen.add(row.values.get("id"))
    _check_references(package)
    _check_values(package)
    _check_lengths(package)
    return package


def _check_fields(package, name, row):
    """Required fields, enums, types and formats, as the official descriptor gives them."""
    for spec in fields(name):
        column = spec["name"]
        value = row.values.get(column, "")
        if not value:
            if spec["constraints"]["required"]:
                package.error(row, f"obligātais lauks “{column}” ir tukšs")
            continue
        enum = spec["constraints"].get("enum")
        if enum and value not in enum:
            package.error(row, f"“{column}” “{value}” nav viens no: {', '.join(enum)}")
        for check in (TYPE_CHECKS.get(spec["type"]), FORMAT_CHECKS.get(spec.get("format"))):
            if check is None:
                continue
            try:
                check[0](value)
            except (ValueError, ValidationError):
                package.error(row, f"“{column}” “{value}” {check[1]}")
                break
        else:
            if spec.get("format") == "uuid":
                row.values[column] = str(uuid.UUID(value))


def _ids(package):
    ids = {name: {row.values.get("id") for row in package.rows(name)} for name in KEPT}
    ids["organization"] |= {str(pk) for pk in Organization.objects.values_list("id", flat=True)}
    ids["location"] |= {str(pk) for pk in Location.objects.values_list("id", flat=True)}
    return ids


def _check_references(package):
    ids = _ids(package)
    needed = [
        ("service", "organization_id", "organization"),
        ("service_at_location", "service_id", "service"),
        ("service_at_location", "location_id", "location"),
        ("attribute", "taxonomy_term_id", "taxonomy_term"),
        *((child, "service_id", "service") for child in SERVICE_CHILDREN),
    ]
    for name, column, target in needed:
        if target in package.unreadable:
            continue  # said once already
        for row in package.rows(name):
            value = row.values.get(column)
            if value and value not in ids[target]:
                package.error(row, f"“{column}” {value} nav atrasts ne paketē, ne portālā")
    for name in SERVICE_CHILDREN:
        for row in package.rows(name):
            if not row.values.get("service_id"):
                package.skip(row, "nav “service_id” (portāls glabā tikai pakalpojumu datus)")
    for row in package.rows("address"):
        if row.values.get("location_id") not in ids["location"]:
            package.skip(row, "adreses vieta (“location_id”) nav ne paketē, ne portālā")
    for name, column, target in [
        ("location", "organization_id", "organization"),
        ("taxonomy_term", "parent_id", "taxonomy_term"),
    ]:
        for row in package.rows(name):
            value = row.values.get(column)
            if value and value not in ids[target]:
                row.values[column] = ""
                package.warn(row, f"“{column}” {value} nav atrasts; saite netiek ievietota")


def _check_values(package):
    for row in package.rows("service"):
        if row.values.get("status") == "temporarily closed":
            row.values["status"] = Service.Status.INACTIVE
    for row in package.rows("location"):
        _check_coordinates(package, row)
    phone_types = {choice for choice, _label in Phone.Type.choices}
    for row in package.rows("phone"):
        row.values["number"] = row.values.get("number", "").strip('"')
        if row.values.get("type", "voice") not in phone_types:
            kind = row.values["type"]
            package.warn(row, f"tālruņa veids “{kind}” portālā nav zināms; saglabāts kā voice")
            row.values["type"] = Phone.Type.VOICE
    for row in package.rows("schedule"):
        _check_schedule(package, row)
    for row in package.rows("language"):
        if row.values.get("code", "").lower() not in LANGUAGE_NAMES:
            package.skip(row, f"valodas kods “{row.values.get('code', '')}” portālā nav zināms")
    for row in package.rows("service_area"):
        if municipality_of(row.values) is not None:
            continue
        name = row.values.get("name", "")
        if row.values.get("extent_type") == "municipality":
            package.error(row, f"pašvaldība “{name}” portālā nav atrasta")
        else:
            package.skip(row, f"apkalpes teritorija “{name[:60]}” nav portāla pašvaldība")
    _check_terms(package)


def _check_coordinates(package, row):
    try:
        latitude = float(row.values.get("latitude") or 0)
        longitude = float(row.values.get("longitude") or 0)
    except ValueError:
        return  # already an error
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        package.warn(row, "koordinātas ārpus zemeslodes; netiek ievietotas")
        row.values["latitude"] = row.values["longitude"] = ""


def _check_schedule(package, row):
    v = row.values
    repeats = [v.get(c) for c in ("byweekno", "bymonthday", "byyearday")]
    weekly = (v.get("freq") or "WEEKLY") == "WEEKLY" and v.get("interval", "1") in ("", "1")
    hours = all(v.get(c) for c in ("byday", "opens_at", "closes_at"))
    if not (weekly and hours and not any(repeats)):
        package.skip(row, "nav vienkāršs nedēļas darba laiks (WEEKLY, byday, opens_at, closes_at)")
        return
    days = [day.strip().upper() for day in v["byday"].split(",") if day.strip()]
    if any(day not in DAY_BY_CODE for day in days):
        package.error(row, f"byday “{v['byday']}” nav MO..SU")
    try:
        times = [datetime.time.fromisoformat(v[c]) for c in ("opens_at", "closes_at")]
    except ValueError:
        return  # already an error
    if times[1] <= times[0]:
        package.error(row, "closes_at jābūt pēc opens_at")


def _check_terms(package):
    kept = set()
    for row in package.rows("taxonomy_term"):
        taxonomy = taxonomy_of(row.values)
        if taxonomy is None:
            package.skip(row, f"taksonomija “{row.values.get('taxonomy', '')}” nav portāla")
        elif not row.values.get("code"):
            package.error(row, "portāla taksonomijas terminam jābūt “code”")
        elif taxonomy == hsds.MARK_TAXONOMY and row.values["code"] != hsds.DEMO_CODE:
            package.skip(row, f"pazīme “{row.values['code']}” portālā nav zināma")
        else:
            kept.add(row.values["id"])
    records = {
        entity: {row.values["id"] for row in package.rows(entity)}
        for entity in ("organization", "location", "service")
    }
    for row in package.rows("attribute"):
        if row.values.get("taxonomy_term_id") not in kept:
            row.skipped = True  # its term is not the portal's (already said)
        elif row.values["link_id"] not in records.get(row.values["link_entity"], ()):
            package.skip(row, f"“link_id” nav {row.values['link_entity']} šajā paketē")


def _check_lengths(package):
    for name, model in MODELS.items():
        for row in package.rows(name):
            for column, value in row.values.items():
                try:
                    model_field = model._meta.get_field(column)
                except FieldDoesNotExist:
                    continue
                limit = model_field.max_length if isinstance(model_field, models.CharField) else 0
                if limit and len(value) > limit:
                    package.error(row, f"“{column}” garāks par {limit} zīmēm")


def import_package(directory, dry_run=False):
    """Validates then writes the package in one transaction; raises ImportRejected on any error.

    Returns ({file: rows imported}, [warnings]).
    """
    package = validate(read_package(directory))
    if package.errors:
        raise ImportRejected(package.errors)
    counts = {}
    for name in KEPT:
        if package.rows(name):
            counts[package.rows(name)[0].file] = len(package.rows(name))
    if not dry_run:
        try:
            with transaction.atomic():
                write_package(package)
        except (DatabaseError, ValidationError) as error:
            raise ImportRejected([f"datubāzes kļūda, nekas netika mainīts: {error}"]) from None
    return counts, package.warnings
