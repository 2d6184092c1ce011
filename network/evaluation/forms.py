"""The public questionnaire form: five Likert questions and two free-text questions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from network.evaluation.models import QUESTIONS, TEXT_MAX_LENGTH, Likert


class EvaluationForm(forms.Form):
    """One field per question of the seed's questionnaire, named by the question's key."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # the questions end in “?” already
        super().__init__(*args, **kwargs)
        for number, question in enumerate(QUESTIONS, start=1):
            label = f"{number}. {question.text}"
            if question.is_likert:
                self.fields[question.key] = forms.ChoiceField(
                    label=label,
                    choices=Likert.choices,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": _("Lūdzu, izvēlieties atbildi."),
                        "invalid_choice": _("Lūdzu, izvēlieties vienu no piedāvātajām atbildēm."),
                    },
                )
            else:
                self.fields[question.key] = forms.CharField(
                    label=label,
                    required=False,
                    max_length=TEXT_MAX_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 5}),
                    error_messages={
                        "max_length": _(
                            "Atbilde ir par garu: ne vairāk kā %(limit_value)d rakstzīmes "
                            "(tagad %(show_value)d)."
                        )
                    },
                )

    def likert_fields(self):
        return [self[q.key] for q in QUESTIONS if q.is_likert]

    def text_fields(self):
        return [self[q.key] for q in QUESTIONS if not q.is_likert]

    def answers(self):
        return {q.key: self.cleaned_data[q.key] for q in QUESTIONS}
