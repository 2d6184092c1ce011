"""Monthly reports: the mediator's form (drafts, submitting, locking), returning for
correction, who sees what, the editors' dashboard and its CSV/XLSX, totals on the pages, the
reminder command."""

import csv
import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from openpyxl import load_workbook

from network.directory.models import Organization
from network.reports.models import (
    CooperationFact,
    InstitutionType,
    MonthlyReport,
    ReportReminder,
    mediator_period_totals,
    municipality_period_totals,
)
from network.tests import people_fixtures

experience_index = people_fixtures.experience_index
mediator_index = people_fixtures.mediator_index
profile = people_fixtures.profile
other_profile = people_fixtures.other_profile
sections = people_fixtures.sections
users = people_fixtures.users

APRIL = datetime.date(2020, 4, 1)
MARCH = datetime.date(2020, 3, 1)


@pytest.fixture
def school(db):
    return Organization.objects.create(name="Ventspils 6. vidusskola")


@pytest.fixture
def social_service(db):
    return Organization.objects.create(name="Ventspils pilsētas sociālā pārvalde")


def form_data(school=None, action="saglabat", facts=(), events=(), **overrides):
    """A POST of the report form with its two formsets; facts/events are dicts."""
    data = {
        "month": "2020-04",
        "families_regular": "17",
        "families_occasional": "6",
        "persons": "",
        "highlights": "Sadarbība ar skolām; 10 dzīvokļi piešķirti.",
        "topics": [],
        "sadarbiba-TOTAL_FORMS": str(len(facts)),
        "sadarbiba-INITIAL_FORMS": "0",
        "sadarbiba-MIN_NUM_FORMS": "0",
        "sadarbiba-MAX_NUM_FORMS": "50",
        "pasakumi-TOTAL_FORMS": str(len(events)),
        "pasakumi-INITIAL_FORMS": "0",
        "pasakumi-MIN_NUM_FORMS": "0",
        "pasakumi-MAX_NUM_FORMS": "30",
        action: "1",
    }
    for index, fact in enumerate(facts):
        for key, value in fact.items():
            data[f"sadarbiba-{index}-{key}"] = value
    for index, event in enumerate(events):
        for key, value in event.items():
            data[f"pasakumi-{index}-{key}"] = value
    data.update(overrides)
    return data


def fact(organization, **overrides):
    return {
        "organization": str(organization.pk),
        "institution_type": "school",
        "staff_name": "",
        "staff_role": "sociālais pedagogs",
        "topic": "",
        **overrides,
    }


def confirm(client, report):
    """Presses "Iesniegt" on the report's confirmation page (as it was shown)."""
    url = f"/atskaites/{report.pk}/iesniegt/"
    html = client.get(url).content.decode()
    version = re.search(r'name="version" value="([^"]*)"', html).group(1)
    response = client.post(url, {"iesniegt": "1", "version": version})
    assert response.status_code == 302, response.content.decode()
    return response


def make_report(profile, month, status=MonthlyReport.Status.SUBMITTED, **figures):
    report = MonthlyReport.objects.create(profile=profile, month=month, status=status, **figures)
    return report


# The mediator's form ------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/atskaites/", "/atskaites/jauna/", "/atskaites/1/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konts/pieslegties/?next=")


def test_a_member_without_a_mediator_profile_gets_a_clear_403(client, users):
    client.force_login(users["editor"])
    response = client.get("/atskaites/")
    assert response.status_code == 403
    assert "nav piesaistīts mediatora profils" in response.content.decode()


