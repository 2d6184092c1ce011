"""Journey 2: a mediator asks the home page's search box about a family's rent arrears in
Ventspils, finds Ventspils' housing and social-service contacts first, and saves one as a vCard."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.elasticsearch,
]

QUERIES = ["ģimenei Ventspilī ir īres parādi", "gimenei Ventspili ir ires paradi"]
HOUSING = re.compile(r"dzīvok|mājok|īre", re.IGNORECASE)
SOCIAL = re.compile(r"sociāl", re.IGNORECASE)
TOP = 3  # "first": within the first three contacts


def test_mediator_finds_ventspils_contacts_and_saves_a_vcard(demo, journey_page, camera):
    page = journey_page
    for number, query in enumerate(QUERIES, start=1):
        page.goto(demo + "/")
        page.get_by_label("Ko jūs meklējat? Uzrakstiet jautājumu").fill(query)
        camera.shoot(page, f"query {number} typed")
        page.get_by_role("button", name="Meklēt").first.click()
        page.wait_for_url("**/meklet/?q=*")

        groups = page.locator(".result-group")
        expect(groups.first.get_by_role("heading", level=2)).to_contain_text("Kam zvanīt")
        contacts = groups.first.locator(".result")
        expect(contacts.first).to_be_visible()
        top = [
            (
                contacts.nth(index).locator(".result__title").inner_text(),
                contacts.nth(index).locator(".result__meta").inner_text(),
            )
            for index in range(min(TOP, contacts.count()))
        ]
        assert all("Ventspils" in meta for _title, meta in top), (query, top)
        assert any(HOUSING.search(title) for title, _meta in top), (query, top)
        assert any(SOCIAL.search(title) for title, _meta in top), (query, top)
        camera.shoot(page, f"query {number} results")

    # Open the first housing contact and save it to the phone's contacts.
    housing = contacts.filter(has=page.locator(".result__title", has_text=HOUSING)).first
    housing.locator(".result__title a").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    camera.shoot(page, "service page")
    assert "/pakalpojumi/" in page.url or "/iestades/" in page.url, page.url
    if "/pakalpojumi/" not in page.url:
        # A result for the institution leads to its page; its services link on.
        page.locator("main a[href^='/pakalpojumi/']").first.click()
        camera.shoot(page, "service page")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Saglabāt kontaktos (vCard)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".vcf"), download.suggested_filename
    # Unfolded: vCard lines longer than 75 octets continue on the next line after a space.
    card = download.path().read_text(encoding="utf-8").replace("\r\n ", "").replace("\n ", "")
    assert card.startswith("BEGIN:VCARD"), card[:80]
    assert "END:VCARD" in card
    # The service page's heading is the institution; the card carries it as the organisation.
    organisation = page.get_by_role("heading", level=1).inner_text()
    assert f"ORG:{organisation}" in card, (organisation, card)
    assert page.console_errors == []
