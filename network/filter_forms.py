"""The filters of the network's public listings (mediators, experience posts): GET forms whose
choices come from the lists the page shows anyway, so a value outside them is a form error
(the listing is then empty), never a server error."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ListingFilterForm(forms.Form):
    """Optional choice fields, each named by its query parameter; `keys` gives each one's name
    in `selected()`."""

    keys = {}

    def set_choices(self, name, pairs):
        self.fields[name].choices = [("", _("visas")), *pairs]

    def selected(self):
        """{key: the chosen value or ""}: all empty when a value is not valid."""
        data = self.cleaned_data if self.is_valid() else {}
        return {key: data.get(name, "") for name, key in self.keys.items()}


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


class PostFilterForm(ListingFilterForm):
    tema = forms.ChoiceField(label=_("Tēma"), required=False)
    pasvaldiba = forms.ChoiceField(label=_("Pašvaldība"), required=False)
    keys = {"tema": "topic", "pasvaldiba": "municipality"}

    def __init__(self, data, *, topics, municipalities):
        super().__init__(data)
        self.set_choices("tema", [(topic.slug, topic.label) for topic in topics])
        self.set_choices("pasvaldiba", [(item.slug, item.title) for item in municipalities])
