"""The evaluation questionnaire: the public form behind an invitation link, single use,
expiry, the results summary and the demo survey."""

import datetime
import threading

import pytest
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from network.evaluation.models import (
    LIKERT_KEYS,
    QUESTIONS,
    TEXT_MAX_LENGTH,
    AlreadyAnswered,
    EvaluationInvitation,
    EvaluationResponse,
    EvaluationSurvey,
    FieldOfWork,
)
from network.evaluation.summary import summarise

pytestmark = pytest.mark.django_db

ANSWERS = {
    "communication": "yes",
    "needs_reported": "rather_yes",
    "service_access": "yes",
    "coordination": "dont_know",
    "joint_planning": "no",
    "achievements": "Skolas apmeklējums uzlabojās.",
    "keep_in_view": "",
}


@pytest.fixture
def survey(db):
    return EvaluationSurvey.objects.create(title="Izvērtējums 2026", period="2026. gads")


@pytest.fixture
def invitation(survey, municipality):
    return EvaluationInvitation.objects.create(
        survey=survey, municipality=municipality, field_of_work=FieldOfWork.SOCIAL_SERVICE
    )


def form_url(invitation):
    return reverse("network:evaluation_form", args=[invitation.token])


def answer(survey, municipality, field_of_work=FieldOfWork.OTHER, **answers):
    invitation = EvaluationInvitation.objects.create(
        survey=survey, municipality=municipality, field_of_work=field_of_work
    )
    return EvaluationResponse.submit(invitation, {**ANSWERS, **answers})


# --- The model ------------------------------------------------------------------------------


def test_questions_are_the_seeds_seven_in_its_order():
    assert [q.key for q in QUESTIONS] == [
        "communication",
        "needs_reported",
        "service_access",
        "coordination",
        "joint_planning",
        "achievements",
        "keep_in_view",
    ]
    assert [q.kind for q in QUESTIONS] == ["likert"] * 5 + ["text"] * 2
    assert str(QUESTIONS[0].text).startswith("Vai romu mediators ir uzlabojis saziņu")
    assert str(QUESTIONS[6].text).endswith("būtu jāpatur redzeslokā turpmāk?")


def test_tokens_are_long_random_and_unique(survey, municipality):
    tokens = {
        EvaluationInvitation.objects.create(
            survey=survey, municipality=municipality, field_of_work="police"
        ).token
        for _ in range(20)
    }
    assert len(tokens) == 20
    assert all(len(token) >= 32 for token in tokens)


def test_the_database_refuses_a_second_response_and_an_unknown_answer(invitation):
    EvaluationResponse.objects.create(invitation=invitation, **ANSWERS)
    with pytest.raises(IntegrityError), transaction.atomic():
        EvaluationResponse.objects.create(invitation=invitation, **ANSWERS)
    other = EvaluationInvitation.objects.create(
        survey=invitation.survey, municipality=invitation.municipality, field_of_work="health"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        EvaluationResponse.objects.create(invitation=other, **{**ANSWERS, "coordination": "maybe"})


def test_submit_with_a_stale_invitation_is_refused_and_keeps_the_first_answer(invitation):
    stale = EvaluationInvitation.objects.get(pk=invitation.pk)  # loaded before either submit
    EvaluationResponse.submit(invitation, ANSWERS)
    with pytest.raises(AlreadyAnswered):
        EvaluationResponse.submit(stale, {**ANSWERS, "communication": "no"})
    assert EvaluationResponse.objects.get().communication == "yes"


def test_when_the_unique_column_refuses_the_invitation_stays_unused(invitation):
    """A response that slipped in some other way: the claim is rolled back with the insert."""
    EvaluationResponse.objects.create(invitation=invitation, **ANSWERS)
    with pytest.raises(AlreadyAnswered):
        EvaluationResponse.submit(invitation, ANSWERS)
    invitation.refresh_from_db()
    assert invitation.used_at is None
    assert EvaluationResponse.objects.count() == 1


# --- The public form ------------------------------------------------------------------------


def test_form_shows_the_municipality_the_field_and_accessible_groups(client, invitation):
    response = client.get(form_url(invitation))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ventspils" in html
    assert (
        "Lūdzu, atbildiet tikai par savu darbības jomu: <strong>sociālais dienests</strong>" in html
    )
    assert html.count("<fieldset") == 5 and html.count("<legend>") == 5
    assert "<legend>1. Vai romu mediators ir uzlabojis saziņu" in html
    for label in ("Jā", "Drīzāk jā", "Drīzāk nē", "Nē", "Nezinu"):
        assert f"<span>{label}</span>" in html
    assert html.count("<textarea") == 2
    assert 'name="csrfmiddlewaretoken"' in html
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-cache" in response["Cache-Control"]


def test_a_complete_answer_is_saved_once_and_thanked(client, invitation):
    response = client.post(form_url(invitation), ANSWERS)
    thanks = reverse("network:evaluation_thanks", args=[invitation.token])
    assert response.status_code == 302 and response["Location"] == thanks
    saved = EvaluationResponse.objects.get()
    assert saved.invitation == invitation
    assert [getattr(saved, key) for key in LIKERT_KEYS] == [ANSWERS[k] for k in LIKERT_KEYS]
    assert saved.achievements == "Skolas apmeklējums uzlabojās."
    invitation.refresh_from_db()
    assert invitation.used_at is not None
    page = client.get(thanks)
    assert page.status_code == 200
    assert "Paldies par atbildēm!" in page.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"communication": ""}, "Lūdzu, izvēlieties atbildi."),
        ({"joint_planning": "maybe"}, "Lūdzu, izvēlieties vienu no piedāvātajām atbildēm."),
        (
            {"keep_in_view": "x" * (TEXT_MAX_LENGTH + 1)},
            f"Atbilde ir par garu: ne vairāk kā {TEXT_MAX_LENGTH} rakstzīmes",
        ),
    ],
)
def test_an_incomplete_or_bad_answer_is_refused_and_nothing_is_saved(
    client, invitation, changes, message
):
    response = client.post(form_url(invitation), {**ANSWERS, **changes})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Lūdzu, atbildiet uz atzīmētajiem jautājumiem." in html
    assert message in html
    assert "Skolas apmeklējums uzlabojās." in html  # what was typed is kept
    assert EvaluationResponse.objects.count() == 0
    invitation.refresh_from_db()
    assert invitation.used_at is None


