"""The monthly report form (issue 20, point 8): rows added without saving, the institution type
from the catalogue, the error summary, the confirmation before submitting, name warnings."""

import datetime
import re

import pytest

from network.directory.models import Organization
from network.reports.institution_types import institution_type_of
from network.reports.models import CooperationFact, MonthlyReport
from network.reports.tests.test_reports import fact, form_data, make_report
from network.tests import people_fixtures
from portal.core.personal_data import find_person_names

mediator_index = people_fixtures.mediator_index
profile = people_fixtures.profile
sections = people_fixtures.sections
users = people_fixtures.users

APRIL = datetime.date(2020, 4, 1)


@pytest.fixture
def school(db):
    return Organization.objects.create(name="Ventspils 6. vidusskola")


@pytest.fixture
def mediator(client, users, profile):
    client.force_login(users["mediator"])
    return client


def version_of(html):
    return re.search(r'name="version" value="([^"]*)"', html).group(1)


# Adding rows ------------------------------------------------------------------------------------


def test_add_row_without_javascript_keeps_everything_typed_and_saves_nothing(mediator, school):
    data = form_data(
        action="pievienot-sadarbibu",
        highlights="Sadarbība ar skolām.",
        facts=[fact(school, staff_role="", institution_type="")],  # incomplete: not yet checked
    )
    response = mediator.post("/atskaites/jauna/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="sadarbiba-TOTAL_FORMS" value="2"' in html
    assert 'id="sadarbiba-1"' in html  # the new, empty row
    assert re.search(r'<select name="sadarbiba-1-organization"[^>]*autofocus', html)
    assert "Sadarbība ar skolām." in html and 'value="17"' in html
    assert f'<option value="{school.pk}" selected>' in html
    assert "field-error" not in html and "error-summary" not in html
    assert not MonthlyReport.objects.exists()

    # The two rows are then saved together.
    two = form_data(facts=[fact(school), fact(school, staff_role="direktors")])
    assert mediator.post("/atskaites/jauna/", two).status_code == 302
    assert CooperationFact.objects.count() == 2


def test_add_event_row_and_the_row_limit(mediator):
    response = mediator.post("/atskaites/jauna/", form_data(action="pievienot-pasakumu"))
    assert 'name="pasakumi-TOTAL_FORMS" value="1"' in response.content.decode()
    full = form_data(action="pievienot-pasakumu", **{"pasakumi-TOTAL_FORMS": "30"})
    html = mediator.post("/atskaites/jauna/", full).content.decode()
    assert 'name="pasakumi-TOTAL_FORMS" value="30"' in html
    assert "Vairāk par 30 rindām" in html


def test_the_form_offers_the_add_row_buttons_and_the_empty_row_for_the_script(mediator):
    html = mediator.get("/atskaites/jauna/?menesis=2020-04").content.decode()
    assert 'name="pievienot-sadarbibu"' in html and 'name="pievienot-pasakumu"' in html
    assert '<template data-empty-row="sadarbiba">' in html
    assert "sadarbiba-__prefix__-organization" in html
    assert "js/report-form.js" in html
    assert "Saglabājiet melnrakstu: pēc tam būs vēl viena" not in html


# The institution type --------------------------------------------------------------------------


def test_the_type_is_not_required_with_a_catalogue_institution(mediator, school):
    response = mediator.post(
        "/atskaites/jauna/", form_data(facts=[fact(school, institution_type="")])
    )
    assert response.status_code == 302
    assert CooperationFact.objects.get().institution_type == "school"


def test_a_chosen_type_wins_and_earlier_facts_teach_the_catalogue(mediator, profile, school):
    mediator.post("/atskaites/jauna/", form_data(facts=[fact(school, institution_type="ngo")]))
    assert CooperationFact.objects.get().institution_type == "ngo"
    assert institution_type_of(school) == "ngo"  # what mediators called it before


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Jelgavas pilsētas Sociālā pārvalde", "social"),
        ("Ventspils novada bāriņtiesa", "orphans_court"),
        ("ESF projekts “Pumpurs”", "ngo"),
        ("Rotaļlietu bibliotēka “Ringla”", "other"),
    ],
)
def test_the_type_from_the_institution_name(db, name, kind):
    assert institution_type_of(Organization.objects.create(name=name)) == kind


def test_without_an_institution_the_row_is_refused_with_a_message(mediator):
    row = {"organization": "", "institution_type": "", "staff_role": "direktors", "topic": ""}
    response = mediator.post("/atskaites/jauna/", form_data(facts=[row]))
    assert response.status_code == 400
    assert 'href="#id_sadarbiba-0-organization"' in response.content.decode()


# The error summary -------------------------------------------------------------------------------


def test_errors_are_summarised_at_the_top_with_links_to_each_field(mediator, school):
    data = form_data(
        families_regular="-3",
        highlights="Zvanīju 20000000.",
        facts=[fact(school, staff_name="010190-12345")],
        events=[{"name": "Seminārs", "date": "", "kind": "attended"}],
    )
    response = mediator.post("/atskaites/jauna/", data)
    assert response.status_code == 400
    html = response.content.decode()
    summary = html[html.index('class="error-summary"') : html.index("<h1>")]
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary
    for target in (
        "id_families_regular",
        "id_highlights",
        "id_sadarbiba-0-staff_name",
        "id_pasakumi-0-date",
    ):
        assert f'href="#{target}"' in summary
        assert f'id="{target}"' in html  # each link leads to its field
    assert "Sadarbība 1: Laukā “Darbinieka vārds”" in summary
    assert "Pasākums 1: Datums — " in summary
    assert "Zvanīju 20000000." in html and "Seminārs" in html  # nothing typed is lost
    assert "<title>Kļūda:" in html


