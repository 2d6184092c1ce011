"""The evaluation results block the seminar page offers (settings.OFFERED_BLOCKS["seminar"])."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from network.evaluation.models import QUESTIONS, EvaluationSurvey
from network.evaluation.summary import summarise


def evaluation_question_choices():
    return [(q.key, f"{number}. {q.text}") for number, q in enumerate(QUESTIONS, start=1)]


class EvaluationResultsBlock(blocks.StructBlock):
    """The results of a municipal staff evaluation survey: per question a bar
    chart and its table, the same summary editors see in the admin."""

    title = blocks.CharBlock(label=_("virsraksts"), max_length=200, required=False)
    survey = SnippetChooserBlock("network.EvaluationSurvey", label=_("aptauja"))
    municipality = blocks.PageChooserBlock(
        label=_("pašvaldība"),
        page_type="network.MunicipalityPage",
        required=False,
        help_text=_("Tukšs — visu pašvaldību atbildes kopā."),
    )
    questions = blocks.MultipleChoiceBlock(
        label=_("jautājumi"),
        choices=evaluation_question_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tukšs — visi jautājumi."),
    )
    show_texts = blocks.BooleanBlock(
        label=_("rādīt brīvā teksta atbildes"),
        required=False,
        default=False,
        help_text=_("Atbildes uz abiem atvērtajiem jautājumiem, sagrupētas pa darbības jomām."),
    )

    class Meta:
        icon = "clipboard-list"
        label = _("Aptaujas rezultāti")
        template = "network/evaluation/blocks/evaluation_results.html"
        preview_template = "knowledge/blocks/preview.html"
        description = _(
            "Pašvaldību darbinieku aptaujas rezultāti: diagramma un tabula katram jautājumam."
        )

    def get_preview_value(self):
        """The newest survey with answers, so the preview shows real charts when it can."""
        survey = EvaluationSurvey.objects.filter(invitations__response__isnull=False).first()
        return self.normalize({"title": "Pašvaldību darbinieku vērtējums", "survey": survey})

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context=parent_context)
        context["is_preview"] = True
        return context

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        survey = value.get("survey")
        context["summary"] = (
            summarise(
                survey,
                municipality=value.get("municipality"),
                keys=value.get("questions"),
                include_texts=value.get("show_texts"),
            )
            if survey is not None
            else None
        )
        context["id_prefix"] = f"eval-{uuid.uuid4().hex[:6]}-"
        return context
