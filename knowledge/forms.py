from django import forms
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Topic

from .models import AUDIENCE_ALL, AUDIENCES


class KnowledgeFilterForm(forms.Form):
    """The GET filters of the knowledge index; unknown values are a 400, not a 500."""

    tema = forms.ModelChoiceField(
        label=_("Tēma"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Visas tēmas"),
    )
    birka = forms.ModelChoiceField(
        label=_("Birka"),
        queryset=None,
        to_field_name="slug",
        required=False,
        empty_label=_("Visas birkas"),
    )
    pasvaldiba = forms.ModelChoiceField(
        label=_("Pašvaldība"),
        queryset=None,
        to_field_name="slug",
        required=False,
        empty_label=_("Visas pašvaldības"),
    )
    auditorija = forms.ChoiceField(
        label=_("Kam domāts"),
        choices=[("", _("Visiem"))] + [item for item in AUDIENCES if item[0] != AUDIENCE_ALL],
        required=False,
    )

    def __init__(self, index_page, *args, **kwargs):
        from network.models import MunicipalityPage

        super().__init__(*args, **kwargs)
        self.fields["birka"].queryset = index_page.used_tags()
        self.fields["pasvaldiba"].queryset = (
            MunicipalityPage.objects.live().filter(locale_id=index_page.locale_id).order_by("title")
        )

    def use_choices(self, lists):
        """Choices from already built lists ({field name: [(slug, label)]}) instead of one
        query per list; a submitted value is still checked against the database."""
        for name in ("tema", "birka", "pasvaldiba"):
            field = self.fields[name]
            field.choices = [("", field.empty_label), *lists[name]]

    def filters(self):
        data = self.cleaned_data
        return {
            "topic": data.get("tema"),
            "tag": data.get("birka"),
            "municipality": data.get("pasvaldiba"),
            "audience": data.get("auditorija") or None,
        }
