"""Demo of the evaluation questionnaire: one survey, marked demo, whose free-text answers are
the seed's own quotes from municipal staff (verbatim, slide line breaks joined), and whose
Likert answers are illustrative and consistent with each quote; the seed shows the answer
counts only as pictures, so no real figures exist to copy.

One response per quote. The respondent's field of work is the one the seed states
("Sociālais dienests uzskata…", "Bāriņtiesa atzīst…"); where it states none, "cits". The
Jelgava quote about one young mother's schooling is left out: it is about a family.
Loading twice changes nothing: an existing demo survey is kept as it is.
"""

import datetime
from functools import cache
from pathlib import Path

from django.utils import timezone

from network.directory.models import MunicipalityPage
from network.evaluation.models import (
    LIKERT_KEYS,
    EvaluationInvitation,
    EvaluationResponse,
    EvaluationSurvey,
    FieldOfWork,
)
from portal.core import demo_data

SURVEY_FILE = Path(__file__).resolve().parent / "data" / "demo" / "survey.yaml"


@cache
def seed():
    """`data/demo/survey.yaml`: the survey's title and period, the answers, the unused links."""
    return demo_data.read(SURVEY_FILE)


def demo_survey():
    return EvaluationSurvey.objects.filter(title=seed()["title"], is_demo=True).first()


def load(site, log):
    if demo_survey() is None:
        survey = create_survey(site, seed())
        log(
            f"network: demo evaluation survey, {survey.responses().count()} answers from the "
            f"seed's quotes, {survey.invitations.filter(used_at__isnull=True).count()} unused links"
        )


def create_survey(site, seed):
    municipalities = {
        page.slug: page for page in MunicipalityPage.objects.descendant_of(site.root_page)
    }
    survey = EvaluationSurvey.objects.create(
        title=seed["title"], period=seed["period"], is_open=True, is_demo=True
    )
    answered_at = datetime.datetime.fromisoformat(seed["answered_at"])
    for answer in seed["answers"]:
        if answer["municipality"] not in municipalities:
            continue
        invitation = EvaluationInvitation.objects.create(
            survey=survey,
            municipality=municipalities[answer["municipality"]],
            field_of_work=FieldOfWork(answer["field_of_work"]),
            expires_on=answered_at.date() + datetime.timedelta(days=15),
            used_at=answered_at,
        )
        EvaluationResponse.objects.create(
            invitation=invitation,
            submitted_at=answered_at,
            **dict(zip(LIKERT_KEYS, answer["likert"], strict=True)),
            **{answer["question"]: answer["text"]},
        )
    for unused in seed["unused"]:
        if unused["municipality"] in municipalities:
            EvaluationInvitation.objects.create(
                survey=survey,
                municipality=municipalities[unused["municipality"]],
                field_of_work=FieldOfWork(unused["field_of_work"]),
                expires_on=timezone.localdate() + datetime.timedelta(days=seed["unused_days"]),
            )
    return survey
