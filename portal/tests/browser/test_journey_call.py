"""On a phone a directory question ends in a call: the first contact's call button is on the
first screen of the results and of the service card, three taps from the home page."""

import re

import pytest
from playwright.sync_api import expect

from portal.tests.browser.conftest import context_options

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.elasticsearch,
]

QUESTIONS = ["ģimenei Ventspilī ir īres parādi", "vilaka barintiesa", "apģērbi bērniem Ventspilī"]
SCREEN_HEIGHT = 740
E164 = re.compile(r"^tel:\+371\d{8}$")


def assert_on_first_screen(locator, where):
    box = locator.bounding_box()
    assert box is not None, where
    assert box["y"] >= 0 and box["y"] + box["height"] <= SCREEN_HEIGHT, (where, box)


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_question_ends_in_a_call_in_three_taps(demo, browser, camera, question):
    context = browser.new_context(**context_options("phone"))
    page = context.new_page()
    page.goto(demo + "/")
    page.get_by_label("Ko jūs meklējat? Uzrakstiet jautājumu").fill(question)
    page.get_by_role("button", name="Meklēt").first.click()  # tap 1
    page.wait_for_url("**/meklet/?q=*")

    contacts = page.locator(".result-group").first
    expect(contacts.get_by_role("heading", level=2)).to_contain_text("Kam zvanīt")
    call = contacts.locator(".call-button").first
    assert E164.match(call.get_attribute("href")), call.get_attribute("href")
    assert_on_first_screen(call, "results")
    camera.shoot(page, "results")

    contacts.locator(".result__title a").first.click()  # tap 2
    page.wait_for_url(re.compile(r"/(pakalpojumi|iestades)/"))
    call = page.locator("main .call-button").first
    assert E164.match(call.get_attribute("href")), call.get_attribute("href")
    assert_on_first_screen(call, "card")
    expect(page.locator("main")).to_contain_text("demo — nav īsts numurs")
    camera.shoot(page, "card: the call is tap 3")
    context.close()
