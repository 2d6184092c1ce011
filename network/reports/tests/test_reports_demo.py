"""The demo monthly reports agree with the seed's figures, are marked as demo, load once, and
the demo mediator account owns a draft and submitted reports."""

import io

import pytest
from django.core.management import call_command

from network.directory.models import MunicipalityPage
from network.mediators.models import MediatorProfilePage
from network.reports.models import (
    CooperationFact,
    MonthlyReport,
    mediator_period_totals,
    municipality_period_totals,
)

# What the seed reports for September 2019 – April 2020 (regular, occasional, persons).
SEED = {
    "jelgava": (30, None, None),
    "ventspils": (17, 6, None),
    "vilaka": (22, None, None),
    "riga": (None, None, 41),
    "valmiera": (13, None, None),
}


@pytest.fixture
def demo_reports(demo_directory):
    return MonthlyReport.objects.filter(is_demo=True)


def figures(totals):
    return (totals["families_regular"], totals["families_occasional"], totals["persons"])


@pytest.mark.parametrize("slug", SEED)
def test_municipality_totals_equal_the_seed(demo_reports, slug):
    municipality = MunicipalityPage.objects.get(slug=slug, depth=4)
    assert figures(municipality_period_totals(municipality)) == SEED[slug]
    profile = MediatorProfilePage.objects.get(municipality=municipality)
    assert figures(mediator_period_totals(profile)) == SEED[slug]


def test_seed_figures_match_the_municipality_facts(demo_reports):
    # The pages' own practice facts (from the seed) and the reports tell the same story.
    for slug, (regular, _occasional, _persons) in SEED.items():
        municipality = MunicipalityPage.objects.get(slug=slug, depth=4)
        if regular is not None:
            assert municipality.families_supported == regular


def test_demo_reports_are_marked_and_hold_only_seed_institutions(demo_reports):
    assert demo_reports.count() == 40
    assert all(report.highlights.startswith("Demo:") for report in demo_reports)
    facts = CooperationFact.objects.filter(report__in=demo_reports)
    assert facts.exists()
    assert not facts.exclude(staff_name="").exists()  # no invented people
    assert all(fact.organization.is_demo for fact in facts.select_related("organization"))
    months = sorted({report.month for report in demo_reports})
    assert (months[0].isoformat(), months[-1].isoformat()) == ("2019-09-01", "2020-04-01")


def test_second_load_changes_nothing(demo_reports):
    before = list(demo_reports.order_by("pk").values_list("pk", "status", "families_regular"))
    facts = CooperationFact.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    after = list(demo_reports.order_by("pk").values_list("pk", "status", "families_regular"))
    assert after == before
    assert CooperationFact.objects.count() == facts


def test_demo_mediator_account_has_a_draft_and_submitted_reports(client, demo_reports):
    profile = MediatorProfilePage.objects.get(user__username="demo-mediators")
    reports = MonthlyReport.objects.filter(profile=profile)
    assert reports.filter(status=MonthlyReport.Status.DRAFT).count() == 1
    assert reports.filter(status=MonthlyReport.Status.SUBMITTED).count() >= 3
    client.force_login(profile.user)
    page = client.get("/atskaites/").content.decode()
    assert "melnraksts" in page and "iesniegta" in page and "Demo dati" in page


def test_editor_dashboard_shows_the_demo(admin_client, demo_reports):
    response = admin_client.get("/admin/atskaites/")
    assert response.status_code == 200
    totals = {row["municipality"]: figures(row) for row in response.context["totals"]}
    assert totals == {
        "Jelgava": SEED["jelgava"],
        "Ventspils": SEED["ventspils"],
        "Viļaka": SEED["vilaka"],
        "Rīga": SEED["riga"],
        "Valmiera": SEED["valmiera"],
    }
    assert response.content.decode().count('class="figures__chart"') == 3
