"""Journey 1: a new mediator walks the onboarding guide from the home page and prints it."""

import pytest
from playwright.sync_api import expect

from knowledge.models import GuidePage

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_new_mediator_walks_the_guide_and_opens_the_print_view(
    demo, journey_page, camera, viewport
):
    page = journey_page
    guide = GuidePage.objects.live().get(slug="darba-uzsaksana", locale__language_code="lv")
    steps = [step.title for step in guide.get_children().live().specific()]
    assert len(steps) >= 2

    page.goto(demo + "/")
    camera.shoot(page, "home")
    page.get_by_role("link", name=guide.title).click()
    expect(page).to_have_url(demo + guide.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(guide.title)
    camera.shoot(page, "guide overview")

    page.get_by_role("link", name="Sākt ar 1. soli").click()
    for number, title in enumerate(steps, start=1):
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.locator(".step-counter")).to_have_text(f"{number}. solis no {len(steps)}")
        camera.shoot(page, f"step {number}")
        if number < len(steps):
            page.locator("a[rel=next]").click()

    # The last step leads back to the overview instead of a next step.
    expect(page.locator("a[rel=next]")).to_have_count(0)
    expect(page.get_by_role("link", name="Atpakaļ uz satura rādītāju")).to_be_visible()

    # And previous walks back, one step at a time.
    for number in range(len(steps) - 1, 0, -1):
        page.locator("a[rel=prev]").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(steps[number - 1])
    expect(page.locator("a[rel=prev]")).to_have_count(0)
    camera.shoot(page, "back at step 1")

    page.get_by_text("Visi soļi").click()  # the <details> index of every step
    page.get_by_role("link", name="Visa ceļveža drukas versija").click()
    expect(page).to_have_url(demo + guide.url + "print/")
    for title in steps:
        expect(page.get_by_role("heading", name=title)).to_be_visible()
    page.emulate_media(media="print")
    camera.shoot(page, "print view")
    page.emulate_media(media="screen")
    assert page.console_errors == [], viewport
