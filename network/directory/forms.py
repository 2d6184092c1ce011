from django import forms
from django.utils.translation import gettext_lazy as _

from network.directory.models import ChangeRequest
from portal.core.validators import SingleLineFieldsMixin


class SuggestEditForm(SingleLineFieldsMixin, forms.ModelForm):
    """The public "suggest an edit" form; `website` is a honeypot that people leave empty."""

    website = forms.CharField(
        label=_("Neaizpildiet šo lauku"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ChangeRequest
        fields = ["subject", "message", "contact_email"]
        labels = {
            "subject": _("Kas jālabo?"),
            "message": _("Kā ir pareizi?"),
            "contact_email": _("Jūsu e-pasts (ja vēlaties atbildi)"),
        }
        help_texts = {
            "message": _(
                "Piemēram, jaunais tālruņa numurs vai darba laiks. Nerakstiet ziņas par ģimenēm."
            ),
            "contact_email": _("Neobligāts. Redzams tikai redaktoriem."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 5, "maxlength": 2000})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = [
            ("", _("— izvēlieties —")),
            *ChangeRequest.Subject.choices,
        ]
        for name, bound in ((name, self[name]) for name in self.fields):
            if bound.help_text:
                self.fields[name].widget.attrs["aria-describedby"] = f"{bound.auto_id}-help"

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
