"""How the directory becomes search documents: municipalities (the places questions name),
and services and organisations read as plain rows in batches, the bulk of the index.

The row text mirrors Service.search_text() and Organization.search_text() next door;
search/tests/test_references.py compares the two.
"""

from datetime import time

from django.utils.translation import gettext_lazy as _

from network.directory.hours import opening_status
from network.directory.models.services import HoursRow
from search.registry import Group
from search.sources import (
    DirectorySource,
    PageSource,
    UrlTemplate,
    field_lookups,
    grouped,
    join_parts,
)

# Whom to call: the directory's results come first on the search page.
CONTACTS = Group("contacts", _("Kam zvanīt"), order=1)
# A location's address as Location.address_text joins it, then its name when it has none.
ADDRESS_FIELDS = ("address_1", "city", "postal_code", "name")


class ServiceSource(DirectorySource):
    row_fields = (
        "pk",
        "name",
        "alternate_name",
        "description",
        "organization__name",
        "organization__alternate_name",
    )

    def relations(self, ids):
        model = self.model
        contact = model._meta.get_field("contacts").related_model
        return {
            "contacts": grouped(
                contact.objects.filter(service_id__in=ids)
                .order_by("sort_order", "pk")
                .values_list("service_id", "name", "title", "department")
            ),
            **self.shown_rows(ids),
            "places": grouped(
                model.service_areas.through.objects.filter(service_id__in=ids)
                .order_by("pk")
                .values_list("service_id", "municipalitypage_id", "municipalitypage__slug")
            ),
            "topics": grouped(
                model.topics.through.objects.filter(service_id__in=ids).values_list(
                    "service_id", "topic__slug"
                )
            ),
            "phones": grouped(
                model.phones.rel.related_model.objects.filter(service_id__in=ids)
                .order_by("sort_order")
                .values_list("service_id", "number")
            ),
            "concepts": grouped(
                model.concepts.through.objects.filter(service_id__in=ids).values_list(
                    "service_id", "concept__slug"
                )
            ),
        }

    def related_rows(self, ids):
        return {**self.relations(ids), "url": UrlTemplate("network:service")}

    def reference_lookups(self, model):
        if model._meta.label == "network.Location":
            return ["service_at_locations__location"]
        return super().reference_lookups(model)

    def stored_hit_details(self, stored):
        hours = [
            HoursRow(weekday, time.fromisoformat(opens), time.fromisoformat(closes))
            for weekday, opens, closes in stored.get("hours", ())
        ]
        return {"opening": opening_status(hours), "address": stored.get("address", "")}

    def shown_rows(self, ids):
        """{"addresses", "hours"}: a service's locations (ADDRESS_FIELDS, in order) and weekly
        hours, grouped by service: what a result shows beside it (two queries)."""
        model = self.model
        at_location = model._meta.get_field("service_at_locations").related_model
        schedule = model._meta.get_field("schedules").related_model
        return {
            "addresses": grouped(
                at_location.objects.filter(service_id__in=ids)
                .order_by("sort_order", "pk")
                .values_list("service_id", *(f"location__{name}" for name in ADDRESS_FIELDS))
            ),
            "hours": grouped(
                schedule.objects.filter(service_id__in=ids).values_list(
                    "service_id", "weekday", "opens_at", "closes_at"
                )
            ),
        }

    def hit_details(self, object_ids):
        """Open now (today's hours) and the first address of a page of service results, from
        plain rows in two queries (model instances cost more than the rest of the page)."""
        rows = {
            name: {str(pk): values for pk, values in grouped_rows.items()}
            for name, grouped_rows in self.shown_rows(object_ids).items()
        }
        return {
            str(pk): self.stored_hit_details(
                stored_details(
                    rows["hours"].get(str(pk), ()),
                    shown_address(rows["addresses"].get(str(pk), ())),
                )
            )
            for pk in object_ids
        }

    def row_document(self, row, related):
        pk, name, alternate_name, description, organization, organization_alternate = row
        parts = [name, alternate_name, description, organization, organization_alternate]
        parts += [f"{n} {t} {d}" for n, t, d in related["contacts"].get(pk, ())]
        places = related["addresses"].get(pk, ())
        parts += [", ".join(part for part in address if part) for *address, _name in places]
        return self.document(
            pk,
            title=f"{name} — {organization}",
            text=join_parts(parts),
            description=description,
            place_rows=related["places"].get(pk, ()),
            topic_slugs=[slug for (slug,) in related["topics"].get(pk, ())],
            url=related["url"](pk),
            concept_slugs=[slug for (slug,) in related["concepts"].get(pk, ())],
            phone=next((number for (number,) in related["phones"].get(pk, ())), ""),
            details=stored_details(related["hours"].get(pk, ()), shown_address(places)),
        )

    def details_of(self, service):
        places = service.service_at_locations.order_by("sort_order", "pk")
        first = places.select_related("location").first()
        hours = [(s.weekday, s.opens_at, s.closes_at) for s in service.schedules.all()]
        address = (first.location.address_text or first.location.name) if first else ""
        return stored_details(hours, address)


