"""Writes a validated HSDS 3 package (see hsds_import) into the directory.

Services in the package get exactly the contacts, phones, hours, places, topics, concepts,
areas and languages the package gives them; records get the demo flag their attributes give.
"""

from django.utils.text import slugify

from network.directory import hsds
from network.directory.interchange import DAY_BY_CODE
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
from taxonomy.models import Concept, Topic

OUR_TAXONOMIES = (hsds.TAXONOMY, hsds.CONCEPT_TAXONOMY, hsds.MARK_TAXONOMY)


def taxonomy_of(values):
    """Which of the portal's taxonomies a term is of, by name or by id; None for others."""
    for taxonomy in OUR_TAXONOMIES:
        if taxonomy == values.get("taxonomy") or values.get("taxonomy_id") == hsds.taxonomy_id(
            taxonomy
        ):
            return taxonomy
    return None


def municipality_of(values):
    """The portal's municipality a service area names (by title, or by slug in `uri`)."""
    name, uri = values.get("name", ""), values.get("uri", "")
    found = MunicipalityPage.objects.filter(title__iexact=name).first() if name else None
    if found is None and (uri or name):
        found = MunicipalityPage.objects.filter(slug=slugify(uri or name)).first()
    return found


def _description(values):
    """A description equal to the name is the export's stand-in for none."""
    description = values.get("description", "")
    return "" if description == values.get("name") else description


def _values(package, name):
    return [row.values for row in package.rows(name)]


def _grouped(package, name, key="service_id"):
    grouped = {}
    for values in _values(package, name):
        grouped.setdefault(values[key], []).append(values)
    return grouped


def write_package(package):
    marks = {
        v["id"]
        for v in _values(package, "taxonomy_term")
        if taxonomy_of(v) == hsds.MARK_TAXONOMY and v["code"] == hsds.DEMO_CODE
    }
    demo = {
        v["link_id"]
        for v in _values(package, "attribute")
        if v["taxonomy_term_id"] in marks and (v.get("value") or "true").lower() == "true"
    }
    for v in _values(package, "organization"):
        Organization.objects.update_or_create(
            id=v["id"],
            defaults={
                "name": v["name"],
                "alternate_name": v.get("alternate_name", ""),
                "description": _description(v),
                "email": v.get("email", ""),
                "website": v.get("website", ""),
                "is_demo": v["id"] in demo,
            },
        )
    _write_locations(package, demo)
    _write_services(package, _write_terms(package), demo)


def _write_locations(package, demo):
    addresses = {v["location_id"]: v for v in _values(package, "address")}
    for v in _values(package, "location"):
        address = addresses.get(v["id"], {})
        city = address.get("city", "")
        state_province = address.get("state_province", "")
        Location.objects.update_or_create(
            id=v["id"],
            defaults={
                "organization_id": v.get("organization_id") or None,
                # HSDS does not require a name; the portal does.
                "name": v.get("name") or address.get("address_1") or city or v["id"],
                "description": v.get("description", ""),
                "latitude": v.get("latitude") or None,
                "longitude": v.get("longitude") or None,
                "is_demo": v["id"] in demo,
                "address_1": address.get("address_1", ""),
                "city": city,
                # A state city is its own state_province (see hsds_export); a town's is its novads.
                "region": "" if state_province == city else state_province,
                "postal_code": address.get("postal_code", ""),
                "country": address.get("country") or "LV",
            },
        )


def _write_terms(package):
    """The portal's topics and concepts in the package, by term id (existing slugs kept)."""
    terms, parents = {}, {}
    for v in _values(package, "taxonomy_term"):
        taxonomy = taxonomy_of(v)
        if taxonomy == hsds.CONCEPT_TAXONOMY:
            term, created = Concept.objects.get_or_create(
                slug=v["code"], defaults={"label": v["name"], "definition": _description(v)}
            )
            if created and v.get("parent_id"):
                parents[term] = v["parent_id"]
        elif taxonomy == hsds.TAXONOMY:
            term, _created = Topic.objects.get_or_create(
                slug=v["code"], defaults={"name": v["name"], "description": _description(v)}
            )
        else:
            continue  # the marks: read as the demo flag
        terms[v["id"]] = term
    for concept, parent_id in parents.items():  # links, once every term exists
        concept.broader = terms.get(parent_id)
        concept.save()
    return terms


def _write_services(package, terms, demo):
    attributes = _grouped(package, "attribute", key="link_id")
    areas = _grouped(package, "service_area")
    languages = _grouped(package, "language")
    children = {
        name: _grouped(package, name)
        for name in ("contact", "phone", "schedule", "service_at_location")
    }
    for v in _values(package, "service"):
        codes = [lang["code"].lower() for lang in languages.get(v["id"], [])]
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
                "is_demo": v["id"] in demo,
                "languages": ", ".join(dict.fromkeys(codes)),
            },
        )
        term_ids = [a["taxonomy_term_id"] for a in attributes.get(v["id"], [])]
        linked = [terms[term_id] for term_id in term_ids if term_id in terms]
        service.topics.set([term for term in linked if isinstance(term, Topic)])
        service.concepts.set([term for term in linked if isinstance(term, Concept)])
        service.service_areas.set([municipality_of(a) for a in areas.get(v["id"], [])])
        service.save()  # ParentalManyToManyField values are stored on save
        _replace_children(service, {name: rows.get(v["id"], []) for name, rows in children.items()})


def _replace_children(service, children):
    """The service's contacts, phones, hours and places become exactly the package's rows."""
    for manager in (service.contacts, service.phones, service.schedules):
        manager.all().delete()
    service.service_at_locations.all().delete()
    # update_or_create: a row id may have belonged to another service before.
    for order, v in enumerate(children["contact"]):
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
    for order, v in enumerate(children["phone"]):
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
    _write_schedules(service, children["schedule"])
    for order, v in enumerate(children["service_at_location"]):
        ServiceAtLocation.objects.update_or_create(
            id=v["id"],
            defaults={
                "service": service,
                "sort_order": order,
                "location_id": v["location_id"],
                "description": v.get("description", ""),
            },
        )


def _write_schedules(service, rows):
    for order, v in enumerate(rows):
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
