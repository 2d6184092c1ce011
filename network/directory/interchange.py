"""HSDS 3 tabular datapackage (CSV files + datapackage.json): the files and columns it holds.

Written by `hsds_export`, read back (validated first) by `hsds_import`.
"""

from network.directory.hours import BYDAY

# file name -> columns, in order. `is_demo` is this portal's extension (declared in the schema).
TABLES = {
    "organizations": [
        "id",
        "name",
        "alternate_name",
        "description",
        "email",
        "website",
        "is_demo",
    ],
    "services": [
        "id",
        "organization_id",
        "name",
        "alternate_name",
        "description",
        "url",
        "email",
        "status",
        "assured_date",
        "assurer_email",
        "last_modified",
        "is_demo",
    ],
    "locations": [
        "id",
        "location_type",
        "organization_id",
        "name",
        "description",
        "latitude",
        "longitude",
        "is_demo",
    ],
    "addresses": [
        "id",
        "location_id",
        "address_1",
        "city",
        "region",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ],
    "service_at_locations": ["id", "service_id", "location_id", "description"],
    "contacts": ["id", "service_id", "name", "title", "department", "email"],
    "phones": ["id", "service_id", "number", "extension", "type", "description"],
    "schedules": ["id", "service_id", "freq", "byday", "opens_at", "closes_at", "description"],
    "languages": ["id", "service_id", "name", "code"],
    "service_areas": ["id", "service_id", "name", "extent_type", "uri"],
    "taxonomy_terms": ["id", "code", "name", "description", "parent_id", "taxonomy", "language"],
    "attributes": ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity"],
}
REQUIRED = {
    "organizations": ["id", "name"],
    "services": ["id", "organization_id", "name", "status"],
    "locations": ["id", "name"],
    "addresses": ["id", "location_id"],
    "service_at_locations": ["id", "service_id", "location_id"],
    "contacts": ["id", "service_id"],
    "phones": ["id", "service_id", "number"],
    "schedules": ["id", "service_id", "byday", "opens_at", "closes_at"],
    "languages": ["id", "service_id", "code"],
    "service_areas": ["id", "service_id", "name"],
    "taxonomy_terms": ["id", "code", "name"],
    "attributes": ["id", "link_id", "taxonomy_term_id"],
}
# Columns holding ids: (file, column) -> the file whose `id` it refers to.
REFERENCES = {
    ("services", "organization_id"): "organizations",
    ("locations", "organization_id"): "organizations",
    ("addresses", "location_id"): "locations",
    ("service_at_locations", "service_id"): "services",
    ("service_at_locations", "location_id"): "locations",
    ("contacts", "service_id"): "services",
    ("phones", "service_id"): "services",
    ("schedules", "service_id"): "services",
    ("languages", "service_id"): "services",
    ("service_areas", "service_id"): "services",
    ("attributes", "link_id"): "services",
    ("attributes", "taxonomy_term_id"): "taxonomy_terms",
    ("taxonomy_terms", "parent_id"): "taxonomy_terms",
}
FIELD_TYPES = {
    "assured_date": "date",
    "last_modified": "datetime",
    "latitude": "number",
    "longitude": "number",
    "is_demo": "boolean",
}
DAY_BY_CODE = {code: day for day, code in BYDAY.items()}
