"""Accounts without open registration: editors invite by e-mail, the link sets a password.

Signing in and out and the password reset are Django's auth views in the portal's own Latvian
pages (/konts/…): django-axes locks out repeated wrong passwords there as on the admin login,
and the second factor is still asked before any admin or editorial page (portal.core.two_factor).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .core import mail
from .core.form_tokens import submit_once
from .core.roles import ensure_role_groups, invitable_roles, is_editor, privileged_view
from .core.validators import SingleLineFieldsMixin
from .models import Invitation


class InvitationForm(SingleLineFieldsMixin, forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]

    def __init__(self, *args, inviter, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the roles the inviter may give are offered; a forged one is a form error.
        allowed = invitable_roles(inviter)
        role = self.fields["role"]
        role.choices = [(value, label) for value, label in role.choices if value in allowed]
        role.error_messages["invalid_choice"] = _("Šo lomu jūs nevarat piešķirt.")

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Ar šo e-pastu jau ir konts."))
        return email


class AcceptInvitationForm(SingleLineFieldsMixin, SetPasswordForm):
    """A name and a password: the e-mail of the invitation becomes the username."""

    first_name = forms.CharField(label=gettext_lazy("Vārds"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Uzvārds"), max_length=150)
    field_order = ["first_name", "last_name", "new_password1", "new_password2"]

    def save(self, commit=True):
        self.user.first_name = self.cleaned_data["first_name"]
        self.user.last_name = self.cleaned_data["last_name"]
        return super().save(commit=commit)


@privileged_view
def invite(request):
    """Editors, moderators and administrators send invitations and see the recent ones."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_editor(request.user):
        raise PermissionDenied
    form = InvitationForm(request.POST or None, inviter=request.user)
    if request.method == "POST" and form.is_valid():
        return submit_once(request, lambda: _send_invitation(request, form))
    return render(
        request,
        "portal/accounts/invite.html",
        {"form": form, "invitations": Invitation.objects.select_related("invited_by")[:30]},
        status=400 if form.errors else 200,
    )


def _send_invitation(request, form):
    """Runs once per form token: an invitation sent twice is saved and mailed once."""
    invitation = form.save(commit=False)
    invitation.invited_by = request.user
    invitation.save()
    link = request.build_absolute_uri(reverse("accept_invitation", args=[invitation.token]))
    messages.success(
        request, _("Uzaicinājums nosūtīts uz %(email)s.") % {"email": invitation.email}
    )
    mail.send(
        _("Uzaicinājums uz Mediatoru tīklu"),
        "\n\n".join(
            [
                _("Jūs esat uzaicināts pievienoties portālam Mediatoru tīkls."),
                _("Atveriet šo saiti, lai izveidotu paroli (derīga līdz %(date)s):")
                % {"date": timezone.localtime(invitation.expires_at).strftime("%d.%m.%Y")},
                link,
            ]
        ),
        [invitation.email],
        request,
    )
    return redirect("invite")


def accept_invitation(request, token):
    invitation = get_object_or_404(Invitation, token=token)
    if not invitation.is_usable:
        return render(request, "portal/accounts/invitation_used.html", status=410)
    if invitation.role not in invitable_roles(invitation.invited_by):
        # The inviter may not (or no longer) give this role: the link must not grant it.
        return render(
            request, "portal/accounts/invitation_used.html", {"revoked": True}, status=403
        )
    user_model = get_user_model()
    user = user_model(username=invitation.email, email=invitation.email)
    form = AcceptInvitationForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if user_model.objects.filter(username__iexact=invitation.email).exists():
                return render(request, "portal/accounts/invitation_used.html", status=410)
            user = form.save()
            ensure_role_groups()
            user.groups.add(Group.objects.get(name=invitation.role))
            invitation.accepted_at = timezone.now()
            invitation.user = user
            invitation.save(update_fields=["accepted_at", "user"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Konts izveidots. Laipni lūdzam Mediatoru tīklā!"))
        return redirect("/")
    return render(
        request,
        "portal/accounts/accept.html",
        {"form": form, "invitation": invitation},
        status=400 if form.errors else 200,
    )


class SignInForm(SingleLineFieldsMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": gettext_lazy(
            "Lietotājvārds vai parole nav pareiza. Pārbaudiet, vai nav ieslēgti lielie burti "
            "(Caps Lock), un mēģiniet vēlreiz."
        ),
        "inactive": gettext_lazy("Šis konts ir slēgts. Lūdziet palīdzību redaktoram."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Lietotājvārds")
        self.fields["username"].help_text = _("Ja saņēmāt uzaicinājumu, tas ir Jūsu e-pasts.")
        self.fields["password"].label = _("Parole")


class ResetForm(SingleLineFieldsMixin, PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Jūsu e-pasts")


class SignInView(auth_views.LoginView):
    template_name = "portal/accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("my_work")


class SignOutView(auth_views.LogoutView):
    """POST only (Django's rule): a link could sign anyone out from another site."""

    next_page = "/"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("Jūs esat izgājis no portāla."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "portal/accounts/password_reset.html"
    form_class = ResetForm
    email_template_name = "portal/accounts/password_reset_email.txt"
    subject_template_name = "portal/accounts/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "portal/accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")
