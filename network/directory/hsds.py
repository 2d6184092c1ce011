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


def organization_data(organization, with_services=False):
    data = {
        "id": str(organization.id),
        "name": organization.name,
        "alternate_name": organization.alternate_name,
        "description": organization.description,
        "email": organization.email,
        "website": organization.website,
        "last_modified": organization.last_modified.isoformat(),
    }
    if with_services:
        data["services"] = [
            {"id": str(s.id), "name": s.name, "status": s.status}
            for s in organization.services.order_by("name")
        ]
    return data


def address_data(location):
    if not (location.address_1 or location.city or location.postal_code):
        return []
    return [
        {
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
    ]


def location_data(location):
    return {
        "id": str(location.id),
        "location_type": "physical",
        "organization_id": text(location.organization_id),
        "name": location.name,
        "description": location.description,
        "latitude": float(location.latitude) if location.latitude is not None else None,
        "longitude": float(location.longitude) if location.longitude is not None else None,
        "addresses": address_data(location),
    }


def phone_data(phone):
    return {
        "id": str(phone.id),
        "service_id": str(phone.service_id),
        "number": phone.number,
        "extension": phone.extension,
        "type": phone.type,
        "description": phone.description,
    }


def contact_data(contact):
    return {
        "id": str(contact.id),
        "service_id": str(contact.service_id),
        "name": contact.name,
        "title": contact.title,
        "department": contact.department,
        "email": contact.email,
    }


def schedule_data(schedule):
    return {
        "id": str(schedule.id),
        "service_id": str(schedule.service_id),
        "freq": "WEEKLY",
        "byday": BYDAY[schedule.weekday],
        "opens_at": time_text(schedule.opens_at),
        "closes_at": time_text(schedule.closes_at),
        "description": schedule.description,
    }


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
    return data


def service_data(service):
    """The HSDS 3 service object with its related objects nested."""
    codes = [code.strip() for code in service.languages.split(",") if code.strip()]
    return {
        "id": str(service.id),
        "organization_id": str(service.organization_id),
        "organization": organization_data(service.organization),
        "name": service.name,
        "alternate_name": service.alternate_name,
        "description": service.description,
        "url": service.url,
        "email": service.email,
        "status": service.status,
        "assured_date": service.assured_date.isoformat() if service.assured_date else None,
        "last_modified": service.last_modified.isoformat(),
        "languages": [
            language_data(service, code, name)
            for code, name in zip(codes, service.language_names(), strict=True)
        ],
        "contacts": [contact_data(c) for c in service.contacts.all()],
        "phones": [phone_data(p) for p in service.phones.all()],
        "schedules": [schedule_data(s) for s in service.schedules.all()],
        "service_areas": [service_area_data(service, m) for m in service.service_areas.all()],
        "service_at_locations": [
            {
                "id": str(place.id),
                "service_id": str(service.id),
                "location_id": str(place.location_id),
                "description": place.description,
                "location": location_data(place.location),
            }
            for place in service.service_at_locations.all()
        ],
        "attributes": [
            *(attribute_data(service, topic) for topic in service.topics.all()),
            *(concept_attribute_data(service, concept) for concept in service.concepts.all()),
        ],
    }


def service_at_location_list_data(place):
    """One-to-one fields only (HSDS 3 service_at_location_list)."""
    return {
        "id": str(place.id),
        "service_id": str(place.service_id),
        "location_id": str(place.location_id),
        "description": place.description,
    }


def service_at_location_data(place):
    """Fully nested: the service's one-to-one fields and the location with its address."""
    data = service_at_location_list_data(place)
    data["service"] = service_list_data(place.service)
    data["location"] = location_data(place.location)
    return data
