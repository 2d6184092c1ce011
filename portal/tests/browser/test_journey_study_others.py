"""Tukums studying others on a phone (issue 20): the municipality page suggests whom to study,
a three-town comparison hides no town, the mediators' map labels do not overlap; axe finds
nothing serious on these pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import context_options

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

BLOCKING_IMPACTS = {"serious", "critical"}
THREE_TOWNS = "/pasvaldibas/salidzinat/?m=jelgava&m=ventspils&m=vilaka"
# Every box of the elements matched, in CSS pixels of the page.
BOXES = """selector => Array.from(document.querySelectorAll(selector)).map(el => {
    const r = el.getBoundingClientRect();
    const text = el.textContent.trim();
    return {text, left: r.left, top: r.top, right: r.right, bottom: r.bottom};
})"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(**context_options("phone"))
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{page.url}: {violation['id']} {violation['help']}"
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def overlap(a, b):
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return width > 0.5 and height > 0.5


def test_tukums_suggests_whom_to_study_and_a_three_town_comparison_reads_on_a_phone(
    demo, phone, camera
):
    page = phone
    page.goto(demo + "/pasvaldibas/tukums/")
    study = page.locator("section.study")
    expect(study.get_by_role("heading", name="Ko iepazīt citās pašvaldībās")).to_be_visible()
    expect(study.get_by_role("link", name="Ventspils", exact=True)).to_be_visible()
    expect(study.get_by_role("link", name="Rotaļlietu bibliotēka “Ringla” Jelgavā")).to_have_count(
        1
    )
    expect(page.locator("#compare-with option:checked")).to_have_text("Ventspils")
    problems = serious_violations(page)
    camera.shoot(page, "tukums suggestions")
    study.get_by_role("link", name="Salīdzināt: Tukums un Ventspils").click()
    page.wait_for_url("**/pasvaldibas/salidzinat/?m=tukums&m=ventspils")
    expect(page.locator("thead th[scope=col]")).to_have_text(["Tukums", "Ventspils"])

    page.goto(demo + THREE_TOWNS)
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    heads = page.evaluate(BOXES, "thead th[scope=col] a")
    assert [head["text"] for head in heads] == ["Jelgava", "Ventspils", "Viļaka"]
    rows = page.locator("table.compare-table tbody tr")
    assert rows.count() >= 5
    for index in range(rows.count()):
        towns = page.evaluate(BOXES, f"table.compare-table tbody tr:nth-child({index + 1}) td")
        names = page.evaluate(
            BOXES, f"table.compare-table tbody tr:nth-child({index + 1}) .compare-table__town"
        )
        assert len(towns) == 3 and [n["text"] for n in names] == ["Jelgava", "Ventspils", "Viļaka"]
        # Every town's value and name lie within the screen: no column hidden sideways.
        for box in towns + names + heads:
            assert box["left"] >= 0 and box["right"] <= width, box
    families = rows.filter(has=page.locator("th", has_text="Atbalstītās ģimenes"))
    expect(families.locator("td").nth(2)).to_contain_text("Viļaka")
    expect(families.locator("td").nth(2)).to_contain_text("22")
    problems += serious_violations(page)
    camera.shoot(page, "three towns on a phone")
    assert problems == [], "\n".join(problems)


def test_on_a_wide_screen_the_comparison_header_row_stays_in_view(demo, browser, camera):
    context = browser.new_context(**context_options("desktop"))
    page = context.new_page()
    try:
        page.goto(demo + THREE_TOWNS)
        expect(page.locator(".compare-table__town").first).to_be_hidden()
        last_row = page.locator("table.compare-table tbody tr").last
        last_row.scroll_into_view_if_needed()
        page.mouse.wheel(0, 200)
        table_top = page.locator("table.compare-table").bounding_box()["y"]
        head = page.locator("thead th[scope=col]").first.bounding_box()
        if table_top < 0:  # the table's top has scrolled away: its header row must not
            assert -1 <= head["y"] <= 2, head
        page.evaluate("window.scrollTo(0, 0)")
        camera.shoot(page, "three towns on a wide screen")
    finally:
        context.close()


def test_mediators_map_labels_do_not_overlap_and_are_readable_on_a_phone(demo, phone, camera):
    from network.mediators.models import MediatorIndexPage

    page = phone
    page.goto(demo + MediatorIndexPage.objects.live().first().url)
    labels = page.evaluate(BOXES, ".people-map__label")
    dots = page.evaluate(BOXES, ".people-map__dot")
    frame = page.evaluate(BOXES, ".people-map__land")[0]
    assert len(labels) == len(dots) == 8
    for i, label in enumerate(labels):
        assert label["bottom"] - label["top"] >= 12, label  # at least 12 px text on a phone
        assert frame["left"] <= label["left"] and label["right"] <= frame["right"], label
        assert frame["top"] <= label["top"] and label["bottom"] <= frame["bottom"], label
        assert not [other["text"] for other in labels[i + 1 :] if overlap(label, other)], label
        assert not [dot for dot in dots if overlap(label, dot)], label
    # The map is a picture; the list below it is its text, with the links.
    expect(page.locator(".people-map__svg")).to_have_attribute("aria-hidden", "true")
    expect(page.locator(".people-map__list a")).to_have_count(8)
    problems = serious_violations(page)
    page.locator(".people-map").scroll_into_view_if_needed()
    camera.shoot(page, "map on a phone")
    assert problems == [], "\n".join(problems)
