"""What a municipality page shows of its directory, read in one query (MunicipalityPage.
directory_overview): by topic, the first services with their first phone and how many there are;
the partner organisations; whether the entries are demo data."""

import uuid
from collections import namedtuple
from dataclasses import dataclass, field
from functools import cache

from django.db import connection
from django.utils.translation import gettext_lazy as _

from network.directory.models.services import (
    HoursRow,
    Organization,
    Phone,
    Schedule,
    Service,
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
    service of the municipality (a service once per topic) before a WHERE keeps the first of
    each topic and the first partners: the page reads some thirty services, not hundreds, and
    no ORM query is compiled per request (both cost more than PostgreSQL's own work). The
    services shown come with their first phone and, one row each, their weekly hours.
    Partners counted: the largest dense rank of the organisations, taken before the WHERE."""
    areas = Service.service_areas.through._meta.db_table
    tags = Service.topics.through._meta.db_table
    phones = Phone._meta.db_table
    # Only table names go into the text; every value is a parameter.
    return f"""
SELECT shown.*, hours.weekday, hours.opens_at, hours.closes_at
FROM (
  SELECT ranked.*, topic.name AS topic_name, topic.name_en AS topic_name_en,
    topic.slug AS topic_slug, topic.sort_order AS topic_sort_order,
    CASE WHEN ranked.place_in_topic <= %(limit)s THEN (
      SELECT phone.number FROM {phones} phone WHERE phone.service_id = ranked.id
      ORDER BY phone.sort_order, phone.id LIMIT 1) END AS phone_number,
    CASE WHEN ranked.place_in_topic <= %(limit)s THEN (
      SELECT phone.extension FROM {phones} phone WHERE phone.service_id = ranked.id
      ORDER BY phone.sort_order, phone.id LIMIT 1) END AS phone_extension
  FROM (
    SELECT counted.*, MAX(counted.partner_rank) OVER () AS partner_total
    FROM (
      SELECT service.id, service.name, service.status, service.is_demo,
        organization.id AS organization_id, organization.name AS organization_name,
        tagged.topic_id,
        ROW_NUMBER() OVER (
          PARTITION BY tagged.topic_id ORDER BY organization.name, service.name, service.id
        ) AS place_in_topic,
        COUNT(*) OVER (PARTITION BY tagged.topic_id) AS in_topic,
        DENSE_RANK() OVER (ORDER BY organization.name, organization.id) AS partner_rank,
        MIN(CASE WHEN service.is_demo THEN 1 ELSE 0 END) OVER () AS all_demo,
        MAX(CASE WHEN service.is_demo THEN 1 ELSE 0 END) OVER () AS has_demo
      FROM {areas} area
      JOIN {Service._meta.db_table} service ON service.id = area.service_id
      JOIN {Organization._meta.db_table} organization
        ON organization.id = service.organization_id
      LEFT JOIN {tags} tagged ON tagged.service_id = service.id
      WHERE area.municipalitypage_id = %(municipality)s AND service.status <> %(defunct)s
    ) counted
  ) ranked
  LEFT JOIN {Topic._meta.db_table} topic ON topic.id = ranked.topic_id
  WHERE ranked.place_in_topic <= %(limit)s OR ranked.partner_rank <= %(partners)s
) shown
LEFT JOIN {Schedule._meta.db_table} hours
  ON hours.service_id = shown.id AND shown.place_in_topic <= %(limit)s
ORDER BY shown.partner_rank, shown.place_in_topic, hours.weekday, hours.opens_at"""  # noqa: S608


# A row of overview_sql(), its columns in order.
OverviewRow = namedtuple(
    "OverviewRow",
    "id name status is_demo organization_id organization_name topic_id"
    " place_in_topic in_topic partner_rank all_demo has_demo partner_total"
    " topic_name topic_name_en topic_slug topic_sort_order phone_number phone_extension"
    " weekday opens_at closes_at",
)


def topic_from(topic_id, columns):
    """A Topic from its id and the other TOPIC_FIELDS' columns (None without an id)."""
    if topic_id is None:
        return None
    return Topic(id=topic_id, **dict(zip(TOPIC_FIELDS[1:], columns, strict=True)))


def service_from(row):
    """The Service (and its organisation) of an OverviewRow, its values as the ORM would give
    them (SQLite's raw rows hold a UUID as 32 hex digits and a boolean as 0 or 1); its hours
    are added row by row."""
    organization = Organization(id=to_uuid(row.organization_id), name=row.organization_name)
    service = Service(
        id=to_uuid(row.id),
        name=row.name,
        status=row.status,
        is_demo=bool(row.is_demo),
        organization=organization,
    )
    number, extension = row.phone_number, row.phone_extension or ""
    phone = Phone(service_id=service.pk, number=number, extension=extension)
    service.phone_list = [phone] if number else []
    service.schedule_list = []
    return service


def to_uuid(value):
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def read_overview(municipality_id, limit, partners_shown):
    """DirectoryOverview of a municipality: topic groups in topic order (untagged last, as
    “Citi”), each with its first `limit` services (a service appears under each of its topics)
    and its total; the first `partners_shown` partner names and their number; demo flags. The
    services shown carry their first phone and weekly hours."""
    params = {
        "municipality": municipality_id,
        "limit": limit,
        "partners": partners_shown,
        "defunct": Service.Status.DEFUNCT,
    }
    with connection.cursor() as cursor:
        cursor.execute(overview_sql(), params)
        rows = [OverviewRow._make(row) for row in cursor.fetchall()]
    groups, shown, hours_topic, placed, partners = {}, {}, {}, set(), {}
    for row in rows:
        if row.partner_rank <= partners_shown:
            partners.setdefault(row.organization_id, row.organization_name)
        if row.place_in_topic > limit:
            continue
        service = shown.get(row.id)
        if service is None:
            service = shown[row.id] = service_from(row)
            hours_topic[row.id] = row.topic_id
        # A service shown under two topics has its hours rows under each: read them once.
        if row.weekday is not None and row.topic_id == hours_topic[row.id]:
            hours = HoursRow(row.weekday, row.opens_at, row.closes_at)
            service.schedule_list.append(hours)
        if (row.topic_id, row.id) in placed:
            continue
        placed.add((row.topic_id, row.id))
        group = groups.get(row.topic_id)
        if group is None:
            columns = (row.topic_name, row.topic_name_en, row.topic_slug, row.topic_sort_order)
            topic = topic_from(row.topic_id, columns)
            group = groups[row.topic_id] = TopicGroup(topic, total=row.in_topic)
        group.services.append((row.place_in_topic, service))
    for group in groups.values():
        group.services = [service for _place, service in sorted(group.services)]
    # The same on every row: the number of partners and the demo flags' MIN and MAX.
    first = rows[0] if rows else None
    return DirectoryOverview(
        groups=sorted(groups.values(), key=TopicGroup.sort_key),
        partners=Shortlist(list(partners.values()), first.partner_total if first else 0),
        has_demo=bool(first and first.has_demo),
        # One notice at the top when everything is demo; per-entry badges when mixed.
        all_demo=bool(first and first.all_demo),
    )
