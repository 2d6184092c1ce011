"""The mediator listing's filters: choices come from the lists the page shows anyway, so a value
outside them is a form error (the listing is then empty), never a server error."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.lists import ListingFilterForm


class MediatorFilterForm(ListingFilterForm):
    pasvaldiba = forms.ChoiceField(label=_("Pašvaldība"), required=False)
    tema = forms.ChoiceField(label=_("Darba joma"), required=False)
    valoda = forms.ChoiceField(label=_("Valoda"), required=False)
    keys = {"pasvaldiba": "municipality", "tema": "topic", "valoda": "language"}

    def __init__(self, data, *, municipalities, topics, languages):
        super().__init__(data)
        self.set_choices("pasvaldiba", [(item.slug, item.title) for item in municipalities])
        self.set_choices("tema", [(topic.slug, topic.label) for topic in topics])
        self.set_choices("valoda", languages)
