import pytest

from network.directory.models import Phone
from network.directory.vcard import escape
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
    assert "TEL;TYPE=WORK,VOICE:+371 2000 0001" in lines
    assert "TEL;TYPE=WORK,CELL:+371 2000 0002 ext. 12" in lines
    assert "EMAIL;TYPE=INTERNET,WORK:dienests@example.org" in lines
    assert "EMAIL;TYPE=INTERNET,WORK:anna@example.org" in lines
    assert "ADR;TYPE=WORK:;;Parauga iela 1;Ventspils;;LV-0000;LV" in lines
    assert "TITLE:Anna Paraudziņa (sociālā darbiniece)" in lines
    assert "NOTE:Pabalsti\\, krīzes palīdzība" in lines
    assert f"URL:http://testserver{service.get_absolute_url()}" in lines


def test_escape_follows_rfc_2426():
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert escape(None) == ""
