"""The evaluation results block: a seminar page shows a survey's results as chart + table."""

import re

import pytest
from django.urls import reverse

from knowledge.blocks import KnowledgeStreamBlock, SeminarStreamBlock
from knowledge.factories import SeminarPageFactory
from network.evaluation.blocks import EvaluationResultsBlock
from network.evaluation.models import EvaluationInvitation, EvaluationResponse, EvaluationSurvey

pytestmark = pytest.mark.django_db

LIKERT = {
    "needs_reported": "rather_yes",
    "service_access": "yes",
    "coordination": "yes",
    "joint_planning": "dont_know",
}


@pytest.fixture
def survey(municipalities):
    survey = EvaluationSurvey.objects.create(title="Izvērtējums 2026", period="2026")
    for place, communication, text in [
        ("jelgava", "yes", "Mazina stereotipus."),
        ("jelgava", "yes", ""),
        ("riga", "rather_no", "Palīdz veidot dialogu."),
    ]:
        invitation = EvaluationInvitation.objects.create(
            survey=survey, municipality=municipalities[place], field_of_work="education"
        )
        EvaluationResponse.submit(
            invitation, {**LIKERT, "communication": communication, "achievements": text}
        )
    return survey


def seminar_with(knowledge_index, **value):
    return SeminarPageFactory(
        parent=knowledge_index,
        title="Seminārs ar aptauju",
        slug="seminars-ar-aptauju",
        body=[("evaluation_results", value)],
    )


def test_the_block_is_offered_on_seminar_pages_only():
    assert "evaluation_results" in SeminarStreamBlock().child_blocks
    assert "evaluation_results" not in KnowledgeStreamBlock().child_blocks


def test_seminar_page_shows_chart_and_table_per_question(client, knowledge_index, survey):
    page = seminar_with(
        knowledge_index,
        title="Pašvaldību darbinieku vērtējums",
        survey=survey,
        questions=["communication", "coordination"],
        show_texts=False,
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    section = html[html.index('<section class="evaluation-results"') :]
    assert "Pašvaldību darbinieku vērtējums" in section
    assert section.count("<svg") == 2
    assert section.count('<table class="figures__table evaluation-table">') == 2
    assert "1. Vai romu mediators ir uzlabojis saziņu" in section
    assert "4. Vai romu mediators ir saskaņojis savu rīcību" in section
    assert "2. Vai romu mediators iespēju robežās" not in section
    # The table has the counts: 2 × Jā, 1 × Drīzāk nē for communication.
    first_table = section[section.index("<table") : section.index("</table>")]
    assert re.search(r"<th scope=\"row\">Jā</th><td class=\"number\">2</td>", first_table)
    assert re.search(r"<th scope=\"row\">Drīzāk nē</th><td class=\"number\">1</td>", first_table)
    # The chart says the same numbers to a screen reader.
    assert "Jā: 2; Drīzāk jā: 0; Drīzāk nē: 1; Nē: 0; Nezinu: 0" in section
    assert "Mazina stereotipus." not in html  # free text only when the editor asks for it


def test_free_text_and_municipality_filter(client, knowledge_index, survey, municipalities):
    page = seminar_with(
        knowledge_index,
        survey=survey,
        municipality=municipalities["riga"],
        questions=[],
        show_texts=True,
    )
    html = client.get(page.url).content.decode()
    assert "Palīdz veidot dialogu." in html
    assert "Mazina stereotipus." not in html  # Jelgava's answer
    assert "1 respondents" in html
    assert "Izglītība" in html  # the respondents' field of work heads their answers


def test_a_demo_survey_is_marked_demo_on_the_page(client, knowledge_index, survey):
    survey.is_demo = True
    survey.save()
    html = client.get(seminar_with(knowledge_index, survey=survey).url).content.decode()
    assert "Demo dati" in html and "nav īstās aptaujas skaitļi" in html


def test_a_deleted_survey_leaves_the_page_working(client, knowledge_index, survey):
    page = seminar_with(knowledge_index, survey=survey)
    EvaluationSurvey.objects.all().delete()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "evaluation-results" not in response.content.decode()


def test_the_block_has_a_preview_and_a_description(admin_client, survey):
    block = SeminarStreamBlock().child_blocks["evaluation_results"]
    assert isinstance(block, EvaluationResultsBlock)
    assert block.is_previewable and block.get_description()
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "css/portal.css" in html
    assert "<svg" in html and "Izvērtējums 2026" in html


def test_the_preview_without_any_survey_explains_itself(admin_client):
    block = SeminarStreamBlock().child_blocks["evaluation_results"]
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    assert "Izvēlieties aptauju" in response.content.decode()
