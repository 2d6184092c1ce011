"""“Labot profilu” in the portal: a mediator edits the public fields of their own profile in a
Latvian form (editors may too). Like a post, each save is a revision sent to the moderators;
the public profile changes when they approve it. Nothing about families is offered here."""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.forms.models import construct_instance
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from network.mediators.models import LANGUAGE_CHOICES, MediatorLanguage, MediatorProfilePage
from network.posts.views import submit_for_moderation
from portal.core.form_tokens import submit_once
from portal.core.roles import is_editor, privileged_view
from portal.core.two_factor import code_first
from portal.core.validators import SingleLineFieldsMixin
from taxonomy.models import Topic


class ProfileForm(SingleLineFieldsMixin, forms.ModelForm):
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Darba jomas"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Valodas, kurās strādājat"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = MediatorProfilePage
        fields = ["bio", "working_hours", "contact_consent", "public_email", "public_phone"]
        labels = {
            "bio": gettext_lazy("Par mani"),
            "working_hours": gettext_lazy("Darba laiks"),
            "contact_consent": gettext_lazy("Piekrītu, ka šos kontaktus rāda publiski"),
            "public_email": gettext_lazy("Publiskais e-pasts"),
            "public_phone": gettext_lazy("Publiskais tālrunis"),
        }
        widgets = {"bio": forms.Textarea(attrs={"rows": 5, "maxlength": 1000})}

    field_order = ["bio", "languages", "topics", "working_hours"]

    def _post_clean(self):
        # The revision keeps the page's tree position; the form has validated its own fields.
        opts = self._meta
        self.instance = construct_instance(self, self.instance, opts.fields, opts.exclude)


def may_edit(user, profile):
    return profile.user_id == user.pk or is_editor(user)


@require_http_methods(["GET", "POST"])
@privileged_view
@code_first
def edit_profile(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    profile = get_object_or_404(MediatorProfilePage, pk=pk)
    if not may_edit(request.user, profile):
        return render(request, "network/mediators/profile_forbidden.html", status=403)
    if request.method == "POST":
        return submit_once(request, lambda: _save(request, profile))
    return _form_page(request, profile, _form(None, profile))


def _form(data, profile):
    latest = profile.get_latest_revision_as_object()
    initial = {
        "topics": list(latest.topics.all()),
        "languages": [row.language for row in latest.languages.all()],
    }
    return ProfileForm(data, instance=latest, initial=initial)


def _save(request, profile):
    form = _form(request.POST, profile)
    if not form.is_valid():
        return _form_page(request, profile, form, status=400)
    draft = form.instance
    draft.topics.set(form.cleaned_data["topics"])
    draft.languages = [MediatorLanguage(language=code) for code in form.cleaned_data["languages"]]
    submit_for_moderation(draft, request.user)
    messages.success(
        request, _("Izmaiņas nosūtītas moderatoram; profilā tās parādīsies pēc apstiprināšanas.")
    )
    return redirect("my_work")


def _form_page(request, profile, form, status=200):
    context = {"profile": profile, "form": form}
    return render(request, "network/mediators/profile_form.html", context, status=status)
