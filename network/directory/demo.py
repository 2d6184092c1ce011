"""Demo content of the network app: the seed's municipalities, their practice facts and the
institutions the seed names for each, as a directory marked as demo data.

Only what the seminar slides say: no phone numbers, e-mails, addresses or hours are invented.
Ids are UUID5 of names, so loading twice finds the same records.
"""

import uuid
from decimal import Decimal
from functools import cache
from pathlib import Path

from network.directory.models import (
    Contact,
    Location,
    MunicipalityIndexPage,
    MunicipalityPage,
    Organization,
    Service,
    ServiceAtLocation,
)
from portal.core import demo_data
from portal.core.demo_data import get_or_create_child
from taxonomy.models import Concept, Topic

DEMO_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://mediatoru-tikls.example.org/demo")
DATA = Path(__file__).resolve().parent / "data" / "demo"


@cache
def directory():
    """The seed's institutions, as `data/demo/directory.yaml` lists them."""
    return demo_data.read(DATA / "directory.yaml")["services"]


def demo_id(*parts):
    return uuid.uuid5(DEMO_NAMESPACE, ":".join(parts))


def load_base(site, log):
    """The municipalities: other apps' demo content links to them."""
    home = site.root_page.specific
    index_page, _ = get_or_create_child(
        home,
        MunicipalityIndexPage,
        "pasvaldibas",
        title="Pašvaldības",
        show_in_menus=True,
        intro="<p>Pašvaldības, kurās strādā romu mediatori, un iestādes, ar kurām viņi "
        "sadarbojas. Katalogs ir demo dati no semināra materiāliem: kontakti nav norādīti.</p>",
    )
    seed = demo_data.read(DATA / "municipalities.yaml")
    for row in seed["municipalities"]:
        facts = dict(row.get("facts", {}))
        if facts:
            facts["facts_source"] = seed["facts_source"]
        if "latitude" in row:
            facts["latitude"], facts["longitude"] = (
                Decimal(row["latitude"]),
                Decimal(row["longitude"]),
            )
        page, created = get_or_create_child(
            index_page,
            MunicipalityPage,
            row["slug"],
            title=row["title"],
            name_locative=row["name_locative"],
            name_genitive=row["name_genitive"],
            region=row["region"],
            summary=row["summary"],
            **facts,
        )
        if not created:
            fill_blank_facts(page, {"summary": row["summary"], **facts})
    if home.municipalities_page_id is None:
        home.municipalities_page = index_page
        home.save_revision().publish()
    log(f"network: {len(seed['municipalities'])} municipalities")


def load(site, log):
    index_page = MunicipalityIndexPage.objects.descendant_of(site.root_page).get(slug="pasvaldibas")
    services = load_directory(index_page)
    log(f"network: {services} demo directory services (no contact details invented)")


def fill_blank_facts(page, facts):
    """Pages made by an older loader get the seed's facts; values editors set are kept."""
    blank = {
        field: value
        for field, value in facts.items()
        if value not in ("", None) and getattr(page, field) in ("", None)
    }
    if blank:
        for field, value in blank.items():
            setattr(page, field, value)
        page.save_revision().publish()


def load_directory(index_page):
    municipalities = {m.slug: m for m in MunicipalityPage.objects.child_of(index_page)}
    topics = {t.slug: t for t in Topic.objects.all()}
    for entry in directory():
        org_name, service_name, city = entry["organization"], entry["service"], entry["city"]
        organization, _ = Organization.objects.get_or_create(
            id=demo_id("organization", org_name), defaults={"name": org_name, "is_demo": True}
        )
        service, created = Service.objects.get_or_create(
            id=demo_id("service", org_name, service_name),
            defaults={
                "organization": organization,
                "name": service_name,
                "description": entry["description"],
                "is_demo": True,
            },
        )
        if not created:
            continue  # editors may have changed it since; keep their version
        service.topics.set([topics[s] for s in entry["topics"] if s in topics])
        service.concepts.set(Concept.objects.filter(slug__in=entry.get("concepts", [])))
        service.service_areas.set(
            [municipalities[s] for s in entry["areas"] if s in municipalities]
        )
        service.save()
        for order, role in enumerate(entry["roles"]):
            Contact.objects.create(
                id=demo_id("contact", org_name, service_name, role),
                service=service,
                title=role,
                sort_order=order,
            )
        if city:
            location, _ = Location.objects.get_or_create(
                id=demo_id("location", org_name),
                defaults={
                    "name": org_name,
                    "city": city,
                    "organization": organization,
                    "is_demo": True,
                },
            )
            ServiceAtLocation.objects.create(
                id=demo_id("service_at_location", org_name, service_name),
                service=service,
                location=location,
            )
    return len(directory())
