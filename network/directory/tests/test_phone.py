"""On a 360 px phone: Ventspils → a service's card → compare with Jelgava (real Chromium)."""

import pytest

pytestmark = pytest.mark.django_db


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_mediator_finds_an_office_and_compares_on_a_phone(
    live_server, phone_page, demo_directory, artifacts_dir
):
    page = phone_page
    page.goto(f"{live_server.url}/pasvaldibas/ventspils/")
    assert page.locator("h1").inner_text() == "Ventspils"
    assert no_sideways_scroll(page)
    page.get_by_role("link", name="Mājoklis (1)").click()
    page.get_by_role("link", name="Ventspils pašvaldības Dzīvokļu nodaļa").click()
    assert page.locator("h1").inner_text() == "Ventspils pašvaldības Dzīvokļu nodaļa"
    assert page.get_by_text("Demo dati").first.is_visible()
    assert page.get_by_role("link", name="Ierosināt labojumu").is_visible()
    assert no_sideways_scroll(page)
    page.screenshot(path=artifacts_dir / "network-service-phone.png", full_page=True)
    page.goto(f"{live_server.url}/pasvaldibas/ventspils/")
    page.get_by_label("Pašvaldība").select_option("jelgava")
    page.get_by_role("button", name="Salīdzināt").click()
    assert page.get_by_role("columnheader", name="Jelgava").is_visible()
    assert page.get_by_role("cell", name="Malda Avramenko").is_visible()
    assert no_sideways_scroll(page)  # the table scrolls inside its own box
    page.screenshot(path=artifacts_dir / "network-compare-phone.png", full_page=True)
