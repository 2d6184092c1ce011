"""The official HSDS 3.0 schemas (network/directory/hsds_spec/) as JSON Schema validators.

Two modes, as in the specification's own CI: "normal" (the schemas as published) and "strict"
(compiletojsonschema --set-additional-properties-false-everywhere: no property the schema does
not name, at any depth). Formats are checked, "uri" and "date-time" too (jsonschema needs extra
libraries for those two; RFC 3986 and RFC 3339 are checked here instead).
"""

import copy
import datetime
import json
import re
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

SPEC = Path(__file__).resolve().parents[1] / "hsds_spec" / "schema"
MODES = ("normal", "strict")
# The schema each kind of object is checked against: a compiled file, a schema file whose
# references are resolved here, or a response schema of openapi.json.
COMPILED = {
    "service": "compiled/service.json",
    "service_list": "compiled/service_list.json",
    "organization": "compiled/organization.json",
    "organization_list": "compiled/organization_list.json",
    "service_at_location": "compiled/service_at_location.json",
    "service_at_location_list": "compiled/service_at_location_list.json",
    "taxonomy": "taxonomy.json",
    "taxonomy_term": "taxonomy_term.json",
}
# RFC 3986: a scheme, then only characters a URI may hold (unreserved, reserved, %-escapes).
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+\-]\d{2}:\d{2})"  # RFC 3339
)

format_checker = FormatChecker()


@format_checker.checks("uri")
def is_uri(value):
    return not isinstance(value, str) or bool(URI.fullmatch(value))


@format_checker.checks("date-time")
def is_date_time(value):
    if not isinstance(value, str):
        return True
    if not DATE_TIME.fullmatch(value):
        return False
    try:
        datetime.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _load(name):
    return json.loads((SPEC / name).read_text(encoding="utf-8"))


def _resolved(schema):
    """References to sibling schema files ("metadata.json") replaced by the files themselves."""
    if isinstance(schema, list):
        return [_resolved(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    resolved = {key: _resolved(value) for key, value in schema.items() if key != "$ref"}
    if str(schema.get("$ref", "")).endswith(".json"):  # beside it only titles and notes
        return {**_resolved(_load(schema["$ref"])), **resolved}
    return resolved


def strict(schema):
    """The schema with additionalProperties false on every object it describes."""
    schema = copy.deepcopy(schema)
    _forbid_additional(schema)
    return schema


def _forbid_additional(node):
    if isinstance(node, list):
        for item in node:
            _forbid_additional(item)
    elif isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            node["additionalProperties"] = False
        for value in node.values():  # a "properties" mapping holds schemas: walked alike
            _forbid_additional(value)


def _openapi_schemas():
    """The root's and the page envelope's schemas, from openapi.json."""
    openapi = _load("openapi.json")
    root = openapi["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]
    page = copy.deepcopy(openapi["components"]["schemas"]["Page"])
    page["properties"]["contents"] = {"type": "array"}  # items are checked one by one
    page["required"] = ["contents"]
    return {"root": root["schema"], "page": page}


@cache
def schemas():
    found = {kind: _resolved(_load(name)) for kind, name in COMPILED.items()}
    found.update(_openapi_schemas())
    return found


@cache
def validator(kind, mode):
    schema = schemas()[kind]
    if mode == "strict":
        schema = strict(schema)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=format_checker)


def errors(kind, data, mode):
    """Each error as "path: message", e.g. "phones/0/extension: '12' is not of type 'number'"."""
    found = validator(kind, mode).iter_errors(data)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(object)'}: {e.message}" for e in found]
