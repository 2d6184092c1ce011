"""Open Referral HSDS 3 shapes of the directory: shared ids and the JSON objects of the API."""

import uuid

from django.db.models import Prefetch

from network.directory.hours import BYDAY
from network.directory.models import Service, ServiceAtLocation

HSDS_VERSION = "3.0"
HSDS_PROFILE = "https://docs.openreferral.org/en/latest/hsds/"
# The portal's two taxonomies: its topics, and its human-services vocabulary (concepts).
TAXONOMY = "mediatoru-tikls-temas"
CONCEPT_TAXONOMY = "mediatoru-tikls-vardnica"
# Portal-only facts (the demo flag) travel as HSDS attributes with a term of this taxonomy,
# HSDS's own extension mechanism, so objects stay valid with additional properties forbidden.
MARK_TAXONOMY = "mediatoru-tikls-pazimes"
DEMO_CODE = "demo"
TAXONOMY_NAMES = {
    TAXONOMY: "Mediatoru tīkla tēmas",
    CONCEPT_TAXONOMY: "Mediatoru tīkla vārdnīca",
    MARK_TAXONOMY: "Mediatoru tīkla pazīmes",
}
TAXONOMY_DESCRIPTIONS = {
    TAXONOMY: "Mediatora darba jomas, pēc kurām grupēts katalogs.",
    CONCEPT_TAXONOMY: "Sociālo pakalpojumu jēdzieni (pēc AIRS/211 parauga) ar sinonīmiem, "
    "sarunvalodas vārdiem, saīsinājumiem un angļu terminiem.",
    MARK_TAXONOMY: "Portāla pazīmes, kam HSDS nav sava lauka (piemēram, demonstrācijas ieraksts).",
}
# Stable ids for things that have no UUID of their own (topics, service areas, languages).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://mediatoru-tikls.example.org/hsds")


def derived_id(*parts):
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


def taxonomy_term_id(topic):
    return derived_id("topic", topic.slug)


def concept_term_id(concept):
    return derived_id("concept", concept.slug)


def taxonomy_id(taxonomy):
    return derived_id("taxonomy", taxonomy)


def taxonomy_data(taxonomy):
    """One of the portal's taxonomies (HSDS 3 taxonomy)."""
    return {
        "id": taxonomy_id(taxonomy),
        "name": TAXONOMY_NAMES[taxonomy],
        "description": TAXONOMY_DESCRIPTIONS[taxonomy],
        "version": "1",
    }


def demo_term_data():
    """The term that marks a record as demo content, not a real institution."""
    return {
        "id": derived_id("mark", DEMO_CODE),
        "code": DEMO_CODE,
        "name": "Demonstrācijas ieraksts",
        "description": "Izdomāts ieraksts portāla demonstrācijai; tā kontakti nav īsti.",
        "taxonomy": MARK_TAXONOMY,
        "taxonomy_id": taxonomy_id(MARK_TAXONOMY),
        "language": "lv",
    }


def demo_attribute_data(link_entity, record_id):
    """The demo flag of an organisation, service or location as an HSDS attribute."""
    term = demo_term_data()
    return {
        "id": derived_id("attribute", record_id, DEMO_CODE),
        "link_id": str(record_id),
        "link_type": link_entity,
        "link_entity": link_entity,
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
        "value": "true",
    }


def text(value):
    return "" if value is None else str(value)


def time_text(value):
    return value.strftime("%H:%M") if value else ""


def present(data, *required):
    """The object without its empty values ("" or None): HSDS leaves out what is unknown
    (an empty e-mail or URI is invalid). Values the schema requires stay, even empty."""
    return {k: v for k, v in data.items() if k in required or (v is not None and v != "")}


def marked(data, entity, record):
    """The object with the record's demo flag as an attribute, if it is demo content."""
    if record.is_demo:
        data["attributes"] = [*data.get("attributes", []), demo_attribute_data(entity, record.id)]
    return data


def services_queryset():
    """Services with everything the HSDS objects need, in few queries."""
    return Service.objects.select_related("organization").prefetch_related(
        "topics",
        "concepts__broader",
        "service_areas",
        "contacts",
        "phones",
        "schedules",
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location"),
        ),
    )


ORGANIZATION_FIELDS = ["name", "alternate_name", "description", "email", "website"]


def organization_list_data(organization):
    """An organisation's one-to-one fields (HSDS 3 organization_list)."""
    data = {"id": str(organization.id)}
    data.update({name: getattr(organization, name) for name in ORGANIZATION_FIELDS})
    return present(data, "description")  # schema/organization.json requires a description


def organization_data(organization, services=None):
    """The organisation with its locations and the demo flag (HSDS 3 organization);
    `services`, when given, are the objects of its services."""
    data = organization_list_data(organization)
    data["locations"] = [location_data(location) for location in organization.locations.all()]
    if services is not None:
        data["services"] = services
    return marked(data, "organization", organization)


def service_summary_data(service):
    """A service as an organisation lists it when not fully nested: what HSDS requires."""
    return {"id": str(service.id), "name": service.name, "status": service.status}


# schema/address.json requires these; an address with some of them unknown keeps them empty.
ADDRESS_REQUIRED = ("address_1", "city", "state_province", "postal_code", "country")


def address_data(location):
    if not (location.address_1 or location.city or location.postal_code):
        return []
    address = {
        "id": derived_id("address", location.id),
        "location_id": str(location.id),
        "address_1": location.address_1,
        "city": location.city,
        "region": location.region,
        "state_province": location.region,
        "postal_code": location.postal_code,
        "country": location.country,
        "address_type": "physical",
    }
    return [present(address, *ADDRESS_REQUIRED)]


def coordinate(value):
    return float(value) if value is not None else None


