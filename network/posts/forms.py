"""Public forms of the experience exchange: writing a post and replying to one.

The forms name no model: the pages bind them to theirs (post_form_class, reply_form_class),
so the page models can use these forms and the views without an import cycle.
"""

from django import forms
from django.forms.models import construct_instance, modelform_factory
from django.utils.translation import gettext_lazy as _

from network.directory.models import MunicipalityPage
from network.posts.prompts import USER_TEXT_FIELDS
from portal.core.validators import SingleLineFieldsMixin
from taxonomy.models import Topic

TEXTAREA = {"rows": 4}


class ExperiencePostForm(SingleLineFieldsMixin, forms.ModelForm):
    """The four prompts of the seminar plus free text; at least one must be answered."""

    municipality = forms.ModelChoiceField(
        label=_("Pašvaldība"),
        queryset=MunicipalityPage.objects.live().order_by("title"),
        required=False,
        empty_label=_("— nav norādīta —"),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Tēmas"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        fields = ["title", "municipality", "topics", *USER_TEXT_FIELDS]
        labels = {"title": _("Virsraksts")}
        widgets = {name: forms.Textarea(attrs=TEXTAREA) for name in USER_TEXT_FIELDS}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # the prompts end in “…” already
        super().__init__(*args, **kwargs)
        self.fields["title"].help_text = _("Īss virsraksts, piemēram, “Skolas kavējumi Ventspilī”.")
        self.fields["title"].max_length = 120
        self.fields["title"].widget.attrs["maxlength"] = 120

    def clean(self):
        cleaned = super().clean()
        if not any((cleaned.get(name) or "").strip() for name in USER_TEXT_FIELDS):
            raise forms.ValidationError(
                _("Atbildiet vismaz uz vienu jautājumu vai uzrakstiet brīvu tekstu.")
            )
        return cleaned

    def _post_clean(self):
        # Page.full_clean needs the tree position and slug the view gives later; the form has
        # validated the fields and the page cleans markup when it is saved.
        opts = self._meta
        self.instance = construct_instance(self, self.instance, opts.fields, opts.exclude)


class ReplyForm(forms.ModelForm):
    class Meta:
        fields = ["body"]
        labels = {"body": _("Jūsu atbilde")}
        widgets = {"body": forms.Textarea(attrs={"rows": 4, "maxlength": 3000})}

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Atbilde ir tukša."))
        return body


def post_form_class(post_model):
    """ExperiencePostForm for the post page model."""
    return modelform_factory(post_model, form=ExperiencePostForm)


def reply_form_class(post):
    """ReplyForm for the model of the post's replies."""
    return modelform_factory(post.replies.model, form=ReplyForm)
