"""The mediator's monthly report form and its two inline lists (cooperation facts, events)."""

import datetime

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from network.directory.models import Organization
from network.reports.institution_types import institution_type_of
from network.reports.models import CooperationFact, InstitutionType, MonthlyReport, ReportEvent
from network.reports.personal_data import PersonalDataGuardMixin
from portal.core.params import parse_month
from portal.core.validators import SingleLineFieldsMixin
from taxonomy.models import Topic

NUMBER = {"inputmode": "numeric", "min": 0}


class MonthField(forms.Field):
    widget = forms.DateInput(attrs={"type": "month"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value.replace(day=1)
        month = parse_month(value)
        if month is None or not 2000 <= month.year <= 2100:
            raise forms.ValidationError(_("Norādiet mēnesi, piemēram, 2020-04."), code="month")
        return month

    def prepare_value(self, value):
        return value.strftime("%Y-%m") if isinstance(value, datetime.date) else value


class MonthlyReportForm(PersonalDataGuardMixin, forms.ModelForm):
    guarded_fields = ("highlights",)
    warned_fields = ("highlights",)

    month = MonthField(label=_("Mēnesis"))
    topics = forms.ModelMultipleChoiceField(
        label=_("Tēmas, ar kurām strādāju"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = MonthlyReport
        fields = [
            "month",
            "families_regular",
            "families_occasional",
            "persons",
            "topics",
            "highlights",
        ]
        widgets = {
            "families_regular": forms.NumberInput(attrs=NUMBER),
            "families_occasional": forms.NumberInput(attrs=NUMBER),
            "persons": forms.NumberInput(attrs=NUMBER),
            "highlights": forms.Textarea(attrs={"rows": 4, "maxlength": 1500}),
        }

    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        if self.instance.pk:
            # The month of an existing report does not change: it is part of its identity.
            self.fields["month"].disabled = True

    def clean_month(self):
        month = self.cleaned_data["month"]
        others = MonthlyReport.objects.filter(profile=self.profile, month=month)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("Atskaite par šo mēnesi jau ir: atveriet to sarakstā."), code="duplicate"
            )
        return month


class CooperationFactForm(SingleLineFieldsMixin, PersonalDataGuardMixin, forms.ModelForm):
    guarded_fields = ("staff_name", "staff_role")
    warned_fields = ("staff_role",)  # the staff name is a name by design (with consent)

    class Meta:
        model = CooperationFact
        fields = ["organization", "institution_type", "staff_name", "staff_role", "topic"]
        help_texts = {
            "institution_type": _(
                "Var atstāt tukšu: veidu nosaka pēc iestādes kataloga. Izvēlieties, ja tas ir cits."
            ),
            "staff_name": _("Tikai ar darbinieka piekrišanu; var atstāt tukšu."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.order_by("name")
        self.fields["topic"].queryset = Topic.objects.all()
        kind = self.fields["institution_type"]
        kind.required = False  # the catalogue institution (required) gives it
        kind.choices = [("", _("— pēc kataloga —")), *InstitutionType.choices]

    def clean(self):
        cleaned = super().clean()
        organization = cleaned.get("organization")
        if not cleaned.get("institution_type") and organization is not None:
            cleaned["institution_type"] = institution_type_of(organization)
        return cleaned


class ReportEventForm(SingleLineFieldsMixin, PersonalDataGuardMixin, forms.ModelForm):
    guarded_fields = ("name",)
    warned_fields = ("name",)

    class Meta:
        model = ReportEvent
        fields = ["name", "date", "kind"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean(self):
        cleaned = super().clean()
        date, month = cleaned.get("date"), getattr(self, "report_month", None)
        if date and month and (date.year, date.month) != (month.year, month.month):
            self.add_error("date", _("Pasākuma datumam jābūt atskaites mēnesī."))
        return cleaned


CooperationFactFormSet = inlineformset_factory(
    MonthlyReport,
    CooperationFact,
    form=CooperationFactForm,
    extra=1,
    max_num=50,
    validate_max=True,
    can_delete=True,
)
ReportEventFormSet = inlineformset_factory(
    MonthlyReport,
    ReportEvent,
    form=ReportEventForm,
    extra=1,
    max_num=30,
    validate_max=True,
    can_delete=True,
)


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Komentārs mediatoram"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1500,
        help_text=_("Kas jālabo; mediators to saņems e-pastā."),
    )