def shown_address(places):
    """The first location's address (as Location.address_text joins it), else its name; ""."""
    if not places:
        return ""
    *address, name = places[0]
    return ", ".join(part for part in address if part) or name


def stored_details(hours, address):
    """A service's `details` in its document: weekly hours in order, the address shown."""
    return {
        "hours": [
            [weekday, opens.isoformat("minutes"), closes.isoformat("minutes")]
            for weekday, opens, closes in sorted(hours)
        ],
        "address": address,
    }


class OrganizationSource(DirectorySource):
    """Organisations: their services' names and contacts; places and topics are theirs."""

    row_fields = ("pk", "name", "alternate_name", "description")

    def reference_lookups(self, model):
        service = self.model._meta.get_field("services").related_model
        return [f"services__{lookup}" for lookup in field_lookups(service, model)]

    def related_rows(self, ids):
        service = self.model._meta.get_field("services").related_model
        contact = service._meta.get_field("contacts").related_model
        of_batch = service.objects.filter(organization_id__in=ids)
        service_ids = of_batch.values("pk")
        ordered = of_batch.order_by(*service._meta.ordering, "pk")
        services = list(ordered.values_list("organization_id", "pk", "name"))
        return {
            "services": grouped(services),
            "contacts": grouped(
                contact.objects.filter(service_id__in=service_ids)
                .order_by("sort_order", "pk")
                .values_list("service_id", "name", "title")
            ),
            "places": grouped(
                service.service_areas.through.objects.filter(service_id__in=service_ids)
                .order_by("pk")
                .values_list("service_id", "municipalitypage_id", "municipalitypage__slug")
            ),
            "topics": grouped(
                service.topics.through.objects.filter(service_id__in=service_ids).values_list(
                    "service_id", "topic__slug"
                )
            ),
            "url": UrlTemplate("network:organization"),
        }

    def row_document(self, row, related):
        pk, name, alternate_name, description = row
        parts = [name, alternate_name, description]
        place_rows, topic_slugs = [], []
        for service_pk, service_name in related["services"].get(pk, ()):
            parts.append(service_name)
            parts += [f"{n} {t}" for n, t in related["contacts"].get(service_pk, ())]
            place_rows += related["places"].get(service_pk, ())
            topic_slugs += [slug for (slug,) in related["topics"].get(service_pk, ())]
        return self.document(
            pk,
            title=name,
            text=join_parts(parts),
            description=description,
            place_rows=place_rows,
            topic_slugs=topic_slugs,
            url=related["url"](pk),
        )


# Registered by network/search_documents.py, which gives the rooms' sources their order.
SOURCES = [
    PageSource(
        "network.MunicipalityPage",
        kind="municipality",
        group=CONTACTS,
        label=_("Pašvaldība"),
        referenced_fields=("title", "slug", "url_path"),
        name_fields=("title", "name_locative", "name_genitive"),
    ),
    ServiceSource(
        "network.Service",
        kind="service",
        group=CONTACTS,
        label=_("Pakalpojums"),
        # Its text and shown address copy its locations' addresses.
        copied_fields=(("network.Location", ADDRESS_FIELDS),),
    ),
    OrganizationSource(
        "network.Organization", kind="organization", group=CONTACTS, label=_("Iestāde")
    ),
]