def location_data(location):
    data = {
        "id": str(location.id),
        "location_type": "physical",
        "organization_id": text(location.organization_id),
        "name": location.name,
        "description": location.description,
        "latitude": coordinate(location.latitude),
        "longitude": coordinate(location.longitude),
    }
    data = present(data)
    data["addresses"] = address_data(location)
    return marked(data, "location", location)


def phone_data(phone):
    """The extension stays text here (the datapackage writes it); the API's is a number."""
    data = {
        "id": str(phone.id),
        "service_id": str(phone.service_id),
        "number": phone.number,
        "extension": phone.extension,
        "type": phone.type,
        "description": phone.description,
    }
    return present(data)


def api_phone(phone):
    """HSDS's extension is a number: digits become one, anything else goes to the note."""
    extension = phone.pop("extension", "")
    if extension.isdigit():
        phone["extension"] = int(extension)
    elif extension:
        note = f"{phone.get('description', '')} ({extension})"
        phone["description"] = note.strip()
    return phone


def contact_data(contact):
    data = {
        "id": str(contact.id),
        "service_id": str(contact.service_id),
        "name": contact.name,
        "title": contact.title,
        "department": contact.department,
        "email": contact.email,
    }
    return present(data)


def schedule_data(schedule):
    data = {
        "id": str(schedule.id),
        "service_id": str(schedule.service_id),
        "freq": "WEEKLY",
        "byday": BYDAY[schedule.weekday],
        "opens_at": time_text(schedule.opens_at),
        "closes_at": time_text(schedule.closes_at),
        "description": schedule.description,
    }
    return present(data)


def taxonomy_term_data(topic):
    return {
        "id": taxonomy_term_id(topic),
        "code": topic.slug,
        "name": topic.name,
        "description": topic.description,
        "taxonomy": TAXONOMY,
        "taxonomy_id": taxonomy_id(TAXONOMY),
        "language": "lv",
    }


def concept_term_data(concept):
    """A vocabulary concept as an HSDS taxonomy term; its broader concept is the parent."""
    data = {
        "id": concept_term_id(concept),
        "code": concept.slug,
        "name": concept.label,
        "description": concept.definition,
        "taxonomy": CONCEPT_TAXONOMY,
        "taxonomy_id": taxonomy_id(CONCEPT_TAXONOMY),
        "language": "lv",
    }
    if concept.broader_id:
        data["parent_id"] = concept_term_id(concept.broader)
    return data


def attribute_data(service, topic):
    return _attribute(service, topic.slug, taxonomy_term_data(topic))


def concept_attribute_data(service, concept):
    return _attribute(service, f"concept:{concept.slug}", concept_term_data(concept))


def _attribute(service, key, term):
    return {
        "id": derived_id("attribute", service.id, key),
        "link_id": str(service.id),
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }


def service_area_data(service, municipality):
    return {
        "id": derived_id("service_area", service.id, municipality.slug),
        "service_id": str(service.id),
        "name": municipality.title,
        "extent_type": "municipality",
        "uri": municipality.slug,
    }


def language_data(service, code, name):
    return {
        "id": derived_id("language", service.id, code),
        "service_id": str(service.id),
        "code": code,
        "name": name,
    }


SERVICE_FIELDS = ["name", "alternate_name", "description", "url", "email", "status"]


def service_list_data(service):
    """A service with its one-to-one fields only (HSDS 3 service_list)."""
    data = {"id": str(service.id), "organization_id": str(service.organization_id)}
    data.update({name: getattr(service, name) for name in SERVICE_FIELDS})
    data["assured_date"] = service.assured_date.isoformat() if service.assured_date else None
    data["last_modified"] = service.last_modified.isoformat()
    return present(data)


def service_minimal_data(service):
    """For `minimal=true`: the id and when it changed, with what the schema requires."""
    return {
        "id": str(service.id),
        "name": service.name,
        "status": service.status,
        "last_modified": service.last_modified.isoformat(),
    }


def place_data(place):
    """A service_at_location's one-to-one fields (HSDS 3 service_at_location_list)."""
    data = {
        "id": str(place.id),
        "service_id": str(place.service_id),
        "location_id": str(place.location_id),
        "description": place.description,
    }
    return present(data)


def service_data(service):
    """The HSDS 3 service object with its related objects nested (the demo flag of the
    service itself: see api_service)."""
    codes = [code.strip() for code in service.languages.split(",") if code.strip()]
    data = service_list_data(service)
    data.update(
        {
            "organization": organization_list_data(service.organization),
            "languages": [
                language_data(service, code, name)
                for code, name in zip(codes, service.language_names(), strict=True)
            ],
            "contacts": [contact_data(c) for c in service.contacts.all()],
            "phones": [phone_data(p) for p in service.phones.all()],
            "schedules": [schedule_data(s) for s in service.schedules.all()],
            "service_areas": [service_area_data(service, m) for m in service.service_areas.all()],
            "service_at_locations": [
                {**place_data(place), "location": location_data(place.location)}
                for place in service.service_at_locations.all()
            ],
            "attributes": [
                *(attribute_data(service, topic) for topic in service.topics.all()),
                *(concept_attribute_data(service, c) for c in service.concepts.all()),
            ],
        }
    )
    marked(data["organization"], "organization", service.organization)
    return data


def api_service(service):
    """The service as the API gives it: service_data with the demo flag and numeric
    phone extensions (the datapackage writes those itself)."""
    data = service_data(service)
    data["phones"] = [api_phone(phone) for phone in data["phones"]]
    return marked(data, "service", service)


def service_at_location_data(place):
    """Fully nested (HSDS 3 service_at_location): the service and the location."""
    service = api_service(place.service)
    del service["service_at_locations"]  # the schema nests the service without them
    return {**place_data(place), "service": service, "location": location_data(place.location)}
