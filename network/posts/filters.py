"""The experience listing's filters: choices come from the lists the page shows anyway, so a value
outside them is a form error (the listing is then empty), never a server error."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.lists import ListingFilterForm


class PostFilterForm(ListingFilterForm):
    tema = forms.ChoiceField(label=_("Tēma"), required=False)
    pasvaldiba = forms.ChoiceField(label=_("Pašvaldība"), required=False)
    keys = {"tema": "topic", "pasvaldiba": "municipality"}

    def __init__(self, data, *, topics, municipalities):
        super().__init__(data)
        self.set_choices("tema", [(topic.slug, topic.label) for topic in topics])
        self.set_choices("pasvaldiba", [(item.slug, item.title) for item in municipalities])
