"""The mediator's monthly reports on a 360 px phone in Chromium: the list, the draft form (a row
added in place, the error summary on top), saving, the confirmation, submitting and the locked
page, with no sideways scrolling, no Wagtail userbar and no serious axe violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from portal.tests.browser import conftest as browser_fixtures
from portal.tests.browser.conftest import context_options
from portal.tests.fixtures import index_demo

camera = browser_fixtures.camera  # numbered screenshots in test-artifacts/browser/<test>/
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]
PASSWORD = "parole-telefonam-360"  # noqa: S105 (a test-only password)


browser_index = browser_fixtures.browser_index


@pytest.fixture
def demo(live_server, browser_index, demo_directory):
    """The demo with its directory (the reports name its organisations), on the live server."""
    index_demo(demo_directory)
    return live_server.url


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_a_mediator_saves_and_submits_a_report_on_a_phone(demo, browser, camera):
    from django.contrib.auth import get_user_model

    from network.reports.models import MonthlyReport

    user = get_user_model().objects.get(username="demo-mediators")
    user.set_password(PASSWORD)
    user.save()
    draft = MonthlyReport.objects.get(profile__user=user, status=MonthlyReport.Status.DRAFT)

    context = browser.new_context(**context_options("phone"))
    page = context.new_page()
    try:
        page.goto(demo + "/atskaites/")
        page.fill("input[name=username]", "demo-mediators")
        page.fill("input[name=password]", PASSWORD)
        page.locator("main").get_by_role("button", name="Pieslēgties").click()
        page.wait_for_url(demo + "/atskaites/")
        assert page.locator(".report-list__item").count() == 8
        assert no_sideways_scroll(page)
        assert serious_violations(page) == []
        camera.shoot(page, "list")

        page.click(f"a[href='/atskaites/{draft.pk}/']")
        assert page.locator(".w-userbar, wagtail-userbar").count() == 0
        rows = page.locator("[data-rows=sadarbiba] .report-row")
        before, facts = rows.count(), draft.cooperation_facts.count()
        page.click("button[name=pievienot-sadarbibu]")  # in place, nothing sent
        assert rows.count() == before + 1
        assert page.evaluate("document.activeElement.name") == f"sadarbiba-{before}-organization"
        page.select_option(f"select[name=sadarbiba-{before}-organization]", index=1)
        page.fill("input[name=families_regular]", "15")
        page.fill("textarea[name=highlights]", "Demo: zvanīju +371 20000000")
        page.click("button[name=saglabat]")
        summary = page.locator(".error-summary")
        assert "tālruņa numurs" in summary.inner_text()
        assert summary.bounding_box()["y"] < 740  # on the first screen, not 1,400 px down
        assert page.evaluate("document.activeElement.classList.contains('error-summary')")
        summary.locator("a").first.click()
        assert page.evaluate("document.activeElement.name") == "highlights"
        assert no_sideways_scroll(page)
        assert serious_violations(page) == []
        camera.shoot(page, "refused")

        page.fill("textarea[name=highlights]", "Demo: sadarbība ar Ventspils 6. vidusskolu")
        page.click("button[name=saglabat]")
        assert "Melnraksts saglabāts" in page.content()
        assert draft.cooperation_facts.count() == facts + 1  # the row added in place is saved
        page.click("button[name=iesniegt]")
        page.wait_for_url(demo + f"/atskaites/{draft.pk}/iesniegt/")
        draft.refresh_from_db()
        assert draft.status == MonthlyReport.Status.DRAFT  # not yet: first the check
        assert no_sideways_scroll(page)
        assert serious_violations(page) == []
        camera.shoot(page, "confirm")
        page.click("button[name=iesniegt]")
        page.wait_for_url(demo + "/atskaites/")
        draft.refresh_from_db()
        assert (draft.status, draft.families_regular) == (MonthlyReport.Status.SUBMITTED, 15)

        page.goto(demo + f"/atskaites/{draft.pk}/")
        assert "slēgta labošanai" in page.content()
        assert no_sideways_scroll(page)
        assert serious_violations(page) == []
        camera.shoot(page, "locked")
    finally:
        context.close()
