"""On a phone the seminar page folds into its sections and the guide remembers its ticks."""

import re

import pytest
from playwright.sync_api import expect

from knowledge.models import GuideStepPage, SeminarPage
from portal.tests.browser.conftest import context_options

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.elasticsearch,
]

SCREEN_HEIGHT = 740
MAX_SEMINAR_SCREENS = 8  # folded; it was about 30 screens long


def test_the_seminar_folds_into_sections_the_contents_open(demo, browser, camera):
    context = browser.new_context(**context_options("phone"))
    page = context.new_page()
    page.goto(demo + SeminarPage.objects.live().get(locale__language_code="lv").url)
    toggles = page.locator(".collapsible__toggle")
    assert toggles.count() >= 3
    expect(toggles.first).to_have_attribute("aria-expanded", "false")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= MAX_SEMINAR_SCREENS * SCREEN_HEIGHT, height
    camera.shoot(page, "seminar folded")

    # A table of contents entry opens its section and shows its heading.
    entry = page.locator(".toc a").nth(2)
    anchor = entry.get_attribute("href")
    entry.click()
    heading = page.locator(anchor)
    expect(heading.locator(".collapsible__toggle")).to_have_attribute("aria-expanded", "true")
    expect(heading).to_be_in_viewport()
    # Every data table fits the screen or scrolls inside its own box.
    for toggle in toggles.all():
        if toggle.get_attribute("aria-expanded") == "false":
            toggle.click()
    widths = page.locator(".figures .table-scroll").evaluate_all(
        "boxes => boxes.map(box => box.scrollWidth - box.clientWidth)"
    )
    assert widths and all(width <= 0 for width in widths), widths
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    camera.shoot(page, "seminar section opened")
    context.close()


def test_the_seminar_stays_open_on_a_wide_screen_and_without_javascript(demo, browser):
    url = demo + SeminarPage.objects.live().get(locale__language_code="lv").url
    for options in (
        context_options("desktop"),
        context_options("phone", java_script_enabled=False),
    ):
        context = browser.new_context(**options)
        page = context.new_page()
        page.goto(url)
        expect(page.locator(".collapsible__toggle")).to_have_count(0)
        expect(page.locator(".collapsible__body").first).to_be_visible()
        context.close()


def test_guide_ticks_are_kept_after_a_reload(demo, browser, camera):
    context = browser.new_context(**context_options("phone"))
    page = context.new_page()
    step = GuideStepPage.objects.live().order_by("path").first()
    page.goto(demo + step.url)
    boxes = page.locator(".checklist input[type=checkbox]")
    total = boxes.count()
    boxes.nth(0).check()
    boxes.nth(1).check()
    expect(page.locator(".checklist__progress").first).to_contain_text(f"Atzīmēti 2 no {total}")
    page.reload()
    expect(boxes.nth(0)).to_be_checked()
    expect(boxes.nth(1)).to_be_checked()
    expect(boxes.nth(2)).not_to_be_checked()
    # The step links to the portal's own tools.
    expect(page.locator("main a[href='/pasvaldibas/']").first).to_be_visible()
    camera.shoot(page, "guide ticks kept")
    context.close()


def test_the_printed_guide_is_compact(demo, browser):
    context = browser.new_context(**context_options("desktop"))
    page = context.new_page()
    guide = GuideStepPage.objects.live().order_by("path").first().get_parent()
    page.goto(demo + guide.url + "print/")
    expect(page.get_by_role("button", name="Drukāt vai saglabāt PDF")).to_be_visible()
    steps = GuideStepPage.objects.live().child_of(guide).count()
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))  # the PDF's page objects
    assert 0 < pages < steps, (pages, steps)
    context.close()
