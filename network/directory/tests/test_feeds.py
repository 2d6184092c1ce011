"""A municipality's Atom feed: its directory's changes and the practices linked to it."""

import datetime

import pytest

from knowledge.factories import (
    ArticlePageFactory,
    KnowledgeIndexPageFactory,
    SeminarPageFactory,
)
from network.directory.models import Service
from network.factories import ServiceFactory
from portal.tests.atom import check_atom

pytestmark = pytest.mark.django_db


def at(day):
    return datetime.datetime(2026, 5, day, 8, 0, tzinfo=datetime.UTC)


def changed_on(service, day):
    # last_modified is set on every save; the feed's order is what is tested here.
    Service.objects.filter(pk=service.pk).update(created=at(1), last_modified=at(day))


def test_feed_has_the_directory_changes_and_linked_practices_newest_first(
    client, municipality, other_municipality, topics, public_address
):
    housing = ServiceFactory(
        organization__name="Ventspils sociālais dienests",
        name="Dzīvokļu pabalsts",
        description="Palīdz ar īri.",
        topics=[topics["majoklis"]],
        service_areas=[municipality],
    )
    closed_for_now = ServiceFactory(
        organization__name="Ventspils skola",
        name="Pagarinātā grupa",
        description="Pēc stundām.",
        status=Service.Status.INACTIVE,
        service_areas=[municipality],
    )
    changed_on(housing, 20)
    changed_on(closed_for_now, 10)
    ServiceFactory(name="Slēgts", status=Service.Status.DEFUNCT, service_areas=[municipality])
    ServiceFactory(name="Jelgavā", service_areas=[other_municipality])
    listing = KnowledgeIndexPageFactory(parent=municipality.get_parent().get_parent())
    ArticlePageFactory(
        parent=listing,
        title="Ventspils prakse",
        municipalities=[municipality],
        first_published_at=at(15),
        last_published_at=at(15),
    )
    SeminarPageFactory(
        parent=listing,
        title="Seminārs Ventspilī",
        first_published_at=at(5),
        last_published_at=at(5),
    )
    ArticlePageFactory(parent=listing, title="Jelgavas prakse", municipalities=[other_municipality])

    url = f"{municipality.url}feed/"
    parsed = check_atom(client.get(url), f"http://testserver{url}")
    assert [entry.title for entry in parsed.entries] == [
        "Ventspils sociālais dienests: Dzīvokļu pabalsts",
        "Ventspils prakse",
        "Ventspils skola: Pagarinātā grupa",
    ]
    service = parsed.entries[0]
    assert service.link == f"https://portal.example.org/pakalpojumi/{housing.pk}/"
    assert service.updated == "2026-05-20T08:00:00+00:00"
    assert service.published == "2026-05-01T08:00:00+00:00"
    assert service.summary == "Palīdz ar īri."
    assert [tag.term for tag in service.tags] == ["Mājoklis"]
    assert parsed.entries[2].summary == "īslaicīgi nedarbojas. Pēc stundām."
    assert parsed.feed.link == f"https://portal.example.org{municipality.url}"
    assert parsed.feed.title == "Ventspils: kontakti un labā prakse — Mediatoru tīkls"


def test_linked_seminars_are_in_the_feed_too(client, municipality):
    listing = KnowledgeIndexPageFactory(parent=municipality.get_parent().get_parent())
    seminar = SeminarPageFactory(parent=listing, title="Seminārs Ventspilī")
    seminar.municipalities.set([municipality])
    seminar.save()
    url = f"{municipality.url}feed/"
    parsed = check_atom(client.get(url), f"http://testserver{url}")
    assert [entry.title for entry in parsed.entries] == ["Seminārs Ventspilī"]


def test_demo_municipality_feed_is_valid_and_the_page_advertises_it(client, demo_directory):
    html = client.get("/pasvaldibas/ventspils/").content.decode()
    assert 'type="application/atom+xml"' in html
    assert 'href="/pasvaldibas/ventspils/feed/"' in html
    response = client.get("/pasvaldibas/ventspils/feed/", HTTP_HOST="portal.example.org")
    parsed = check_atom(response, "http://portal.example.org/pasvaldibas/ventspils/feed/")
    assert parsed.entries
    assert all(entry.link.startswith("http://127.0.0.1:8000/") for entry in parsed.entries)
    # Demo entries say so, as the pages' badge does.
    assert all(entry.summary.startswith("Demo dati.") for entry in parsed.entries)
