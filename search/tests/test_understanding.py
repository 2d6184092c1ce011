"""Questions as mediators ask them, on the demo, on both engines (issue 18's "done when")."""

import pytest

from network.directory.models import Service
from search import indexing

pytestmark = pytest.mark.django_db
VILAKA_MEDIATOR = "Rasma Zaharenko"
VENTSPILS_CLOTHES = "Humānā palīdzība — Biedrība “Sarkanais Krusts”"
TOY_LIBRARY = {
    "Rotaļlietu bibliotēka “Ringla”",
    "Rotaļlietu bibliotēka — Rotaļlietu bibliotēka “Ringla”",
}


@pytest.fixture(params=["elasticsearch", "database"])
def engine(request, demo_site, settings):
    """The demo searched by Elasticsearch (indexed) or by the database fallback."""
    if request.param == "elasticsearch":
        request.getfixturevalue("search_index")
        indexing.rebuild()
    else:
        settings.ELASTICSEARCH_URL = ""
    return request.param


def ask(client, question, **params):
    data = client.get("/api/search/", {"q": question, **params}).json()
    return data


def first_group(data):
    return data["groups"][0]


def hits_of(data, group_key):
    by_id = {hit["id"]: hit for hit in data["results"]}
    group = next(group for group in data["groups"] if group["key"] == group_key)
    return [by_id[doc_id] for doc_id in group["results"]]


def test_request_words_are_intent_and_the_toy_library_comes_first(client, engine):
    data = ask(client, "Ringla kontakti")
    assert data["engine"] == engine
    assert data["understood"]["intent"] == "contacts"
    assert first_group(data)["key"] == "contacts"
    assert hits_of(data, "contacts")[0]["title"] in TOY_LIBRARY


def test_clothes_for_children_in_ventspils_find_its_humanitarian_aid(client, engine):
    data = ask(client, "apģērbi bērniem Ventspilī")
    contacts = hits_of(data, "contacts")
    assert contacts[0]["title"] == VENTSPILS_CLOTHES
    assert all("ventspils" in hit["municipalities"] for hit in contacts)
    assert data["understood"]["concepts"], "the question's concept is shown"


def test_the_mediator_of_a_place_comes_first(client, engine):
    data = ask(client, "mediatore Viļakā")
    assert data["understood"]["intent"] == "mediator"
    assert data["results"][0]["title"] == VILAKA_MEDIATOR
    assert data["results"][0]["type"] == "mediator"


def test_a_named_place_never_gets_an_empty_page(client, engine):
    data = ask(client, "vai Balvos ir mediators")
    assert data["total"] == 0  # nothing matches the question itself: Balvi has no mediator
    nearest = [hit for hit in data["results"] if hit["nearest"]]
    assert nearest and nearest[0]["type"] == "municipality"
    html = client.get("/meklet/", {"q": "vai Balvos ir mediators"}).content.decode()
    assert "Tuvākās atbilstības" in html
    assert "Nekas netika atrasts" not in html


def test_a_question_with_few_contacts_is_filled_with_nearest_matches(client, engine):
    data = ask(client, "bērns nerunā latviski skolā")
    contacts = hits_of(data, "contacts")
    assert len(contacts) >= 3
    assert any("skola" in hit["title"].lower() for hit in contacts)


def test_english_questions_find_latvian_contacts_through_concepts(client, engine):
    data = ask(client, "rent arrears Ventspils")
    contacts = hits_of(data, "contacts")
    assert contacts[0]["title"] == "Dzīvokļu jautājumi — Ventspils pašvaldības Dzīvokļu nodaļa"
    html = client.get("/en/meklet/", {"q": "rent arrears Ventspils"}).content.decode()
    assert 'lang="lv"' in html
    assert "Dzīvokļu nodaļa" in html


def test_a_concept_chip_can_be_removed(client, engine):
    html = client.get("/meklet/", {"q": "apģērbi bērniem Ventspilī"}).content.decode()
    assert "Jēdziens:" in html
    data = ask(client, "apģērbi bērniem Ventspilī")
    slug = data["understood"]["concepts"][0]["slug"]
    removed = ask(client, "apģērbi bērniem Ventspilī", ignore=f"concept:{slug}")
    assert slug not in {c["slug"] for c in removed["understood"]["concepts"]}


def test_a_contact_result_carries_its_phone_to_call(client, settings, demo_site):
    service = Service.objects.get(
        name="Humānā palīdzība", organization__name="Biedrība “Sarkanais Krusts”"
    )
    # The demo number from the non-dialable range, as editors type it: with spaces.
    number = service.phones.get().number
    settings.ELASTICSEARCH_URL = ""
    data = ask(client, "apģērbi bērniem Ventspilī")
    assert hits_of(data, "contacts")[0]["phone"] == number
    html = client.get("/meklet/", {"q": "apģērbi bērniem Ventspilī"}).content.decode()
    assert f'href="tel:{number.replace(" ", "")}"' in html


def test_a_contact_result_shows_whether_it_is_open_and_where(client, settings, demo_site):
    import datetime
    from unittest import mock
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from network.directory.models import Location, Schedule, ServiceAtLocation

    service = Service.objects.get(
        name="Humānā palīdzība", organization__name="Biedrība “Sarkanais Krusts”"
    )
    Schedule.objects.create(service=service, weekday=1, opens_at="09:00", closes_at="12:00")
    # Example data, not a real address.
    location = Location.objects.create(name="Punkts", address_1="Piemēra iela 1", city="Ventspils")
    ServiceAtLocation.objects.create(service=service, location=location)
    settings.ELASTICSEARCH_URL = ""
    monday = datetime.datetime(2026, 11, 23, 10, 15, tzinfo=ZoneInfo("Europe/Riga"))
    with mock.patch.object(timezone, "now", return_value=monday):
        html = client.get("/meklet/", {"q": "apģērbi bērniem Ventspilī"}).content.decode()
    first = html[html.index('class="result') : html.index("</li>", html.index('class="result'))]
    assert "Atvērts tagad, līdz 12:00" in first
    assert "Piemēra iela 1, Ventspils" in first
