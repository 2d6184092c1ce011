"""The "Meklējumi bez atbildes" report's two actions: add a question as a concept's synonym,
or pin a result to it."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from portal.core.personal_data import find_personal_data
from portal.core.validators import validate_single_line
from taxonomy.models import Concept

from . import promotions
from .searchlog import HIDDEN, normalised

MAX_TERM_LENGTH = 120


def question_error(text):
    """Why this question text can't be used, or ""."""
    if not text:
        return _("Norādiet jautājumu.")
    if text == HIDDEN or find_personal_data(text):
        return _("Šis jautājums izskatās pēc personas datiem; to nevar izmantot.")
    return ""


class QuestionField(forms.CharField):
    """A searched question, normalised as the log and the promotions keep it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 255)
        super().__init__(validators=[validate_single_line], **kwargs)

    def clean(self, value):
        text = normalised(super().clean(value) or "")
        error = question_error(text)
        if error:
            raise forms.ValidationError(error)
        return text


class AddSynonymForm(forms.Form):
    query = QuestionField(widget=forms.HiddenInput)
    term = QuestionField(
        label=_("Sinonīms"),
        max_length=MAX_TERM_LENGTH,
        help_text=_(
            "Jautājuma vārdi, kā tie tiks pievienoti jēdziena sinonīmiem. Izņemiet vietas "
            "nosaukumu un liekus vārdus (piemēram, “zupas virtuve Rīgā” → “zupas virtuve”)."
        ),
    )
    concept = forms.ModelChoiceField(
        Concept.objects.order_by("label"),
        label=_("Jēdziens"),
        help_text=_("Meklēšana šos vārdus sapratīs kā šo jēdzienu."),
    )

    def clean_term(self):
        term = self.cleaned_data["term"]
        if "," in term or ";" in term:
            # The synonyms field separates terms by commas and semicolons (taxonomy.models).
            raise forms.ValidationError(_("Viens termins: bez komatiem un semikoliem."))
        return term

    def clean(self):
        cleaned = super().clean()
        concept, term = cleaned.get("concept"), cleaned.get("term")
        if concept and term:
            known = {normalised(word) for word, _field in concept.terms()}
            if term in known:
                self.add_error("term", _("Jēdzienam jau ir šis termins."))
        return cleaned

    def save(self, user):
        """Appends the term to the concept's synonyms and saves a new revision."""
        concept, term = self.cleaned_data["concept"], self.cleaned_data["term"]
        concept.synonyms = f"{concept.synonyms.rstrip()}\n{term}".strip()
        concept.save()
        concept.save_revision(user=user, log_action=True)
        return concept


class PinResultForm(forms.Form):
    query = QuestionField(widget=forms.HiddenInput)
    page = forms.ModelChoiceField(
        Page.objects.filter(depth__gt=1),
        required=False,
        label=_("Lapa"),
        widget=AdminPageChooser(),
        help_text=_("Portāla lapa, ko rādīt pirmo šim jautājumam."),
    )
    external_url = forms.URLField(
        required=False,
        assume_scheme="https",
        label=_("Vai ārēja saite"),
        help_text=_("Tikai tad, ja atbilde nav portālā."),
    )
    external_text = forms.CharField(required=False, max_length=200, label=_("Saites teksts"))
    description = forms.CharField(
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Apraksts"),
        help_text=_("Viens teikums zem virsraksta: kāpēc šī ir atbilde."),
    )

    def clean(self):
        cleaned = super().clean()
        page, url = cleaned.get("page"), cleaned.get("external_url")
        if page and url:
            raise forms.ValidationError(_("Izvēlieties lapu vai ārēju saiti, ne abas."))
        if not page and not url and not self.has_error("external_url"):
            raise forms.ValidationError(_("Izvēlieties lapu vai norādiet ārēju saiti."))
        if url and not cleaned.get("external_text"):
            self.add_error("external_text", _("Ārējai saitei vajag tekstu."))
        return cleaned

    def save(self):
        data = self.cleaned_data
        return promotions.pin(
            data["query"],
            page=data["page"],
            external_url=data["external_url"],
            external_text=data["external_text"],
            description=data["description"],
        )
