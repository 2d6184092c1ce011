"""The verification cycle in the browser (issue 19, point 4): the demo mediator of Ventspils
signs in, opens a stale Ventspils service and presses "Dati pārbaudīti"; an editor then sees
the entry counted as verified in the "Novecojuši kontakti" report."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from network.directory.models import Service
from portal.core.roles import EDITORS_GROUP

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PASSWORD = "browser-test-password"  # noqa: S105 (test users only)


def sign_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(base + "/admin/")


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_the_mediator_verifies_a_stale_entry_and_the_report_counts_it(demo, journey_page, camera):
    page = journey_page
    users = get_user_model().objects
    mediator = users.get(username="demo-mediators")  # Malda Avramenko's account, Ventspils
    mediator.set_password(PASSWORD)
    mediator.save()
    editor = users.create_user("redaktore", "redaktore@example.org", PASSWORD)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    stale = next(
        service
        for service in Service.objects.public().filter(service_areas__slug="ventspils")
        if service.is_stale()
    )

    sign_in(page, demo, "demo-mediators")
    page.goto(demo + stale.get_absolute_url())
    expect(page.locator(".notice--stale")).to_be_visible()
    camera.shoot(page, "a stale entry with the button")
    page.get_by_role("button", name="Dati pārbaudīti").click()
    expect(page.get_by_text("Kontakti atzīmēti kā pārbaudīti")).to_be_visible()
    expect(page.get_by_text("Pārbaudīts: ")).to_be_visible()
    expect(page.locator(".notice--stale")).to_have_count(0)
    camera.shoot(page, "verified")
    stale.refresh_from_db()
    assert stale.assured_date == timezone.localdate() and stale.assurer == mediator

    page.context.clear_cookies()
    sign_in(page, demo, "redaktore")
    page.goto(demo + "/admin/reports/novecojusi-kontakti/")
    expect(page.locator("table.listing")).to_contain_text("Ventspils")
    expect(
        page.locator(f'a[href="/admin/snippets/network/service/edit/{stale.pk}/"]')
    ).to_have_count(0)
    camera.shoot(page, "the report")
    assert page.console_errors == []