def test_a_missing_likert_answer_is_named_next_to_its_question(client, invitation):
    response = client.post(form_url(invitation), {**ANSWERS, "coordination": ""})
    html = response.content.decode()
    assert 'aria-describedby="id_coordination-error"' in html
    assert (
        '<p class="field-error" id="id_coordination-error">Lūdzu, izvēlieties atbildi.</p>' in html
    )


def test_a_second_submission_is_refused_with_410(client, invitation):
    assert client.post(form_url(invitation), ANSWERS).status_code == 302
    again = client.post(form_url(invitation), {**ANSWERS, "communication": "no"})
    assert again.status_code == 410
    assert "jau ir atbildēts" in again.content.decode()
    assert client.get(form_url(invitation)).status_code == 410
    assert EvaluationResponse.objects.get().communication == "yes"


@pytest.mark.parametrize(("days", "status"), [(0, 200), (-1, 410)])
def test_an_invitation_is_valid_through_its_expiry_day(client, invitation, days, status):
    invitation.expires_on = timezone.localdate() + datetime.timedelta(days=days)
    invitation.save()
    assert client.get(form_url(invitation)).status_code == status


def test_an_expired_invitation_refuses_an_answer_and_saves_nothing(client, invitation):
    invitation.expires_on = timezone.localdate() - datetime.timedelta(days=1)
    invitation.save()
    response = client.post(form_url(invitation), ANSWERS)
    assert response.status_code == 410
    assert "derīguma termiņš ir beidzies" in response.content.decode()
    assert EvaluationResponse.objects.count() == 0


def test_a_closed_survey_takes_no_answers(client, invitation):
    invitation.survey.is_open = False
    invitation.survey.save()
    response = client.post(form_url(invitation), ANSWERS)
    assert response.status_code == 410
    assert "Šī aptauja ir slēgta." in response.content.decode()
    assert EvaluationResponse.objects.count() == 0


@pytest.mark.parametrize("token", ["nav-tads", "x" * 200, "%00"])
def test_an_unknown_link_is_a_clear_404(client, token, survey):
    response = client.get(f"/aptauja/{token}/")
    assert response.status_code == 404
    assert "Šāda aptaujas saite nav atrasta" in response.content.decode()
    assert client.post(f"/aptauja/{token}/", ANSWERS).status_code == 404


def test_thanks_page_exists_only_after_an_answer(client, invitation):
    url = reverse("network:evaluation_thanks", args=[invitation.token])
    assert client.get(url).status_code == 404
    assert client.get("/aptauja/nav-tads/paldies/").status_code == 404


def test_the_form_needs_its_csrf_token(invitation):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(form_url(invitation), ANSWERS).status_code == 403
    assert EvaluationResponse.objects.count() == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_leave_exactly_one_response(survey, municipality):
    """Two threads, two connections, one barrier: the database lets exactly one through."""
    invitation = EvaluationInvitation.objects.create(
        survey=survey, municipality=municipality, field_of_work="police"
    )
    barrier = threading.Barrier(2)
    outcomes = []

    def submit(choice):
        try:
            stale = EvaluationInvitation.objects.get(pk=invitation.pk)
            barrier.wait(timeout=10)
            EvaluationResponse.submit(stale, {**ANSWERS, "communication": choice})
            outcomes.append("saved")
        except AlreadyAnswered:
            outcomes.append("refused")
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=submit, args=(c,)) for c in ("yes", "no")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["refused", "saved"]
    assert EvaluationResponse.objects.filter(invitation=invitation).count() == 1


