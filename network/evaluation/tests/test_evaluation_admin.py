"""The evaluation questionnaire in the admin: editors manage surveys, create invitations in
bulk and read the results; mediators (who have admin access) see none of it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from network.evaluation.models import EvaluationInvitation, EvaluationResponse, EvaluationSurvey
from network.tests import people_fixtures

sections = people_fixtures.sections
users = people_fixtures.users

pytestmark = pytest.mark.django_db

LIST_URL = reverse("wagtailsnippets_network_evaluationsurvey:list")


def invitations_url(survey):
    return reverse("wagtailsnippets_network_evaluationsurvey:invitations", args=[survey.pk])


def results_url(survey):
    return reverse("wagtailsnippets_network_evaluationsurvey:results", args=[survey.pk])


@pytest.fixture
def survey(db):
    return EvaluationSurvey.objects.create(title="Izvērtējums 2026")


def allowed(response):
    """200, or a redirect that is not Wagtail's refusal (back to the dashboard or login)."""
    if response.status_code == 302:
        return response["Location"] not in ("/admin/",) and "/login/" not in response["Location"]
    return response.status_code == 200


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", False),
        ("mediator", False),
        ("editor", True),
        ("moderator", True),
        ("administrator", True),
    ],
)
def test_only_editors_reach_surveys_invitations_and_results(
    client, users, survey, municipality, role, expected
):
    if role != "anonymous":
        client.force_login(users[role])
    add_url = reverse("wagtailsnippets_network_evaluationsurvey:add")
    edit_url = reverse("wagtailsnippets_network_evaluationsurvey:edit", args=[survey.pk])
    for url in (LIST_URL, add_url, edit_url, invitations_url(survey), results_url(survey)):
        assert allowed(client.get(url)) is expected, (role, url)
    response = client.post(
        invitations_url(survey),
        {
            "municipality": municipality.pk,
            "field_of_work": "police",
            "count": 2,
            "expires_on": timezone.localdate().isoformat(),
        },
    )
    assert allowed(response) is expected
    assert EvaluationInvitation.objects.count() == (2 if expected else 0)


def test_the_menu_shows_surveys_to_editors_only(client, users):
    client.force_login(users["editor"])
    assert LIST_URL in client.get("/admin/").content.decode()
    client.force_login(users["mediator"])
    assert LIST_URL not in client.get("/admin/").content.decode()


def test_editor_creates_a_survey_in_the_admin(client, users):
    client.force_login(users["editor"])
    response = client.post(
        reverse("wagtailsnippets_network_evaluationsurvey:add"),
        {"title": "Izvērtējums 2027", "municipality": "", "period": "2027", "is_open": "on"},
    )
    assert response.status_code == 302
    survey = EvaluationSurvey.objects.get(title="Izvērtējums 2027")
    assert survey.is_open and survey.municipality is None


def test_bulk_invitations_show_their_links_and_status(client, users, survey, municipality):
    client.force_login(users["editor"])
    expires = timezone.localdate() + datetime.timedelta(days=10)
    response = client.post(
        invitations_url(survey),
        {
            "municipality": municipality.pk,
            "field_of_work": "orphans_court",
            "count": 3,
            "expires_on": expires.isoformat(),
        },
    )
    assert response.status_code == 302
    invitations = list(EvaluationInvitation.objects.filter(survey=survey))
    assert len(invitations) == 3
    assert {i.field_of_work for i in invitations} == {"orphans_court"}
    assert {i.expires_on for i in invitations} == {expires}
    used = invitations[0]
    EvaluationResponse.submit(
        used,
        {
            "communication": "yes",
            "needs_reported": "yes",
            "service_access": "yes",
            "coordination": "yes",
            "joint_planning": "yes",
        },
    )
    page = client.get(invitations_url(survey))
    html = page.content.decode()
    for invitation in invitations:
        assert f"http://testserver/aptauja/{invitation.token}/" in html
    assert html.count("gaida atbildi") == 2
    assert html.count("atbildēts ") == 1
    assert "Kopā: 3, izmantoti: 1." in html


@pytest.mark.parametrize(
    "changes",
    [
        {"count": "0"},
        {"count": "51"},
        {"expires_on": "2000-01-01"},
        {"field_of_work": "astrologs"},
        {"municipality": "999999"},
    ],
)
def test_bad_bulk_input_is_a_400_and_creates_nothing(client, users, survey, municipality, changes):
    client.force_login(users["editor"])
    data = {
        "municipality": municipality.pk,
        "field_of_work": "police",
        "count": "2",
        "expires_on": timezone.localdate().isoformat(),
        **changes,
    }
    assert client.post(invitations_url(survey), data).status_code == 400
    assert EvaluationInvitation.objects.count() == 0


def test_a_survey_for_one_municipality_invites_only_there(
    client, users, municipality, other_municipality
):
    survey = EvaluationSurvey.objects.create(title="Tikai Ventspils", municipality=municipality)
    client.force_login(users["editor"])
    data = {
        "municipality": other_municipality.pk,
        "field_of_work": "police",
        "count": "1",
        "expires_on": timezone.localdate().isoformat(),
    }
    assert client.post(invitations_url(survey), data).status_code == 400
    assert (
        client.post(invitations_url(survey), {**data, "municipality": municipality.pk}).status_code
        == 302
    )


def test_results_page_has_a_chart_a_table_and_texts_by_field(
    client, users, survey, municipality, other_municipality
):
    for place, field, text in [
        (municipality, "social_service", "Uzlabojusi saziņu."),
        (other_municipality, "orphans_court", "Rīcība saskaņota."),
    ]:
        invitation = EvaluationInvitation.objects.create(
            survey=survey, municipality=place, field_of_work=field
        )
        EvaluationResponse.submit(
            invitation,
            {
                "communication": "yes",
                "needs_reported": "rather_yes",
                "service_access": "yes",
                "coordination": "yes",
                "joint_planning": "dont_know",
                "achievements": text,
            },
        )
    client.force_login(users["editor"])
    html = client.get(results_url(survey)).content.decode()
    assert html.count('<svg class="figures__chart"') == 5
    assert html.count('<table class="figures__table') == 5
    assert "2 respondenti" in html
    assert "Sociālais dienests" in html and "Uzlabojusi saziņu." in html
    assert "Bāriņtiesa" in html and "Rīcība saskaņota." in html

    filtered = client.get(results_url(survey), {"pasvaldiba": municipality.pk})
    assert filtered.status_code == 200
    html = filtered.content.decode()
    assert "Uzlabojusi saziņu." in html and "Rīcība saskaņota." not in html
    assert client.get(results_url(survey), {"pasvaldiba": "nav"}).status_code == 400


def test_a_municipality_with_invitations_is_not_deleted_but_explained(
    client, users, survey, municipality
):
    from network.directory.models import MunicipalityPage

    EvaluationInvitation.objects.create(
        survey=survey, municipality=municipality, field_of_work="police"
    )
    client.force_login(users["administrator"])
    response = client.post(reverse("wagtailadmin_pages:delete", args=[municipality.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[municipality.pk])
    assert MunicipalityPage.objects.filter(pk=municipality.pk).exists()
    followed = client.get(response["Location"])
    assert "nevar dzēst" in followed.content.decode()
