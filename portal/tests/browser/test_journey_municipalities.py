"""Journey 4: a municipality's visitor opens Tukums, then compares Jelgava and Ventspils."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_visitor_opens_tukums_then_compares_jelgava_and_ventspils(demo, journey_page, camera):
    page = journey_page
    page.goto(demo + "/")
    camera.shoot(page, "home")
    page.locator("#journey-municipalities").locator("xpath=..").get_by_role("link").click()
    expect(page).to_have_url(demo + "/pasvaldibas/")
    camera.shoot(page, "municipalities")

    page.get_by_role("link", name="Tukums", exact=True).click()
    expect(page).to_have_url(demo + "/pasvaldibas/tukums/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tukums")
    expect(page.get_by_role("heading", name="Kam zvanīt")).to_be_visible()
    expect(page.get_by_role("heading", name="Mediatora darba prakse")).to_be_visible()
    camera.shoot(page, "tukums")

    page.go_back()
    expect(page).to_have_url(demo + "/pasvaldibas/")
    page.get_by_label("Jelgava").check()
    page.get_by_label("Ventspils").check()
    camera.shoot(page, "two municipalities chosen")
    page.get_by_role("button", name="Salīdzināt").click()
    page.wait_for_url("**/pasvaldibas/salidzinat/?*")

    table = page.locator("table.compare-table")
    columns = table.locator("thead th[scope=col]")
    expect(columns).to_have_text(["Jelgava", "Ventspils"])
    # Side by side: one row holds both municipalities' values.
    families = table.locator("tbody tr").filter(
        has=page.locator("th", has_text="Atbalstītās ģimenes")
    )
    expect(families.locator("td")).to_have_count(2)
    expect(families.locator("td").nth(0)).to_contain_text("30")
    expect(families.locator("td").nth(1)).to_contain_text("17")
    # On a phone the table scrolls inside its own region, not the whole page.
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= page.viewport_size["width"], page_width
    camera.shoot(page, "comparison")
    assert page.console_errors == []
