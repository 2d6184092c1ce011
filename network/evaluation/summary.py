"""The results of an evaluation survey per question: answer counts with a bar chart for the
Likert questions, free-text answers grouped by the respondents' field of work.

The editors' results page and the seminar page's embed block both render this, through
templates/network/evaluation/summary.html.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from network.evaluation.models import (
    LIKERT_KEYS,
    QUESTIONS,
    EvaluationResponse,
    FieldOfWork,
    Likert,
)
from portal.core.charts import bar_chart


@dataclass
class QuestionSummary:
    number: int  # the question's place in the questionnaire, from 1
    question: object
    rows: list = field(default_factory=list)  # Likert: {"label", "count", "percent"}
    chart: dict | None = None
    texts_by_field: list = field(default_factory=list)  # text: [(field label, [answers])]
    answered: int = 0


@dataclass
class Summary:
    survey: object
    municipality: object
    respondents: int
    by_field: list  # [(field label, count)] of the respondents
    questions: list


def _percent(count, total):
    return round(100 * count / total) if total else 0


def _counts(responses):
    """Every count the summary needs, in one query: respondents, respondents per field of
    work, and each Likert answer of each question."""
    aggregates = {"respondents": Count("pk")}
    for index, value in enumerate(FieldOfWork.values):
        aggregates[f"field_{index}"] = Count("pk", filter=Q(invitation__field_of_work=value))
    for key in LIKERT_KEYS:
        for index, value in enumerate(Likert.values):
            aggregates[f"{key}_{index}"] = Count("pk", filter=Q(**{key: value}))
    return responses.aggregate(**aggregates)


def summarise(survey, municipality=None, keys=None, include_texts=True):
    """The summary of `survey`'s responses, for one municipality or all, for the questions
    whose keys are given (all when none are) in the questionnaire's order."""
    responses = EvaluationResponse.objects.filter(invitation__survey=survey)
    if municipality is not None:
        responses = responses.filter(invitation__municipality=municipality)
    counts = _counts(responses)
    respondents = counts["respondents"]
    by_field = [
        (label, counts[f"field_{index}"])
        for index, (_value, label) in enumerate(FieldOfWork.choices)
        if counts[f"field_{index}"]
    ]
    field_labels = dict(FieldOfWork.choices)
    wanted = set(keys or [])
    summaries = []
    for number, question in enumerate(QUESTIONS, start=1):
        if wanted and question.key not in wanted:
            continue
        if question.is_likert:
            summaries.append(_likert_summary(number, question, counts, respondents))
        elif include_texts:
            summaries.append(_text_summary(number, question, responses, field_labels))
    return Summary(survey, municipality, respondents, by_field, summaries)


def _likert_summary(number, question, counts, respondents):
    rows = [
        {
            "label": label,
            "count": counts[f"{question.key}_{index}"],
            "percent": _percent(counts[f"{question.key}_{index}"], respondents),
        }
        for index, (_value, label) in enumerate(Likert.choices)
    ]
    chart = bar_chart([(row["label"], row["count"]) for row in rows]) if respondents else None
    return QuestionSummary(number, question, rows=rows, chart=chart, answered=respondents)


def _text_summary(number, question, responses, field_labels):
    answers = (
        responses.exclude(**{question.key: ""})
        .order_by("invitation__field_of_work", "submitted_at", "pk")
        .values_list("invitation__field_of_work", question.key)
    )
    grouped = {}
    for field_of_work, text in answers:
        grouped.setdefault(field_of_work, []).append(text)
    # Fields in the order of the choices, so the same field is always in the same place.
    texts_by_field = [
        (label, grouped[value]) for value, label in FieldOfWork.choices if value in grouped
    ]
    answered = sum(len(texts) for _label, texts in texts_by_field)
    return QuestionSummary(number, question, texts_by_field=texts_by_field, answered=answered)
