"""A mediator's own work on a phone (issue 20, point 7): from the home page the menu leads to
the portal's own sign-in, which leads to "Mans darbs"; signing out is a button in the menu."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from portal.tests.browser.conftest import context_options

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.elasticsearch,
]

PASSWORD = "browser-test-password"  # noqa: S105 (test users only)
MAX_HEADER_HEIGHT = 120  # px at 360×740, as test_phone_header
BLOCKING_IMPACTS = {"serious", "critical"}


def serious_axe_violations(page):
    violations = Axe().run(page).response["violations"]
    return [v["id"] for v in violations if v["impact"] in BLOCKING_IMPACTS]


def test_sign_in_leads_to_my_work_and_sign_out_back(demo, browser, camera):
    mediator = get_user_model().objects.get(username="demo-mediators")  # Ventspils
    mediator.set_password(PASSWORD)
    mediator.save()
    context = browser.new_context(**context_options("phone"))
    page = context.new_page()
    page.goto(demo + "/")
    page.get_by_text("Izvēlne", exact=True).click()
    page.get_by_role("link", name="Pieslēgties", exact=True).click()
    expect(page.get_by_role("heading", name="Pieslēgties")).to_be_visible()
    page.get_by_label("Lietotājvārds").fill("demo-mediators")
    page.get_by_label("Parole").fill("nepareiza")
    page.get_by_role("button", name="Pieslēgties").click()
    expect(page.get_by_role("alert")).to_contain_text("parole nav pareiza")
    assert serious_axe_violations(page) == []
    page.get_by_label("Parole").fill(PASSWORD)
    page.get_by_role("button", name="Pieslēgties").click()

    page.wait_for_url("**/mans-darbs/")
    expect(page.get_by_role("heading", name="Mans darbs", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Mans profils")).to_be_visible()
    expect(page.get_by_role("link", name="Labot profilu")).to_be_visible()
    expect(page.get_by_role("heading", name="Kontakti, kas jāpārbauda")).to_be_visible()
    assert page.locator(".site-header").bounding_box()["height"] <= MAX_HEADER_HEIGHT
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert serious_axe_violations(page) == []
    camera.shoot(page, "my work")
    page.goto(demo + "/konts/parole/")
    assert serious_axe_violations(page) == []
    page.goto(demo + "/mans-darbs/")

    page.get_by_text("Izvēlne", exact=True).click()
    page.get_by_role("button", name="Iziet").click()
    page.wait_for_url(demo + "/")
    page.get_by_text("Izvēlne", exact=True).click()
    expect(page.get_by_role("link", name="Pieslēgties", exact=True)).to_be_visible()
    context.close()
