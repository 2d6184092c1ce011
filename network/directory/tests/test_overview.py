"""The municipality page's directory overview (one SQL query of window functions) against the
same facts read the plain way, through the ORM, on a varied directory."""

import random
from pathlib import Path

import pytest

from network.directory.models import Organization, Service
from network.directory.models.overview import read_overview
from network.factories import (
    OrganizationFactory,
    PhoneFactory,
    ScheduleFactory,
    ServiceFactory,
)
from network.tests.sqlite_runner import run_on_fresh_sqlite

pytestmark = pytest.mark.django_db

LIMIT, PARTNERS = 3, 5


@pytest.fixture
def varied_directory(municipality, other_municipality, topics):
    chosen = [topics["izglitiba"], topics["majoklis"], topics["socialie-jautajumi"]]
    build_varied_directory(municipality, other_municipality, chosen)
    return municipality


def build_varied_directory(municipality, other_municipality, topics):
    """40 services of 12 organisations (two share a name): 0–2 of the `topics` each, some
    demo, some closed for good, some elsewhere; 0–3 phones each, in a shuffled order; 0–3
    hours rows each."""
    rng = random.Random(7)  # noqa: S311 - a reproducible sample, not security
    names = [f"Iestāde {letter}" for letter in "KDAHBJGCFEI"] + ["Iestāde A"]
    organizations = [OrganizationFactory(name=name) for name in names]
    for number in range(40):
        service = ServiceFactory(
            name=f"Pakalpojums {rng.choice('ZYXW')}{number}",
            organization=rng.choice(organizations),
            topics=rng.sample(topics, rng.choice([0, 1, 1, 2])),
            service_areas=[municipality if number % 8 else other_municipality],
            is_demo=rng.random() < 0.5,
            status=Service.Status.DEFUNCT if number % 11 == 5 else Service.Status.ACTIVE,
        )
        for order in rng.sample(range(10), rng.choice([0, 1, 3])):
            PhoneFactory(
                service=service, sort_order=order, number=f"+371 0000 {number:02d}{order:02d}"
            )
        for weekday in rng.sample(range(1, 8), rng.choice([0, 1, 3])):
            opens = rng.choice([8, 9, 13])
            ScheduleFactory(
                service=service,
                weekday=weekday,
                opens_at=f"{opens:02d}:30",
                closes_at=f"{opens + 3:02d}:00",
            )


def expected_overview(municipality):
    """The overview read the plain way: every public service here as a model, in order."""
    services = list(
        Service.objects.public()
        .filter(service_areas=municipality)
        .order_by("organization__name", "name", "pk")
        .prefetch_related("topics", "phones", "schedules")
    )
    groups = {}
    for service in services:
        for topic in service.topics.all() or [None]:
            groups.setdefault(topic, []).append(service)
    order = sorted(groups, key=lambda topic: (topic is None, topic and topic.sort_order))
    partners = Organization.objects.filter(services__in=services).distinct().order_by("name", "pk")
    first_phone = {
        service.pk: min(service.phones.all(), key=lambda phone: phone.sort_order, default=None)
        for service in services
    }
    return {
        "groups": [
            (
                topic and topic.slug,
                len(groups[topic]),
                [
                    (service.pk, tel_of(first_phone[service.pk]), hours_of(service.schedules.all()))
                    for service in groups[topic][:LIMIT]
                ],
            )
            for topic in order
        ],
        "partners": ([partner.name for partner in partners[:PARTNERS]], partners.count()),
        "has_demo": any(service.is_demo for service in services),
        "all_demo": bool(services) and all(service.is_demo for service in services),
    }


def overview_facts(overview):
    """What the page shows of an overview, as plain values (phones by their tel: link)."""
    return {
        "groups": [
            (
                group.topic and group.topic.slug,
                group.total,
                [
                    (service.pk, tel_of(service.first_phone), hours_of(service.schedule_list))
                    for service in group.services
                ],
            )
            for group in overview.groups
        ],
        "partners": (list(overview.partners), overview.partners.total),
        "has_demo": overview.has_demo,
        "all_demo": overview.all_demo,
    }


def tel_of(phone):
    return phone and phone.tel_uri


def hours_of(rows):
    return sorted((row.weekday, row.opens_at, row.closes_at) for row in rows)


def test_the_overview_query_agrees_with_the_orm(varied_directory):
    got = overview_facts(read_overview(varied_directory.pk, LIMIT, PARTNERS))
    expected = expected_overview(varied_directory)
    assert got == expected
    assert len(expected["groups"]) == 4 and expected["partners"][1] > PARTNERS
    assert expected["has_demo"] and not expected["all_demo"]


def test_on_sqlite_the_overview_agrees_with_the_orm_and_the_page_renders(tmp_path):
    """`make run`'s SQLite returns raw rows of its own kind (a UUID as 32 hex digits, a
    boolean as 0 or 1; its own converters give dates and times): the same comparison, hours
    included, and the page itself with a linked practice and a monthly report (also read in
    SQL), there."""
    outcome = run_on_fresh_sqlite(Path(__file__).with_name("sqlite_overview.py"), tmp_path)
    expected = {"agrees": True, "groups": 4, "status": 200, "cards": True}
    expected |= {"practice": True, "report month": True}
    assert outcome == expected, outcome


def test_an_all_demo_directory_and_an_empty_one(municipality, other_municipality):
    ServiceFactory(is_demo=True, service_areas=[municipality])
    ServiceFactory(is_demo=True, service_areas=[municipality])
    overview = read_overview(municipality.pk, LIMIT, PARTNERS)
    assert overview.all_demo and overview.has_demo
    assert [group.topic for group in overview.groups] == [None]
    assert overview.groups[0].total == 2 and overview.partners.total == 2

    empty = read_overview(other_municipality.pk, LIMIT, PARTNERS)
    assert (empty.groups, list(empty.partners), empty.partners.total) == ([], [], 0)
    assert not empty.has_demo and not empty.all_demo


def test_shown_services_carry_their_hours(municipality, topics):
    service = ServiceFactory(topics=[topics["izglitiba"]], service_areas=[municipality])
    ScheduleFactory(service=service, weekday=1, opens_at="09:00", closes_at="12:00")
    overview = read_overview(municipality.pk, LIMIT, PARTNERS)
    [shown] = overview.groups[0].services
    assert [(row.weekday, str(row.opens_at)) for row in shown.schedule_list] == [(1, "09:00:00")]
    assert shown.organization.name == service.organization.name
