import datetime
import re
import uuid
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from network.directory.models import Service
from network.directory.models.municipalities import SERVICES_PER_TOPIC
from network.factories import (
    ContactFactory,
    MunicipalityPageFactory,
    OrganizationFactory,
    PhoneFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

# Monday 23 November 2026, 10:15 in Riga.
MONDAY_MORNING = datetime.datetime(2026, 11, 23, 10, 15, tzinfo=ZoneInfo("Europe/Riga"))


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def test_municipality_page_groups_services_by_topic_in_topic_order(
    client, municipality, other_municipality, topics
):
    school = ServiceFactory(
        organization=OrganizationFactory(name="Pārventas pamatskola"),
        topics=[topics["izglitiba"]],
        service_areas=[municipality],
    )
    social = ServiceFactory(
        organization=OrganizationFactory(name="Sociālā pārvalde"),
        topics=[topics["socialie-jautajumi"], topics["majoklis"]],
        service_areas=[municipality],
    )
    ServiceFactory(organization=OrganizationFactory(name="Bez tēmas"), service_areas=[municipality])
    ServiceFactory(
        organization=OrganizationFactory(name="Citur"),
        topics=[topics["izglitiba"]],
        service_areas=[other_municipality],
    )
    ServiceFactory(
        organization=OrganizationFactory(name="Slēgta iestāde"),
        status=Service.Status.DEFUNCT,
        service_areas=[municipality],
    )
    html = html_of(client.get(municipality.url))
    headings = ["Izglītība", "Sociālie jautājumi", "Mājoklis", "Citi"]
    positions = [html.index(f'-h">{heading}</h3>') for heading in headings]
    assert positions == sorted(positions)
    assert html.count(social.get_absolute_url()) == 2  # under both of its topics
    assert school.get_absolute_url() in html
    assert "Citur" not in html.split("Mediatora darba prakse")[0]
    assert "Slēgta iestāde" not in html
    assert 'href="#tema-izglitiba"' in html


def named_services(count, municipality, topics, prefix="Iestāde"):
    """`count` services named in alphabetical order: “<prefix> 01”, “<prefix> 02”, …"""
    return [
        ServiceFactory(
            organization=OrganizationFactory(name=f"{prefix} {number:02d}"),
            topics=topics,
            service_areas=[municipality],
        )
        for number in range(1, count + 1)
    ]


def test_municipality_page_shows_the_first_services_of_a_topic_and_links_to_all(
    client, municipality, topics
):
    named_services(7, municipality, [topics["izglitiba"]], prefix="Skola")
    named_services(3, municipality, [topics["majoklis"]], prefix="Mājokļu nodaļa")
    html = html_of(client.get(municipality.url)).split("Mediatora darba prakse")[0]
    assert SERVICES_PER_TOPIC == 3
    assert "Skola 03" in html and "Skola 04" not in html  # the first three by name
    assert 'href="#tema-izglitiba">Izglītība <span class="count">(7)</span>' in html
    assert f'href="{municipality.url}pakalpojumi/?tema=izglitiba"' in html
    assert "Visi pakalpojumi: Izglītība (7)" in html
    assert "?tema=majoklis" not in html  # all of its three are shown already


def test_municipality_services_route_filters_by_topic_and_paginates(client, municipality, topics):
    named_services(23, municipality, [topics["izglitiba"]], prefix="Skola")
    named_services(1, municipality, [topics["majoklis"]], prefix="Mājokļu nodaļa")
    named_services(1, municipality, [], prefix="Bez tēmas")
    url = f"{municipality.url}pakalpojumi/"
    html = html_of(client.get(url, {"tema": "izglitiba"}))
    assert "Pakalpojumi Ventspilī: Izglītība</h1>" in html
    assert "Skola 20" in html and "Skola 21" not in html and "Mājokļu nodaļa" not in html
    assert "1. lapa no 2" in html and "tema=izglitiba&amp;page=2" in html
    second = html_of(client.get(url, {"tema": "izglitiba", "page": "2"}))
    assert "Skola 21" in second and "Skola 23" in second and "Skola 20" not in second
    untagged = html_of(client.get(url, {"tema": "citi"}))
    assert "Bez tēmas 01" in untagged and "Skola 01" not in untagged
    everything = html_of(client.get(url))
    assert "Mājokļu nodaļa 01" in everything and "Bez tēmas 01" in everything
    assert 'href="?tema=izglitiba">Izglītība <span class="count">(23)</span>' in everything


@pytest.mark.parametrize(("page", "shown"), [("99", "Skola 21"), ("nav-skaitlis", "Skola 01")])
def test_municipality_services_route_bad_page_number_shows_last_or_first_page(
    client, municipality, topics, page, shown
):
    """As the knowledge listing: a number past the end shows the last page, junk the first."""
    named_services(21, municipality, [topics["izglitiba"]], prefix="Skola")
    html = html_of(client.get(f"{municipality.url}pakalpojumi/", {"page": page}))
    assert shown in html


def test_municipality_services_route_unknown_topic_is_404_with_a_message(
    client, municipality, topics
):
    named_services(1, municipality, [topics["izglitiba"]], prefix="Skola")
    response = client.get(f"{municipality.url}pakalpojumi/", {"tema": "nav-tadas"})
    assert response.status_code == 404
    html = response.content.decode()
    assert "Tēma “nav-tadas” nav atrasta." in html
    assert 'href="?tema=izglitiba"' in html and "Skola 01" not in html


def test_municipality_page_shows_tap_to_call_and_todays_hours(client, municipality, topics):
    service = ServiceFactory(topics=[topics["izglitiba"]], service_areas=[municipality])
    PhoneFactory(service=service, number="+371 2000 0001")
    ScheduleFactory(service=service, weekday=1, opens_at="09:00", closes_at="12:00")
    ScheduleFactory(service=service, weekday=1, opens_at="13:00", closes_at="17:00")
    with mock.patch.object(timezone, "now", return_value=MONDAY_MORNING):
        html = html_of(client.get(municipality.url))
    assert 'href="tel:+37120000001"' in html
    assert "Atvērts tagad, līdz 12:00" in html
    assert "09:00–12:00, 13:00–17:00" in html


def test_municipality_page_practice_facts_and_empty_directory(client, municipality):
    html = html_of(client.get(municipality.url))
    assert "Katalogā vēl nav iestāžu Ventspilī." in html
    assert "17 (17 regulāri, 6 epizodiski)" in html
    assert "<dt>Telpas nodrošina pašvaldība</dt><dd>jā</dd>" in html


def test_service_page_contact_card(client, municipality, topics):
    service = ServiceFactory(
        name="Sociālais dienests",
        email="dienests@example.org",
        topics=[topics["socialie-jautajumi"]],
        service_areas=[municipality],
        languages="lv, rom",
    )
    ContactFactory(service=service, name="Anna Paraudziņa", title="sociālā darbiniece")
    PhoneFactory(service=service, number="+371 2000 0002")
    ServiceAtLocationFactory(service=service, location__address_1="Parauga iela 5")
    ScheduleFactory(service=service, weekday=1, opens_at="09:00", closes_at="10:00")
    with mock.patch.object(timezone, "now", return_value=MONDAY_MORNING):
        html = html_of(client.get(service.get_absolute_url()))
    assert 'href="tel:+37120000002"' in html
    assert 'href="mailto:dienests@example.org"' in html
    assert "Parauga iela 5, Ventspils, LV-0000" in html
    assert "Anna Paraudziņa" in html and "sociālā darbiniece" in html
    assert "Pašlaik slēgts" in html  # 10:15 is after 10:00
    assert "Šodien" in html and "09:00–10:00" in html
    assert '<tr class="hours__today"><th scope="row">Pirmdiena' in html
    assert "latviešu, romu" in html
    assert f'href="{municipality.url}"' in html
    assert f"http://testserver{service.get_absolute_url()}" in html  # shareable URL
    assert "/vcard/" in html and "/drukat/" in html and "/labot/" in html
    assert "Pirms zvanīšanas pārliecinieties" not in html  # verified today


@pytest.mark.parametrize(
    ("assured_days_ago", "warned"), [(None, True), (400, True), (366, True), (30, False)]
)
def test_service_page_warns_when_verified_over_a_year_ago(
    client, municipality, assured_days_ago, warned
):
    assured = (
        None
        if assured_days_ago is None
        else timezone.localdate() - datetime.timedelta(days=assured_days_ago)
    )
    service = ServiceFactory(assured_date=assured, service_areas=[municipality])
    html = html_of(client.get(service.get_absolute_url()))
    assert ("Pirms zvanīšanas pārliecinieties" in html) is warned


def test_demo_service_shows_the_badge_and_inactive_status(client, municipality):
    service = ServiceFactory(is_demo=True, status=Service.Status.INACTIVE)
    html = html_of(client.get(service.get_absolute_url()))
    assert "Demo dati" in html
    assert "Īslaicīgi nedarbojas" in html


def test_print_view(client):
    service = ServiceFactory(name="Bāriņtiesa")
    PhoneFactory(service=service)
    html = html_of(client.get(f"{service.get_absolute_url()}drukat/"))
    assert 'class="print-view"' in html
    assert "Bāriņtiesa" in html and "Izdrukāts" in html
    assert 'name="robots" content="noindex"' in html


def test_print_view_leaves_out_open_now_but_keeps_the_hours(client):
    service = ServiceFactory(name="Bāriņtiesa")
    ScheduleFactory(service=service, weekday=1, opens_at="09:00", closes_at="12:00")
    with mock.patch.object(timezone, "now", return_value=MONDAY_MORNING):
        card = html_of(client.get(service.get_absolute_url()))
        printed = html_of(client.get(f"{service.get_absolute_url()}drukat/"))
    assert "Atvērts tagad" in card
    assert "Atvērts tagad" not in printed and "09:00–12:00" in printed


def test_unknown_service_is_404(client, db):
    assert client.get(f"/pakalpojumi/{uuid.uuid4()}/").status_code == 404
    assert client.get("/pakalpojumi/not-a-uuid/").status_code == 404
    assert client.get(f"/pakalpojumi/{uuid.uuid4()}/vcard/").status_code == 404


def test_index_page_lists_municipalities_and_the_compare_form(client, municipality, index_page):
    html = html_of(client.get(index_page.url))
    assert f'href="{municipality.url}"' in html
    assert f'action="{index_page.url}salidzinat/"' not in html  # needs two to compare
    MunicipalityPageFactory(parent=index_page, title="Jelgava", slug="jelgava")
    html = html_of(client.get(index_page.url))
    assert f'action="{index_page.url}salidzinat/"' in html
    assert '<input type="checkbox" name="m" value="jelgava">' in html


def test_demo_ventspils_shows_its_institutions_by_topic(client, demo_directory):
    html = html_of(client.get("/pasvaldibas/ventspils/"))
    assert "tālruņi ir demo numuri (+371 0000 …), kas nav īsti" in html
    assert 'href="tel:+3710000' in html
    for name in [
        "Ventspils Pārventas pamatskola",
        "Ventspils pilsētas sociālā pārvalde",
        "Ventspils pašvaldības Dzīvokļu nodaļa",
        "Valsts policijas Kurzemes reģiona pārvalde",
        "Atbalsta centrs “DIA+LOGS”",
        "Biedrība “Sarkanais Krusts”",
        "Rīgas Infektoloģijas centrs",
        "Nodarbinātības valsts aģentūra",
    ]:
        assert name in html
    assert "Demo dati" in html
    assert "Malda Avramenko" in html
    assert html.index('-h">Izglītība</h3>') < html.index('-h">Mājoklis</h3>')
    assert "Salīdzināt ar citu pašvaldību" in html


def test_demo_directory_invents_no_contact_details(demo_directory):
    from network.directory.models import Contact, Location, Organization, Phone, Schedule

    assert Service.objects.count() > 30
    assert not Service.objects.filter(is_demo=False).exists()
    assert not Organization.objects.filter(is_demo=False).exists()
    # Every demo service ends in a call, to a number from the non-dialable range, labelled.
    assert not Service.objects.filter(phones=None).exists()
    for phone in Phone.objects.all():
        assert re.fullmatch(r"\+371 0000 \d{4}", phone.number), phone.number
        assert phone.description == "demo — nav īsts numurs"
    assert not Schedule.objects.exists()
    assert not Service.objects.exclude(email="").exists()
    assert not Contact.objects.exclude(email="").exists()
    assert not Contact.objects.exclude(name="").exists()
    assert not Location.objects.exclude(address_1="").exists()
    names = set(Organization.objects.values_list("name", flat=True))
    assert {
        "ESF projekts “Proti un Dari”",
        "ESF projekts “Pumpurs”",
        "Viļakas novada bāriņtiesa",
    } <= names
    assert "“Cerība bērniem”" in names
    assert "Evaņģēlisko kristiešu draudze “Zilais Krusts”" in names


def test_organization_page_lists_services_places_and_municipalities(client, municipality, topics):
    organization = OrganizationFactory(name="Sociālais dienests", alternate_name="SD")
    care = ServiceFactory(
        organization=organization,
        name="Sociālā palīdzība",
        topics=[topics["socialie-jautajumi"]],
        service_areas=[municipality],
    )
    PhoneFactory(service=care, number="6362 2222")
    ServiceAtLocationFactory(service=care)
    ServiceFactory(organization=OrganizationFactory(name="Cita iestāde"), name="Svešs")
    html = html_of(client.get(organization.get_absolute_url()))
    assert "<h1>Sociālais dienests</h1>" in html
    assert care.get_absolute_url() in html and "Svešs" not in html
    assert 'href="tel:+37163622222"' in html
    assert municipality.url in html
    assert "<h2>Adreses</h2>" in html
    # The service card links back to its organisation.
    assert organization.get_absolute_url() in html_of(client.get(care.get_absolute_url()))


def test_organization_without_services_and_unknown_organization(client, db):
    organization = OrganizationFactory(name="Jauna biedrība")
    html = html_of(client.get(organization.get_absolute_url()))
    assert "Šai iestādei katalogā vēl nav neviena pakalpojuma." in html
    assert client.get(f"/iestades/{uuid.uuid4()}/").status_code == 404
    assert client.post(organization.get_absolute_url()).status_code == 405


def test_an_organization_search_result_opens_its_page(municipality):
    from search.sources import document_for

    organization = OrganizationFactory(name="Sociālais dienests")
    ServiceFactory(organization=organization, service_areas=[municipality])
    _doc_id, document = document_for(organization)
    assert document["url"] == organization.get_absolute_url()
