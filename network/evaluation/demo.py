"""Demo of the evaluation questionnaire: one survey, marked demo, answered with the seed's own
quotes (data/demo/survey.yaml says how)."""

from functools import cache
from pathlib import Path

from network.evaluation.models import EvaluationInvitation, EvaluationResponse, EvaluationSurvey
from portal.core.demo_data import DemoRefs, load_rows, read

SURVEY_FILE = Path(__file__).resolve().parent / "data" / "demo" / "survey.yaml"


@cache
def survey_title():
    return read(SURVEY_FILE)[0]["rows"][0]["title"]


def demo_survey():
    return EvaluationSurvey.objects.filter(title=survey_title(), is_demo=True).first()


def load(site, log):
    created = load_rows(SURVEY_FILE, DemoRefs(site))
    if created.get(EvaluationSurvey):
        answers = created.get(EvaluationResponse, 0)
        log(
            f"network: demo evaluation survey, {answers} answers from the seed's quotes, "
            f"{created.get(EvaluationInvitation, 0) - answers} unused links"
        )
