"""The questionnaire on a phone (360 px) in Chromium: a respondent answers through a demo
invitation link, then the seminar page shows the results; axe finds nothing serious."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

BLOCKING_IMPACTS = {"serious", "critical"}


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_respondent_answers_on_a_phone_and_the_seminar_shows_results(
    live_server, demo_directory, phone_page, artifacts_dir
):
    from network.evaluation.models import EvaluationInvitation, EvaluationResponse

    invitation = EvaluationInvitation.objects.filter(used_at__isnull=True).first()
    page = phone_page
    shots = artifacts_dir / "browser" / "evaluation"
    shots.mkdir(parents=True, exist_ok=True)

    page.goto(live_server.url + invitation.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Romu mediatora darba izvērtējums")
    expect(page.get_by_text("Lūdzu, atbildiet tikai par savu darbības jomu")).to_be_visible()
    assert fits_the_screen(page)
    assert serious_violations(page) == []
    page.screenshot(path=str(shots / "01-form.png"), full_page=True)

    # Submitting with a question unanswered keeps what was typed and names the question.
    page.get_by_label("6. Kādi, Jūsuprāt").fill("Sadarbība ar skolām.")
    page.get_by_role("button", name="Iesniegt atbildes").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    expect(page.get_by_label("6. Kādi, Jūsuprāt")).to_have_value("Sadarbība ar skolām.")
    assert EvaluationResponse.objects.filter(invitation=invitation).count() == 0
    page.screenshot(path=str(shots / "02-errors.png"), full_page=True)

    for number in range(1, 6):
        group = page.get_by_role("group", name=f"{number}. ", exact=False).first
        group.get_by_label("Drīzāk jā", exact=True).check()
    page.get_by_role("button", name="Iesniegt atbildes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Paldies par atbildēm!")
    assert EvaluationResponse.objects.filter(invitation=invitation).count() == 1
    page.screenshot(path=str(shots / "03-thanks.png"), full_page=True)

    response = page.goto(live_server.url + invitation.get_absolute_url())
    assert response.status == 410

    page.goto(live_server.url + "/zinasanas/romu-mediatoru-pieredzes-apmainas-seminars/")
    results = page.locator(".evaluation-results")
    # On a phone the seminar is folded into sections: open the one with the results.
    page.locator("section.collapsible", has=results).locator(".collapsible__toggle").click()
    expect(results).to_be_visible()
    expect(results.locator("svg.figures__chart")).to_have_count(5)
    expect(results.locator("table.evaluation-table")).to_have_count(5)
    expect(results).to_contain_text("19 respondenti")
    assert fits_the_screen(page)
    assert serious_violations(page) == []
    results.screenshot(path=str(shots / "04-seminar-results.png"))