@pytest.mark.parametrize(
    "overrides",
    [
        {"sadarbiba-TOTAL_FORMS": "x", "pievienot-sadarbibu": "1"},
        {"sadarbiba-TOTAL_FORMS": "99999"},
        {"pasakumi-TOTAL_FORMS": ""},
        {"month": "2020-13"},
        {"sadarbiba-TOTAL_FORMS": "1", "sadarbiba-0-organization": "999999"},
        {"sadarbiba-TOTAL_FORMS": "1", "sadarbiba-0-institution_type": "castle"},
        {"pasakumi-TOTAL_FORMS": "1", "pasakumi-0-date": "31.02.2020"},
    ],
)
def test_bad_input_is_a_4xx_never_a_500(mediator, overrides):
    response = mediator.post("/atskaites/jauna/", form_data(**overrides))
    assert 400 <= response.status_code < 500
    assert not MonthlyReport.objects.exists()


# Confirming before submitting -------------------------------------------------------------------


def test_submit_goes_through_a_confirmation_then_locks(mediator, profile, school):
    response = mediator.post(
        "/atskaites/jauna/", form_data(action="iesniegt", facts=[fact(school)])
    )
    report = MonthlyReport.objects.get(profile=profile)
    confirm_url = f"/atskaites/{report.pk}/iesniegt/"
    assert response["Location"] == confirm_url
    assert report.status == MonthlyReport.Status.DRAFT  # saved, not yet submitted

    page = mediator.get(confirm_url).content.decode()
    assert "Pārbaudiet un iesniedziet" in page
    assert "Ventspils 6. vidusskola" in page and "(izglītības iestāde)" in page
    assert f'href="/atskaites/{report.pk}/"' in page and "Labot" in page
    response = mediator.post(confirm_url, {"iesniegt": "1", "version": version_of(page)})
    assert response.status_code == 302 and response["Location"] == "/atskaites/"
    report.refresh_from_db()
    assert report.status == MonthlyReport.Status.SUBMITTED

    assert mediator.get(confirm_url)["Location"] == f"/atskaites/{report.pk}/"
    again = mediator.post(confirm_url, {"iesniegt": "1", "version": version_of(page)})
    assert again.status_code == 403


def test_a_confirmation_of_an_older_version_does_not_submit(mediator, profile):
    report = make_report(profile, APRIL, status=MonthlyReport.Status.DRAFT, highlights="Vecais")
    confirm_url = f"/atskaites/{report.pk}/iesniegt/"
    old = version_of(mediator.get(confirm_url).content.decode())
    edit = mediator.get(f"/atskaites/{report.pk}/").content.decode()
    data = form_data(highlights="Jaunais", version=version_of(edit))
    assert mediator.post(f"/atskaites/{report.pk}/", data).status_code == 302
    response = mediator.post(confirm_url, {"iesniegt": "1", "version": old})
    assert response.status_code == 409
    assert "Jaunais" in response.content.decode()
    report.refresh_from_db()
    assert report.status == MonthlyReport.Status.DRAFT
    missing = mediator.post(confirm_url, {"iesniegt": "1"})
    assert missing.status_code == 409


def test_another_mediators_confirmation_is_404(client, users, profile):
    report = make_report(profile, APRIL, status=MonthlyReport.Status.DRAFT)
    client.force_login(users["editor"])
    assert client.get(f"/atskaites/{report.pk}/iesniegt/").status_code == 403  # no profile
    client.logout()
    assert client.get(f"/atskaites/{report.pk}/iesniegt/").status_code == 302


# Names: a warning, not a block ------------------------------------------------------------------


def test_a_persons_name_is_warned_about_and_the_draft_still_saves(mediator, profile, school):
    data = form_data(
        highlights="Runāju ar Jāni Bērziņu par skolu.",
        facts=[fact(school, staff_role="Anna Kalniņa")],
    )
    response = mediator.post("/atskaites/jauna/", data)
    assert response.status_code == 302
    report = MonthlyReport.objects.get(profile=profile)
    assert report.highlights == "Runāju ar Jāni Bērziņu par skolu."
    html = mediator.get(response["Location"]).content.decode()
    assert 'id="id_highlights_warning"' in html and "“Jāni Bērziņu”" in html
    assert 'id="id_sadarbiba-0-staff_role_warning"' in html
    assert "atskaitē nav datu par ģimenēm" in html
    confirm = mediator.get(f"/atskaites/{report.pk}/iesniegt/").content.decode()
    assert "“Jāni Bērziņu”" in confirm and "“Anna Kalniņa”" in confirm


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Runāju ar Jāni Bērziņu skolā.", ["Jāni Bērziņu"]),
        ("Bērziņa kundze atnāca", ["Bērziņa kundze"]),
        ("Jelgavas Amatu vidusskola", []),
        ("Jelgavas Sabiedrības integrācijas pārvalde", []),
        ("ESF projekts “Proti un Dari”", []),
        ("Sadarbība ar Ventspils 6. vidusskolu", []),
        ("Ventspils Bērnu dienas centrs", []),
    ],
)
def test_what_looks_like_a_persons_name(text, names):
    assert find_person_names(text) == names


# No Wagtail userbar over the form ---------------------------------------------------------------


def test_no_wagtail_userbar_on_the_report_form_or_the_confirmation(client, users, profile):
    users["mediator"].is_superuser = True  # one who would otherwise see the userbar
    users["mediator"].save()
    client.force_login(users["mediator"])
    report = make_report(profile, APRIL, status=MonthlyReport.Status.DRAFT)
    for url in ("/atskaites/jauna/?menesis=2020-05", f"/atskaites/{report.pk}/iesniegt/"):
        assert "wagtail-userbar" not in client.get(url).content.decode()
    assert "wagtail-userbar" in client.get("/atskaites/").content.decode()
