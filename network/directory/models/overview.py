"""What a municipality page shows of its directory, read in one query (MunicipalityPage.
directory_overview): by topic, the first services with their first phone and how many there are;
the partner organisations; whether the entries are demo data."""

import uuid
from dataclasses import dataclass, field
from functools import cache

from django.db import connection
from django.utils.translation import gettext_lazy as _

from network.directory.models.services import (
    Organization,
    Phone,
    Service,
    attach_hours,
)
from portal.core.lists import Shortlist
from taxonomy.models import Topic

# The `tema` value of services without a topic.
UNTAGGED_SLUG = "citi"
# What a topic group's heading and order need of its topic.
TOPIC_FIELDS = ("id", "name", "name_en", "slug", "sort_order")


@dataclass
class TopicGroup:
    """A topic of a municipality's directory (None: services without a topic), some of its
    services and how many it has in all."""

    topic: object
    services: list = field(default_factory=list)
    total: int = 0

    @property
    def slug(self):
        return self.topic.slug if self.topic else UNTAGGED_SLUG

    @property
    def label(self):
        return self.topic.label if self.topic else _("Citi")

    def sort_key(self):
        """Topic order (Topic.Meta.ordering), services without a topic last."""
        if self.topic is None:
            return (1, 0, "")
        return (0, self.topic.sort_order, self.topic.name)


@dataclass
class DirectoryOverview:
    """What a municipality page shows of its directory."""

    groups: list
    partners: Shortlist
    has_demo: bool
    all_demo: bool


@cache
def overview_sql():
    """The query, with table names from the models. Windows rank every public
    service of the municipality (a service once per topic) before the outer WHERE keeps the
    first of each topic and the first partners: the page reads some thirty rows, not hundreds,
    and no ORM query is compiled per request (both cost more than PostgreSQL's own work).
    Partners counted: a dense rank from each end adds up to the number of names plus one."""
    areas = Service.service_areas.through._meta.db_table
    tags = Service.topics.through._meta.db_table
    # Only table names go into the text; every value is a parameter.
    return f"""
SELECT ranked.*, topic.name, topic.name_en, topic.slug, topic.sort_order,
  CASE WHEN ranked.place_in_topic <= %(limit)s THEN (
    SELECT phone.number FROM {Phone._meta.db_table} phone WHERE phone.service_id = ranked.id
    ORDER BY phone.sort_order, phone.id LIMIT 1) END,
  CASE WHEN ranked.place_in_topic <= %(limit)s THEN (
    SELECT phone.extension FROM {Phone._meta.db_table} phone WHERE phone.service_id = ranked.id
    ORDER BY phone.sort_order, phone.id LIMIT 1) END
FROM (
  SELECT service.id, service.name, service.status, service.is_demo,
    organization.id AS organization_id, organization.name AS organization_name, tagged.topic_id,
    ROW_NUMBER() OVER (
      PARTITION BY tagged.topic_id ORDER BY organization.name, service.name, service.id
    ) AS place_in_topic,
    COUNT(*) OVER (PARTITION BY tagged.topic_id) AS in_topic,
    DENSE_RANK() OVER (ORDER BY organization.name, organization.id) AS partner_rank,
    DENSE_RANK() OVER (
      ORDER BY organization.name DESC, organization.id DESC
    ) AS partner_rank_from_end,
    MIN(CASE WHEN service.is_demo THEN 1 ELSE 0 END) OVER () AS all_demo,
    MAX(CASE WHEN service.is_demo THEN 1 ELSE 0 END) OVER () AS has_demo
  FROM {areas} area
  JOIN {Service._meta.db_table} service ON service.id = area.service_id
  JOIN {Organization._meta.db_table} organization ON organization.id = service.organization_id
  LEFT JOIN {tags} tagged ON tagged.service_id = service.id
  WHERE area.municipalitypage_id = %(municipality)s AND service.status <> %(defunct)s
) ranked
LEFT JOIN {Topic._meta.db_table} topic ON topic.id = ranked.topic_id
WHERE ranked.place_in_topic <= %(limit)s OR ranked.partner_rank <= %(partners)s
ORDER BY ranked.partner_rank, ranked.place_in_topic"""  # noqa: S608


def topic_from(topic_id, columns):
    """A Topic from its id and the other TOPIC_FIELDS' columns (None without an id)."""
    if topic_id is None:
        return None
    return Topic(id=topic_id, **dict(zip(TOPIC_FIELDS[1:], columns, strict=True)))


def service_from(row):
    """The Service (and its organisation) of a row, its values as the ORM would give them
    (SQLite's raw rows hold a UUID as 32 hex digits and a boolean as 0 or 1)."""
    pk, name, status, is_demo, organization_id, organization_name = row[:6]
    organization = Organization(id=to_uuid(organization_id), name=organization_name)
    service = Service(
        id=to_uuid(pk), name=name, status=status, is_demo=bool(is_demo), organization=organization
    )
    number, extension = row[17:19]
    phone = Phone(service_id=service.pk, number=number, extension=extension or "")
    service.phone_list = [phone] if number else []
    return service


def to_uuid(value):
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def read_overview(municipality_id, limit, partners_shown):
    """DirectoryOverview of a municipality: topic groups in topic order (untagged last, as
    “Citi”), each with its first `limit` services (a service appears under each of its topics)
    and its total; the first `partners_shown` partner names and their number; demo flags. The
    services shown carry their first phone and weekly hours (one more query, for the hours)."""
    params = {
        "municipality": municipality_id,
        "limit": limit,
        "partners": partners_shown,
        "defunct": Service.Status.DEFUNCT,
    }
    with connection.cursor() as cursor:
        cursor.execute(overview_sql(), params)
        rows = cursor.fetchall()
    groups, shown, partners = {}, {}, {}
    for row in rows:
        pk, organization_id, organization_name, topic_id = row[0], *row[4:7]
        place, in_topic, partner_rank = row[7:10]
        if partner_rank <= partners_shown:
            partners.setdefault(organization_id, organization_name)
        if place > limit:
            continue
        group = groups.get(topic_id)
        if group is None:
            topic = topic_from(topic_id, row[13:17])
            group = groups[topic_id] = TopicGroup(topic, total=in_topic)
        service = shown.get(pk)
        if service is None:
            service = shown[pk] = service_from(row)
        group.services.append((place, service))
    for group in groups.values():
        group.services = [service for _place, service in sorted(group.services)]
    attach_hours(list(shown.values()))
    # The same on every row: a partner's rank from each end adds up to their number plus one;
    # the demo flags' MIN and MAX.
    partner_total, all_demo, has_demo = 0, 0, 0
    if rows:
        partner_rank, partner_rank_from_end, all_demo, has_demo = rows[0][9:13]
        partner_total = partner_rank + partner_rank_from_end - 1
    return DirectoryOverview(
        groups=sorted(groups.values(), key=TopicGroup.sort_key),
        partners=Shortlist(list(partners.values()), partner_total),
        has_demo=bool(has_demo),
        # One notice at the top when everything is demo; per-entry badges when mixed.
        all_demo=bool(all_demo),
    )
