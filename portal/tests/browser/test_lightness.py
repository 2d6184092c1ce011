"""Light pages: reading and searching without JavaScript, and a transfer budget per page type."""

import pytest
from playwright.sync_api import expect

from knowledge.models import ArticlePage, GuideStepPage, SeminarPage

from .conftest import context_options, first_service_path

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

BUDGET_BYTES = 150 * 1024
BUDGETED = {"article", "search"}  # the budget; the others are measured and reported
IMAGE_TYPES = {"Image"}
SITE_SCRIPT = "/js/offline.js"


def test_reading_and_searching_work_without_javascript(demo, browser, camera):
    context = browser.new_context(**context_options("phone", java_script_enabled=False))
    page = context.new_page()
    try:
        page.goto(demo + "/")
        page.locator("#home-search").fill("ģimenei Ventspilī ir īres parādi")
        page.locator("#home-search").press("Enter")
        page.wait_for_url("**/meklet/?q=*")
        results = page.locator(".result__title a")
        expect(results.first).to_be_visible()
        camera.shoot(page, "search results without javascript")

        # Filters and the next page of results are plain links.
        page.locator(".pagination a[rel=next]").click()
        expect(page.locator(".pagination")).to_contain_text("2. lapa")

        page.goto(demo + "/zinasanas/")
        article = ArticlePage.objects.live().order_by("path").first()
        page.get_by_role("link", name=article.title).first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
        camera.shoot(page, "article without javascript")

        page.goto(demo + "/darba-uzsaksana/")
        page.locator(".guide-actions a.button").click()
        page.locator("a[rel=next]").click()
        expect(page.locator(".step-counter")).to_contain_text("2. solis")
        page.get_by_text("Visi soļi").click()  # <details> opens without script
        expect(page.locator(".step-index ol")).to_be_visible()
        camera.shoot(page, "guide step without javascript")

        page.goto(demo + "/pasvaldibas/")
        page.locator("input[name=m][value=jelgava]").check()
        page.locator("input[name=m][value=ventspils]").check()
        page.locator(".compare-form button[type=submit]").click()
        expect(page.locator("table thead")).to_contain_text("Ventspils")
        camera.shoot(page, "compare without javascript")
    finally:
        context.close()


def measure(browser, url):
    """Bytes on the wire (headers + encoded bodies) of a cold load, by resource type."""
    context = browser.new_context(**context_options("phone"))
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    types, sizes, problems = {}, {}, []
    cdp.on(
        "Network.responseReceived",
        lambda event: types.__setitem__(
            event["requestId"], (event["type"], event["response"]["url"])
        ),
    )
    cdp.on(
        "Network.loadingFinished",
        lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]),
    )
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    try:
        response = page.goto(url, wait_until="load")
        assert response.status == 200, (url, response.status)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    resources = [
        (types[rid][0], types[rid][1], size) for rid, size in sizes.items() if rid in types
    ]
    return {
        "bytes": sum(size for kind, _url, size in resources if kind not in IMAGE_TYPES),
        "images": sum(size for kind, _url, size in resources if kind in IMAGE_TYPES),
        "scripts": sorted(url for kind, url, _size in resources if kind == "Script"),
        "stylesheets": sorted(url for kind, url, _size in resources if kind == "Stylesheet"),
        "console_errors": problems,
    }


def test_page_weight_budget(demo, browser, page, artifacts_dir, capsys):
    step = GuideStepPage.objects.live().order_by("path").first()
    pages = {
        "home": "/",
        "article": ArticlePage.objects.live().order_by("path").first().url,
        "seminar": SeminarPage.objects.live().order_by("path").first().url,
        "guide step": step.url,
        "listing": "/zinasanas/",
        "municipality": "/pasvaldibas/ventspils/",
        "service": first_service_path(page, demo),
        "search": "/meklet/?q=ģimenei Ventspilī ir īres parādi",
    }
    lines = [f"{'page type':<14}{'KB excl. images':>17}{'images KB':>11}{'scripts':>9}{'CSS':>5}"]
    problems = []
    for name, path in pages.items():
        weight = measure(browser, demo + path)
        lines.append(
            f"{name:<14}{weight['bytes'] / 1024:>17.1f}{weight['images'] / 1024:>11.1f}"
            f"{len(weight['scripts']):>9}{len(weight['stylesheets']):>5}"
        )
        # One script of the page's own at most, besides offline.js (on every page: it installs
        # the service worker and runs the save and share buttons).
        own = [url for url in weight["scripts"] if not url.endswith(SITE_SCRIPT)]
        if len(own) > 1:
            problems.append(f"{name}: {len(own)} scripts {weight['scripts']}")
        if len(weight["stylesheets"]) > 1:
            problems.append(f"{name}: {len(weight['stylesheets'])} stylesheets")
        if name in BUDGETED and weight["bytes"] > BUDGET_BYTES:
            problems.append(f"{name}: {weight['bytes']} bytes > {BUDGET_BYTES}")
        # A script or style the CSP blocks is dead weight and a broken feature.
        problems.extend(
            f"{name}: {error}" for error in weight["console_errors"] if "Content Security" in error
        )
    report = "\n".join(lines)
    (artifacts_dir / "page-weight.txt").write_text(report + "\n", encoding="utf-8")
    with capsys.disabled():
        print("\nTransferred per page type (cold cache, uncompressed HTML from the live server):")
        print(report)
    assert problems == [], "\n".join(problems)
