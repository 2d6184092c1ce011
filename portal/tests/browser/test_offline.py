"""In the field (issue 22): the guide and a municipality's contacts on a phone without a
connection, from the service worker (static/js/sw.js); nothing signed-in is kept."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Error, expect

from knowledge.models import GuidePage
from network.directory.models import MunicipalityPage, Service

from .conftest import context_options

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PASSWORD = "browser-test-password"  # noqa: S105 (test users only)
CONTROLLED = "navigator.serviceWorker.controller !== null"


def install_worker(page, url):
    """Opens url and waits until the service worker controls the page."""
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready.then(() => null)")
    if not page.evaluate(CONTROLLED):
        page.reload()
    page.wait_for_function(CONTROLLED)


def saved_copy(page, url):
    page.goto(url)
    expect(page.locator(".notice--offline")).to_contain_text("Saglabāts:")


def test_guide_and_a_saved_municipality_work_offline(demo, browser, camera):
    guide = GuidePage.objects.live().get(slug="darba-uzsaksana", locale__language_code="lv")
    steps = [step.url for step in guide.get_children().live()]
    ventspils = MunicipalityPage.objects.get(slug="ventspils")
    services = list(Service.objects.public().filter(service_areas=ventspils).order_by("name"))
    assert steps and services
    context = browser.new_context(**context_options("phone"))
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        install_worker(page, demo + "/")
        for url in [guide.url, *steps]:
            page.goto(demo + url)
        page.goto(demo + "/pasvaldibas/ventspils/")
        page.get_by_role("button", name="Saglabāt bezsaistē").click()
        expect(page.locator(".offline-save [role=status]")).to_contain_text("Saglabāts:")
        camera.shoot(page, "ventspils saved")

        context.set_offline(True)
        for url in [guide.url, *steps]:
            saved_copy(page, demo + url)
        camera.shoot(page, "last guide step offline")
        saved_copy(page, demo + "/pasvaldibas/ventspils/")
        camera.shoot(page, "ventspils offline")
        for service in services:
            saved_copy(page, demo + service.get_absolute_url())
            expect(page.get_by_role("heading", level=1)).to_have_text(service.organization.name)
            vcard = page.evaluate("url => fetch(url).then(r => r.text())", "vcard/")
            assert vcard.startswith("BEGIN:VCARD"), vcard[:80]
        # Call links stay links.
        expect(page.locator("main a[href^='tel:']").first).to_be_attached()

        wanted = services[0]
        page.locator("#header-search").fill(wanted.organization.name)
        page.locator("#header-search").press("Enter")
        expect(page.locator(".notice--offline")).to_contain_text("tikai no saglabātajiem")
        expect(page.get_by_role("link", name=wanted.organization.name).first).to_be_visible()
        camera.shoot(page, "offline search")

        # The same under /en/ (the worker's texts come from the English catalogue).
        context.set_offline(False)
        page.goto(demo + "/en/pasvaldibas/ventspils/")
        page.locator(".offline-save button").click()
        expect(page.locator(".offline-save [role=status]")).to_have_text(re.compile("Saved|Saglab"))
        expect(page.locator(".offline-save [role=status]")).not_to_contain_text("…")
        context.set_offline(True)
        for url in ("/en/pasvaldibas/ventspils/", f"/en{services[0].get_absolute_url()}"):
            page.goto(demo + url)
            expect(page.locator("html")).to_have_attribute("lang", "en")
            expect(page.locator(".notice--offline")).to_be_visible()
    finally:
        context.close()


def test_a_signed_in_page_is_not_kept_and_signing_out_clears(demo, browser):
    mediator = get_user_model().objects.get(username="demo-mediators")
    mediator.set_password(PASSWORD)
    mediator.save()
    context = browser.new_context(**context_options("phone"))
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        install_worker(page, demo + "/konts/pieslegties/")
        page.get_by_label("Lietotājvārds").fill("demo-mediators")
        page.get_by_label("Parole").fill(PASSWORD)
        page.get_by_role("button", name="Pieslēgties").click()
        page.wait_for_url("**/mans-darbs/")
        page.goto(demo + "/pasvaldibas/ventspils/")
        page.get_by_role("button", name="Saglabāt bezsaistē").click()
        expect(page.locator(".offline-save [role=status]")).to_contain_text("Saglabāts:")
        page.goto(demo + "/mans-darbs/")
        expect(page.get_by_role("heading", name="Mans darbs", level=1)).to_be_visible()

        context.set_offline(True)
        with pytest.raises(Error, match="ERR_INTERNET_DISCONNECTED"):
            page.goto(demo + "/mans-darbs/")
        # A fresh tab: Chromium commits the failed page's error page late, and that navigation
        # would interrupt the next one in the same tab.
        page = context.new_page()
        # What was saved is the public page, fetched without the session.
        saved_copy(page, demo + "/pasvaldibas/ventspils/")
        expect(page.get_by_role("link", name="Mans darbs")).to_have_count(0)

        context.set_offline(False)
        page.goto(demo + "/mans-darbs/")
        page.get_by_text("Izvēlne", exact=True).click()
        page.get_by_role("button", name="Iziet").click()
        page.wait_for_url(demo + "/")
        context.set_offline(True)
        with pytest.raises(Error, match="ERR_FAILED|ERR_INTERNET_DISCONNECTED"):
            page.goto(demo + "/pasvaldibas/ventspils/")
    finally:
        context.close()
