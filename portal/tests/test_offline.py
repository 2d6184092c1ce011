"""Installable and offline (issue 22): the manifest, the worker's URL and headers, what a
municipality saves, what the server marks private, and the bytes all this adds to a first load."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from network.directory.models import MunicipalityPage, Service

pytestmark = pytest.mark.django_db

ADDED_BUDGET = 10 * 1024


def wire_bytes(response):
    """Status line, headers and body, as sent uncompressed."""
    headers = "".join(f"{name}: {value}\r\n" for name, value in response.items())
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return len(b"HTTP/1.1 200 OK\r\n") + len(headers.encode()) + 2 + len(body)


def test_manifest_names_the_portal_in_latvian_with_icons(client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Mediatoru tīkls"
    assert manifest["lang"] == "lv"
    assert manifest["start_url"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#8a1538"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_worker_is_served_from_the_root_with_its_texts_in_both_languages(client):
    response = client.get("/sw.js")
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    source = response.content.decode()
    assert "/*STRINGS*/" not in source
    assert '"lv": {"saved": "Saglabāts: %s"' in source
    assert '"en": {"saved": ' in source


def test_policy_allows_our_own_worker_and_manifest_only(client, demo_site):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["worker-src"] == "'self'"
    assert directives["manifest-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"


def test_a_municipality_lists_its_page_cards_vcards_and_contacts(client, demo_site):
    ventspils = MunicipalityPage.objects.get(slug="ventspils")
    services = Service.objects.public().filter(service_areas=ventspils)
    assert services.exists()
    for prefix in ("", "/en"):
        response = client.get(f"{prefix}/pasvaldibas/ventspils/bezsaiste/")
        bundle = response.json()
        assert bundle["urls"][0] == f"{prefix}/pasvaldibas/ventspils/"
        cards = {f"{prefix}/pakalpojumi/{service.pk}/" for service in services}
        assert {contact["url"] for contact in bundle["contacts"]} == cards
        assert set(bundle["urls"][1:]) == cards | {card + "vcard/" for card in cards}
        for url in bundle["urls"]:
            assert client.get(url).status_code == 200, url
    phones = [phone for contact in bundle["contacts"] for phone in contact["phones"]]
    assert phones and all(phone["tel"].startswith("tel:") for phone in phones)


def test_the_save_button_and_the_share_box_are_on_their_pages(client, demo_site):
    page = client.get("/pasvaldibas/ventspils/").content.decode()
    assert 'data-offline-save="/pasvaldibas/ventspils/bezsaiste/"' in page
    assert "Saglabāt bezsaistē" in page
    card = client.get(f"/pakalpojumi/{Service.objects.public().first().pk}/").content.decode()
    # Without JavaScript the link is there to select; the buttons wait for the script.
    assert 'id="share-link" type="url" value="http://testserver/pakalpojumi/' in card
    assert "Kopēt saiti" in card


def test_signed_in_pages_and_cookie_setting_answers_are_private(demo_site):
    user = get_user_model().objects.create_user("mediatore", "m@example.org", "x" * 16)
    signed_in = Client()
    signed_in.force_login(user)
    for path in ("/", "/pasvaldibas/ventspils/", "/mans-darbs/"):
        assert "private" in signed_in.get(path)["Cache-Control"], path
    # A sign-in form sets the CSRF cookie: it too is kept by no cache.
    assert "private" in Client().get("/konts/pieslegties/")["Cache-Control"]


def test_worker_and_manifest_add_at_most_10_kb_to_a_first_load(client, demo_site):
    """What a first visit fetches for it, as a browser asks (compressed where the server
    compresses): the worker, the manifest, the script that installs it (uncompressed here;
    production's static storage compresses it too), and the lines base.html gained (the icons
    come only when installing)."""
    added = sum(
        wire_bytes(client.get(path, headers={"accept-encoding": "gzip, deflate, br"}))
        for path in ("/sw.js", "/manifest.webmanifest", "/static/js/offline.js")
    )
    home = client.get("/").content.decode()
    head_lines = [line for line in home.splitlines() if "manifest" in line or "offline.js" in line]
    head_lines += [line for line in home.splitlines() if "theme-color" in line]
    added += sum(len(line.encode()) + 1 for line in head_lines)
    print(f"worker, manifest and their script add {added} bytes to a first load")
    assert added <= ADDED_BUDGET, added
