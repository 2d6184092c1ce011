import pytest
import vobject

from network.directory.models import Phone, Service
from network.directory.vcard import escape, fold
from network.factories import (
    ContactFactory,
    OrganizationFactory,
    PhoneFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db


def test_vcard_download_has_the_contact_card(client):
    service = ServiceFactory(
        name="Sociālais dienests; nodaļa",
        organization=OrganizationFactory(name="Ventspils sociālā pārvalde"),
        email="dienests@example.org",
        description="Pabalsti, krīzes palīdzība",
    )
    PhoneFactory(service=service, number="+371 2000 0001")
    PhoneFactory(service=service, number="+371 2000 0002", type=Phone.Type.CELL, extension="12")
    ContactFactory(service=service, name="Anna Paraudziņa", title="sociālā darbiniece")
    ServiceAtLocationFactory(
        service=service, location__address_1="Parauga iela 1", location__city="Ventspils"
    )
    response = client.get(f"{service.get_absolute_url()}vcard/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="socialais-dienests-nodala.vcf"'
    text = response.content.decode()
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCARD" and lines[1] == "VERSION:3.0"
    assert lines[-2] == "END:VCARD" and lines[-1] == ""
    assert "FN:Ventspils sociālā pārvalde: Sociālais dienests\\; nodaļa" in lines
    assert "N:;;;;" in lines
    assert "ORG:Ventspils sociālā pārvalde;Sociālais dienests\\; nodaļa" in lines
    assert "TEL;TYPE=WORK,VOICE:+37120000001" in lines
    assert "TEL;TYPE=WORK,CELL:+37120000002,12" in lines
    assert "EMAIL;TYPE=INTERNET,WORK:dienests@example.org" in lines
    assert "EMAIL;TYPE=INTERNET,WORK:anna@example.org" in lines
    assert "ADR;TYPE=WORK:;;Parauga iela 1;Ventspils;;LV-0000;LV" in lines
    assert "TITLE:Anna Paraudziņa (sociālā darbiniece)" in lines
    assert "NOTE:Pabalsti\\, krīzes palīdzība" in lines
    assert f"URL:http://127.0.0.1:8000{service.get_absolute_url()}" in lines


def test_escape_follows_rfc_2426():
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert escape(None) == ""


def test_fold_keeps_lines_within_75_octets_and_utf8_characters_whole():
    line = "NOTE:" + "ā" * 100  # two octets each: a split inside one would be invalid UTF-8
    physical = fold(line).split("\r\n")
    assert all(len(part.encode()) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert "".join(part[1:] if n else part for n, part in enumerate(physical)) == line
    assert fold("FN:īss") == "FN:īss"


def test_a_long_card_is_folded_and_reads_back_whole(client, public_address):
    description = "Palīdz ģimenēm ar dokumentiem, pabalstiem un īri; " * 6
    service = ServiceFactory(
        name="Sociālās palīdzības un konsultāciju nodaļa ģimenēm ar bērniem un jauniešiem",
        organization=OrganizationFactory(name="Ventspils valstspilsētas pašvaldības iestāde"),
        description=description,
    )
    PhoneFactory(service=service, number="+371 0000 0001")
    ServiceAtLocationFactory(
        service=service,
        location__address_1="Garā Jūrmalas ielas sētas māja 1000, kāpņu telpa Ž, 3. stāvs",
    )
    text = client.get(f"{service.get_absolute_url()}vcard/").content.decode()
    physical = text.split("\r\n")[:-1]
    assert max(len(line.encode()) for line in physical) <= 75
    assert sum(line.startswith(" ") for line in physical) > 5
    card = vobject.readOne(text)
    assert card.note.value == description
    assert card.fn.value.startswith("Ventspils valstspilsētas pašvaldības iestāde: Sociālās")
    assert card.tel.value == "+37100000001"
    assert card.adr.value.street.startswith("Garā Jūrmalas ielas")
    assert card.url.value == f"https://portal.example.org/pakalpojumi/{service.pk}/"


def test_every_demo_card_parses_and_no_physical_line_is_over_75_octets(client, demo_directory):
    services = Service.objects.public()
    assert services.count() > 30
    for service in services:
        text = client.get(f"{service.get_absolute_url()}vcard/").content.decode()
        assert all(len(line.encode()) <= 75 for line in text.split("\r\n")), service.name
        card = vobject.readOne(text)
        assert card.org.value[0] == service.organization.name
        assert all(tel.value.startswith("+") for tel in card.contents.get("tel", []))


def test_a_demo_card_says_its_contacts_are_not_real(client):
    service = ServiceFactory(is_demo=True, description="Palīdz ar dokumentiem.")
    PhoneFactory(service=service, number="+371 0000 0001")
    card = vobject.readOne(client.get(f"{service.get_absolute_url()}vcard/").content.decode())
    assert card.note.value == (
        "Piemēra ieraksts no semināra materiāliem; kontaktinformācija nav pārbaudīta. "
        "Palīdz ar dokumentiem."
    )