def test_draft_then_submit_then_locked(client, users, profile, school):
    client.force_login(users["mediator"])
    assert client.get("/atskaites/jauna/?menesis=2020-04").status_code == 200
    response = client.post(
        "/atskaites/jauna/",
        form_data(
            facts=[fact(school)],
            events=[
                {"name": "Informatīvā diena bibliotēkā", "date": "2020-04-15", "kind": "organised"}
            ],
        ),
    )
    report = MonthlyReport.objects.get(profile=profile)
    assert response.status_code == 302
    assert response["Location"] == f"/atskaites/{report.pk}/"
    assert report.status == MonthlyReport.Status.DRAFT
    assert (report.month, report.families_regular, report.families_occasional) == (APRIL, 17, 6)
    assert report.persons is None
    assert report.cooperation_facts.get().organization == school
    assert report.events.get().kind == "organised"
    assert "Melnraksts saglabāts" in client.get(response["Location"]).content.decode()

    # Submitting from the edit page: the existing fact row comes back as an initial form.
    data = form_data(
        action="iesniegt", facts=[fact(school, id=str(report.cooperation_facts.get().pk))]
    )
    data["sadarbiba-INITIAL_FORMS"] = "1"
    data["pasakumi-TOTAL_FORMS"] = "1"
    data["pasakumi-INITIAL_FORMS"] = "1"
    event = report.events.get()
    data.update(
        {
            "pasakumi-0-id": str(event.pk),
            "pasakumi-0-name": event.name,
            "pasakumi-0-date": "2020-04-15",
            "pasakumi-0-kind": "organised",
        }
    )
    response = client.post(f"/atskaites/{report.pk}/", data)
    assert response["Location"] == f"/atskaites/{report.pk}/iesniegt/"
    confirm(client, report)
    report.refresh_from_db()
    assert report.status == MonthlyReport.Status.SUBMITTED
    assert report.submitted_at is not None
    assert report.events.count() == 1

    # Locked: the page is read-only, a change is refused and nothing is lost.
    page = client.get(f"/atskaites/{report.pk}/")
    assert page.status_code == 200
    assert "slēgta labošanai" in page.content.decode()
    assert 'name="iesniegt"' not in page.content.decode()
    response = client.post(f"/atskaites/{report.pk}/", form_data(families_regular="99"))
    assert response.status_code == 403
    assert "nekas nav zaudēts" in response.content.decode()
    report.refresh_from_db()
    assert report.families_regular == 17
    assert report.cooperation_facts.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "label", "kind"),
    [
        ("highlights", "Zvanīju klientam 20000000.", "Svarīgākais šajā mēnesī", "tālruņa numurs"),
        ("highlights", "Bērns dzimis 01.02.2015", "Svarīgākais šajā mēnesī", "dzimšanas datums"),
    ],
)
def test_personal_data_in_the_report_is_refused_and_nothing_saved(
    client, users, profile, field, value, label, kind
):
    client.force_login(users["mediator"])
    response = client.post("/atskaites/jauna/", form_data(**{field: value}))
    assert response.status_code == 400
    text = response.content.decode()
    assert f"Laukā “{label}”" in text
    assert kind in text
    assert value in text  # what the mediator wrote is still in the form, to be corrected
    assert not MonthlyReport.objects.exists()


