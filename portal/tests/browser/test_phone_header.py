"""On a phone the header is one bar and a search box: the page's own content starts high up,
the menu opens without JavaScript, and the search page has a single search box."""

import pytest
from playwright.sync_api import expect

from portal.tests.browser.conftest import context_options, public_pages

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.elasticsearch,
]

MAX_HEADER_HEIGHT = 120  # px at 360×740


def test_header_stays_compact_on_every_public_page(demo, browser):
    context = browser.new_context(**context_options("phone"))
    page = context.new_page()
    heights = {}
    for kind, path, _lang in public_pages(page, demo):
        page.goto(demo + path)
        heights[kind] = page.locator(".site-header").bounding_box()["height"]
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, kind
    context.close()
    too_tall = {kind: height for kind, height in heights.items() if height > MAX_HEADER_HEIGHT}
    assert not too_tall, too_tall


def test_search_page_has_one_search_box(demo, browser):
    context = browser.new_context(**context_options("phone"))
    page = context.new_page()
    page.goto(demo + "/meklet/?q=īres parādi Ventspilī")
    expect(page.locator("input[type=search]:visible")).to_have_count(1)
    context.close()


def test_menu_opens_without_javascript(demo, browser):
    context = browser.new_context(**context_options("phone", java_script_enabled=False))
    page = context.new_page()
    page.goto(demo + "/zinasanas/")
    municipalities = page.get_by_role("link", name="Pašvaldības", exact=True)
    expect(municipalities).to_be_hidden()
    page.get_by_text("Izvēlne", exact=True).click()
    expect(municipalities).to_be_visible()
    municipalities.click()
    page.wait_for_url("**/pasvaldibas/")
    context.close()


def test_desktop_shows_the_menu_without_a_toggle(demo, browser):
    context = browser.new_context(**context_options("desktop"))
    page = context.new_page()
    page.goto(demo + "/zinasanas/")
    expect(page.get_by_role("link", name="Pašvaldības", exact=True)).to_be_visible()
    expect(page.get_by_text("Izvēlne", exact=True)).to_be_hidden()
    context.close()
