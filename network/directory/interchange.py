"""HSDS 3 tabular datapackage: the official descriptor (hsds_spec/datapackage.json), read once.

File names, columns and their order, required columns, types and references all come from it;
`hsds_export` writes every resource it lists and `hsds_import` checks rows against it.
"""

import json
from pathlib import Path

from network.directory.hours import BYDAY

OFFICIAL_DESCRIPTOR = Path(__file__).parent / "hsds_spec" / "datapackage.json"
DESCRIPTOR = json.loads(OFFICIAL_DESCRIPTOR.read_text(encoding="utf-8"))
RESOURCES = {resource["name"]: resource for resource in DESCRIPTOR["resources"]}
DAY_BY_CODE = {code: day for day, code in BYDAY.items()}


def file_name(resource):
    return RESOURCES[resource]["path"]


def fields(resource):
    """The resource's field descriptors, in the official column order."""
    return RESOURCES[resource]["schema"]["fields"]


def columns(resource):
    return [field["name"] for field in fields(resource)]


def required(resource):
    return [field["name"] for field in fields(resource) if field["constraints"]["required"]]


def references(resource):
    """{column: the resource its ids refer to}."""
    return {
        key["fields"]: key["reference"]["resource"]
        for key in RESOURCES[resource]["schema"].get("foreignKeys", [])
    }