# --- The summary ----------------------------------------------------------------------------


def test_summary_counts_answers_per_question_and_municipality(
    survey, municipality, other_municipality
):
    answer(survey, municipality, FieldOfWork.SOCIAL_SERVICE, communication="yes")
    answer(survey, municipality, FieldOfWork.EDUCATION, communication="rather_yes")
    answer(
        survey,
        other_municipality,
        FieldOfWork.ORPHANS_COURT,
        communication="yes",
        achievements="Rīcība vienmēr ir saskaņota.",
    )
    EvaluationInvitation.objects.create(
        survey=survey, municipality=municipality, field_of_work="police"
    )
    elsewhere = EvaluationSurvey.objects.create(title="Cita aptauja")
    answer(elsewhere, municipality, communication="no")

    summary = summarise(survey)
    assert summary.respondents == 3
    communication = summary.questions[0]
    assert [(row["label"], row["count"]) for row in communication.rows] == [
        ("Jā", 2),
        ("Drīzāk jā", 1),
        ("Drīzāk nē", 0),
        ("Nē", 0),
        ("Nezinu", 0),
    ]
    assert [row["percent"] for row in communication.rows] == [67, 33, 0, 0, 0]
    assert [bar["value"] for bar in communication.chart["bars"]] == [2, 1, 0, 0, 0]
    planning = summary.questions[4]
    assert planning.rows[3]["count"] == 3  # "Nē" from ANSWERS
    achievements = summary.questions[5]
    assert achievements.texts_by_field == [
        ("izglītība", ["Skolas apmeklējums uzlabojās."]),
        ("sociālais dienests", ["Skolas apmeklējums uzlabojās."]),
        ("bāriņtiesa", ["Rīcība vienmēr ir saskaņota."]),
    ]
    assert summary.questions[6].texts_by_field == []  # all left blank

    only_ventspils = summarise(survey, municipality=municipality)
    assert only_ventspils.respondents == 2
    assert only_ventspils.questions[0].rows[0]["count"] == 1

    subset = summarise(survey, keys=["coordination", "keep_in_view"], include_texts=False)
    assert [item.question.key for item in subset.questions] == ["coordination"]


def test_summary_of_a_survey_without_answers_has_no_chart(survey):
    summary = summarise(survey)
    assert summary.respondents == 0
    assert all(item.chart is None for item in summary.questions if item.question.is_likert)


# --- The demo -------------------------------------------------------------------------------


def test_demo_survey_quotes_the_seed_and_loads_once(demo_site):
    from knowledge.models import SeminarPage
    from network.evaluation import demo as demo_evaluation

    survey = EvaluationSurvey.objects.get(title=demo_evaluation.survey_title())
    assert survey.is_demo and "(demo)" in survey.title
    responses = survey.responses().select_related("invitation__municipality")
    by_text = {r.achievements or r.keep_in_view: r for r in responses}
    assert len(by_text) == responses.count() == 18
    # The seed's words, attributed to the field the seed names.
    social = by_text[
        "Sociālais dienests uzskata, ka Malda Avramenko profesionāli veic mediatora darbu, lai "
        "mazinātu romu ģimeņu sociālo atstumtību"
    ]
    assert social.invitation.field_of_work == "social_service"
    assert social.invitation.municipality.slug == "ventspils"
    court = by_text[
        "Bāriņtiesa atzīst, ka romu mediators savu darbu veic pēc labākās sirdsapziņas. "
        "Rīcība vienmēr ir saskaņota."
    ]
    assert court.invitation.field_of_work == "orphans_court"
    assert court.coordination == "yes"  # "Rīcība vienmēr ir saskaņota."
    communication = by_text[
        "Romu mediatore viennozīmīgi ir uzlabojusi saziņu, izskaidrojot romiem normatīvo aktu "
        "būtību, iestāžu kompetences, darbības/bezdarbības sekas"
    ]
    assert communication.communication == "yes"
    assert survey.invitations.filter(used_at__isnull=True).count() == 2

    seminar = SeminarPage.objects.get(
        slug="romu-mediatoru-pieredzes-apmainas-seminars", locale__language_code="lv"
    )
    counts = (
        EvaluationSurvey.objects.count(),
        EvaluationInvitation.objects.count(),
        EvaluationResponse.objects.count(),
        seminar.revisions.count(),
    )
    demo_evaluation.load(demo_site, lambda message: None)
    assert counts == (
        EvaluationSurvey.objects.count(),
        EvaluationInvitation.objects.count(),
        EvaluationResponse.objects.count(),
        seminar.revisions.count(),
    )
    blocks = [child for child in seminar.body if child.block_type == "evaluation_results"]
    assert len(blocks) == 1 and blocks[0].value["survey"] == survey