def test_personal_data_in_a_cooperation_fact_or_event_is_refused(client, users, profile, school):
    client.force_login(users["mediator"])
    response = client.post(
        "/atskaites/jauna/",
        form_data(
            facts=[fact(school, staff_name="Klients 010190-12345")],
            events=[
                {"name": "Tikšanās, tālr. +371 20000000", "date": "2020-04-02", "kind": "attended"}
            ],
        ),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Laukā “Darbinieka vārds”" in text and "personas kods" in text
    assert "Laukā “Pasākums”" in text and "tālruņa numurs" in text
    assert not MonthlyReport.objects.exists()


def test_institution_names_with_numbers_pass_the_guard(client, users, profile, school):
    client.force_login(users["mediator"])
    response = client.post(
        "/atskaites/jauna/",
        form_data(
            highlights="Ventspils 6. vidusskola un 2. pamatskola; 2019./2020. mācību gads.",
            facts=[fact(school, staff_role="6. klases audzinātāja")],
        ),
    )
    assert response.status_code == 302
    assert MonthlyReport.objects.get().highlights.startswith("Ventspils 6. vidusskola")


def test_bad_input_gets_400_with_messages(client, users, profile, school):
    client.force_login(users["mediator"])
    make_report(profile, APRIL, status=MonthlyReport.Status.DRAFT)
    duplicate = client.post("/atskaites/jauna/", form_data())
    assert duplicate.status_code == 400
    assert "Atskaite par šo mēnesi jau ir" in duplicate.content.decode()
    wrong = client.post(
        "/atskaites/jauna/",
        form_data(
            month="2020-05",
            families_regular="-3",
            events=[{"name": "Seminārs", "date": "2020-04-30", "kind": "attended"}],
        ),
    )
    assert wrong.status_code == 400
    assert "Pasākuma datumam jābūt atskaites mēnesī" in wrong.content.decode()
    bad_month = client.post("/atskaites/jauna/", form_data(month="aprīlis"))
    assert bad_month.status_code == 400
    assert MonthlyReport.objects.count() == 1


def test_a_mediator_sees_only_their_own_reports(client, users, profile, other_profile):
    mine = make_report(profile, APRIL, highlights="Mana atskaite")
    theirs = make_report(other_profile, APRIL, highlights="Bertas atskaite")
    client.force_login(users["mediator"])
    listing = client.get("/atskaites/").content.decode()
    assert f"/atskaites/{mine.pk}/" in listing
    assert f"/atskaites/{theirs.pk}/" not in listing
    assert client.get(f"/atskaites/{theirs.pk}/").status_code == 404
    assert client.post(f"/atskaites/{theirs.pk}/", form_data()).status_code == 404


def test_return_with_comment_makes_it_editable_and_resubmittable(client, users, profile):
    report = make_report(profile, APRIL, families_regular=17)
    client.force_login(users["editor"])
    assert client.get(f"/admin/atskaites/{report.pk}/").status_code == 200
    empty = client.post(f"/admin/atskaites/{report.pk}/", {"comment": ""})
    assert empty.status_code == 400
    with TestCase.captureOnCommitCallbacks(execute=True):  # the notice goes after the commit
        response = client.post(
            f"/admin/atskaites/{report.pk}/", {"comment": "Lūdzu, precizējiet epizodisko skaitu."}
        )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == MonthlyReport.Status.RETURNED
    assert report.returned_by == users["editor"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mediator@example.org"]
    assert "precizējiet epizodisko skaitu" in mail.outbox[0].body
    assert f"/atskaites/{report.pk}/" in mail.outbox[0].body
    # Returning a report that is not submitted is refused.
    assert client.post(f"/admin/atskaites/{report.pk}/", {"comment": "vēlreiz"}).status_code == 302
    assert len(mail.outbox) == 1

    client.force_login(users["mediator"])
    page = client.get(f"/atskaites/{report.pk}/").content.decode()
    assert "precizējiet epizodisko skaitu" in page
    assert 'name="iesniegt"' in page
    response = client.post(
        f"/atskaites/{report.pk}/", form_data(action="iesniegt", families_occasional="5")
    )
    assert response.status_code == 302
    confirm(client, report)
    report.refresh_from_db()
    assert report.status == MonthlyReport.Status.SUBMITTED
    assert report.families_occasional == 5


# The editors' dashboard ---------------------------------------------------------------------


@pytest.fixture
def submitted(profile, other_profile, school, social_service, topics):
    """Two municipalities' reports: Ventspils (profile) March + April, Jelgava April; a draft."""
    march = make_report(profile, MARCH, families_regular=15, families_occasional=6, persons=40)
    april = make_report(profile, APRIL, families_regular=17, families_occasional=4, persons=41)
    jelgava = make_report(other_profile, APRIL, families_regular=30)
    make_report(other_profile, MARCH, status=MonthlyReport.Status.DRAFT, families_regular=99)
    for report, organization, kind, topic in [
        (march, school, InstitutionType.SCHOOL, "izglitiba"),
        (april, school, InstitutionType.SCHOOL, "izglitiba"),
        (april, social_service, InstitutionType.SOCIAL, "socialie-jautajumi"),
        (jelgava, social_service, InstitutionType.SOCIAL, "socialie-jautajumi"),
    ]:
        CooperationFact.objects.create(
            report=report, organization=organization, institution_type=kind, topic=topics[topic]
        )
    return march, april, jelgava


def test_dashboard_only_for_editors(client, users, submitted):
    assert client.get("/admin/atskaites/").status_code == 302
    client.force_login(users["mediator"])
    # Wagtail's admin answers a refused permission with a redirect to the dashboard + message.
    for url in (
        "/admin/atskaites/",
        "/admin/atskaites/atskaites.csv",
        f"/admin/atskaites/{submitted[0].pk}/",
    ):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert "/admin/atskaites/" not in client.get("/admin/").content.decode()
    for role in ("editor", "moderator", "administrator"):
        client.force_login(users[role])
        assert client.get("/admin/atskaites/").status_code == 200
    menu = client.get("/admin/").content.decode()
    assert "/admin/atskaites/" in menu


def test_dashboard_tables_and_charts_show_submitted_numbers(client, users, submitted):
    client.force_login(users["editor"])
    page = client.get("/admin/atskaites/").content.decode()
    assert "<svg" in page and "figures__table" in page
    context = client.get("/admin/atskaites/").context
    rows = [
        (
            r["municipality"],
            r["month"],
            r["families_regular"],
            r["families_occasional"],
            r["persons"],
            r["reports"],
        )
        for r in context["rows"]
    ]
    assert rows == [
        ("Jelgava", APRIL, 30, None, None, 1),
        ("Ventspils", MARCH, 15, 6, 40, 1),
        ("Ventspils", APRIL, 17, 4, 41, 1),
    ]
    totals = {t["municipality"]: t for t in context["totals"]}
    # Period figures are the largest month, not a sum (the draft's 99 is not counted).
    assert (
        totals["Ventspils"]["families_regular"],
        totals["Ventspils"]["families_occasional"],
    ) == (17, 6)
    assert totals["Jelgava"]["families_regular"] == 30
    assert {r["label"]: r["count"] for r in context["by_type"]} == {
        "izglītības iestāde": 2,
        "sociālais dienests": 2,
    }
    assert {r["label"]: r["count"] for r in context["by_topic"]} == {
        "Izglītība": 2,
        "Sociālie jautājumi": 2,
    }


def test_dashboard_filters_and_rejects_bad_filters(client, users, submitted):
    client.force_login(users["editor"])
    response = client.get("/admin/atskaites/?pasvaldiba=ventspils&no=2020-04&lidz=2020-04")
    assert [(r["municipality"], r["month"]) for r in response.context["rows"]] == [
        ("Ventspils", APRIL)
    ]
    assert client.get("/admin/atskaites/?no=aprilis").status_code == 400
    assert client.get("/admin/atskaites/?pasvaldiba=nav-tadas").status_code == 400
    assert client.get("/admin/atskaites/atskaites.xlsx?no=x").status_code == 400


def test_csv_has_exactly_the_filtered_rows(client, users, submitted):
    client.force_login(users["editor"])
    response = client.get("/admin/atskaites/atskaites.csv?pasvaldiba=ventspils")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        [
            "Pašvaldība",
            "Mēnesis",
            "Ģimenes regulāri",
            "Ģimenes epizodiski",
            "Personas",
            "Iesniegtās atskaites",
        ],
        ["Ventspils", "2020-03", "15", "6", "40", "1"],
        ["Ventspils", "2020-04", "17", "4", "41", "1"],
    ]


def test_xlsx_has_the_same_numbers(client, users, submitted):
    client.force_login(users["editor"])
    response = client.get("/admin/atskaites/atskaites.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    monthly, by_type, by_topic = workbook.worksheets
    assert [list(row) for row in monthly.iter_rows(min_row=2, values_only=True)] == [
        ["Jelgava", "2020-04", 30, None, None, 1],
        ["Ventspils", "2020-03", 15, 6, 40, 1],
        ["Ventspils", "2020-04", 17, 4, 41, 1],
    ]
    assert dict(by_type.iter_rows(min_row=2, values_only=True)) == {
        "izglītības iestāde": 2,
        "sociālais dienests": 2,
    }
    assert dict(by_topic.iter_rows(min_row=2, values_only=True)) == {
        "Izglītība": 2,
        "Sociālie jautājumi": 2,
    }


# Totals on the public pages -----------------------------------------------------------------


def test_profile_and_municipality_pages_show_submitted_totals(
    client, users, profile, submitted, municipality
):
    totals = mediator_period_totals(profile)
    assert (totals["families_regular"], totals["families_occasional"], totals["persons"]) == (
        17,
        6,
        41,
    )
    assert totals["reports"] == 2
    assert municipality_period_totals(municipality)["families_regular"] == 17
    page = client.get(profile.url).content.decode()
    assert "Mēneša atskaitēs" in page
    assert "nevis mēnešu summa" in page
    assert "Mēneša atskaitēs" in client.get(municipality.url).content.decode()
    assert 'href="/atskaites/"' not in page
    client.force_login(users["mediator"])  # the profile's own mediator finds their reports here
    assert 'href="/atskaites/"' in client.get(profile.url).content.decode()


def test_totals_take_one_query(profile, submitted, municipality, django_assert_num_queries):
    with django_assert_num_queries(1):
        mediator_period_totals(profile)
    with django_assert_num_queries(1):
        municipality_period_totals(municipality)


def test_municipality_totals_sum_its_mediators_per_month_and_take_the_largest_month(
    profile, other_profile, mediator_index, municipality
):
    from network.mediators.models import MediatorProfilePage

    second = people_fixtures.publish(
        mediator_index,
        MediatorProfilePage(title="Cita Mediatore", slug="cita", municipality=municipality),
    )
    make_report(profile, MARCH, families_regular=15, families_occasional=6, persons=40)
    make_report(profile, APRIL, families_regular=17, persons=41, is_demo=True)
    make_report(profile, datetime.date(2020, 5, 1), MonthlyReport.Status.DRAFT, persons=99)
    make_report(second, MARCH, families_regular=3)
    make_report(second, APRIL, persons=5)
    make_report(other_profile, APRIL, families_regular=30, persons=80)  # another municipality
    # March: 15 + 3 regular, 6 occasional, 40 persons; April: 17 regular, 41 + 5 persons.
    assert municipality_period_totals(municipality) == {
        "families_regular": 18,
        "families_occasional": 6,
        "persons": 46,
        "reports": 4,
        "demo_reports": 1,
        "first_month": MARCH,
        "last_month": APRIL,
    }
    assert municipality_period_totals(other_profile.municipality)["persons"] == 80
    MonthlyReport.objects.filter(profile__municipality=municipality).delete()
    assert municipality_period_totals(municipality) is None


# Reminders ----------------------------------------------------------------------------------


def test_reminders_go_once_and_not_to_those_who_submitted(users, profile, other_profile):
    make_report(other_profile, datetime.date(2020, 4, 1))  # Berta has submitted April
    out = io.StringIO()
    remind = TestCase.captureOnCommitCallbacks  # each reminder is sent after its commit
    call_command("send_report_reminders", "--today", "2020-04-10", stdout=out)
    assert mail.outbox == []  # not yet the month's end
    with remind(execute=True):
        call_command("send_report_reminders", "--today", "2020-04-27", stdout=out)
    assert [message.to for message in mail.outbox] == [["mediator@example.org"]]
    assert "2020-04" in mail.outbox[0].subject
    assert "/atskaites/" in mail.outbox[0].body
    with remind(execute=True):
        call_command("send_report_reminders", "--today", "2020-04-29", stdout=out)
    assert len(mail.outbox) == 1
    assert ReportReminder.objects.get().profile == profile
    # A draft is not a submitted report: May's reminder still goes.
    make_report(profile, datetime.date(2020, 5, 1), status=MonthlyReport.Status.DRAFT)
    with remind(execute=True):
        call_command("send_report_reminders", "--today", "2020-05-31", "--days", "1", stdout=out)
    assert len(mail.outbox) == 3


def test_a_double_submission_of_the_same_month_is_a_400_not_a_500(
    client, users, profile, monkeypatch
):
    from network.reports.forms import MonthlyReportForm

    # Two requests racing: the second passes the form's check before the first is saved.
    monkeypatch.setattr(MonthlyReportForm, "clean_month", lambda form: form.cleaned_data["month"])
    make_report(profile, APRIL, status=MonthlyReport.Status.DRAFT, families_regular=3)
    client.force_login(users["mediator"])
    response = client.post("/atskaites/jauna/", form_data())
    assert response.status_code == 400
    assert "Atskaite par šo mēnesi jau ir" in response.content.decode()
    assert MonthlyReport.objects.get().families_regular == 3
