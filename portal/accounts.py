"""Accounts without open registration: editors invite by e-mail, the link sets a password.

Signing in and out and the password reset are Django's auth views in the portal's own Latvian
pages (/konts/…): django-axes locks out repeated wrong passwords there as on the admin login.
A user with an authenticator app gives its code on the portal's own page before being signed
in at all; the second factor is still asked before any admin or editorial page of a session
signed in elsewhere (portal.core.two_factor).
"""

import secrets
import time
from urllib.parse import urlencode

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
from django.utils.crypto import constant_time_compare
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device

from network.directory.models import MunicipalityPage
from network.mediators.models import MediatorIndexPage, MediatorProfilePage

from .core import mail
from .core.form_tokens import submit_once
from .core.roles import (
    MEDIATORS_GROUP,
    ensure_role_groups,
    invitable_roles,
    is_editor,
    is_mediator,
    privileged_view,
)
from .core.two_factor import WRONG_CODE, TokenForm, matching_device, safe_next
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


def municipality_field():
    return forms.ModelChoiceField(
        MunicipalityPage.objects.live().order_by("title"),
        label=_("Pašvaldība, kurā strādājat"),
        required=False,
        empty_label=_("— vēl nav zināms —"),
        help_text=_("Tās kontaktus un skaitļus redzēsiet sadaļā “Mans darbs”."),
    )


class ProfileStartForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"] = municipality_field()


def start_profile(user, municipality=None):
    """A mediator's own profile, unpublished (the moderators publish it) but usable at once
    for reports and posts; None when the site has no mediators' page to put it under."""
    index = MediatorIndexPage.objects.first()
    if index is None:
        return None
    title = user.get_full_name() or user.get_username()
    profile = MediatorProfilePage(
        title=title,
        slug=f"{slugify(title, allow_unicode=True)[:50] or 'mediators'}-{secrets.token_hex(2)}",
        user=user,
        owner=user,
        municipality=municipality,
        live=False,
    )
    index.add_child(instance=profile)
    profile.save_revision(user=user)
    return profile


class NewPasswordForm(SetPasswordForm):
    """Django's set-password form in the portal's formal Latvian (Django's own says "Ievadi")."""

    error_messages = {
        "password_mismatch": gettext_lazy(
            "Paroles abos laukos nesakrīt. Ierakstiet to pašu paroli vēlreiz."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password2"].label = _("Jaunā parole vēlreiz")
        self.fields["new_password2"].help_text = _(
            "Ierakstiet to pašu paroli vēlreiz, lai pārliecinātos, ka tajā nav drukas kļūdu."
        )


class AcceptInvitationForm(SingleLineFieldsMixin, NewPasswordForm):
    """A name and a password: the e-mail of the invitation becomes the username."""

    first_name = forms.CharField(label=gettext_lazy("Vārds"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Uzvārds"), max_length=150)
    field_order = ["first_name", "last_name", "new_password1", "new_password2"]

    def __init__(self, *args, role=None, **kwargs):
        super().__init__(*args, **kwargs)
        if role == MEDIATORS_GROUP:  # the new mediator's profile starts with the municipality
            self.fields["municipality"] = municipality_field()

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
    form = AcceptInvitationForm(user, request.POST or None, role=invitation.role)
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
            profile = None
            if invitation.role == MEDIATORS_GROUP:
                profile = start_profile(user, form.cleaned_data.get("municipality"))
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Konts izveidots. Laipni lūdzam Mediatoru tīklā!"))
        if profile is not None:
            messages.info(request, PROFILE_STARTED)
        return redirect("my_work")
    return render(
        request,
        "portal/accounts/accept.html",
        {"form": form, "invitation": invitation},
        status=400 if form.errors else 200,
    )


PROFILE_STARTED = gettext_lazy(
    "Jūsu mediatora profils ir izveidots: ar to jau varat rakstīt mēneša atskaites. "
    "Papildiniet to un iesniedziet moderatoram, lai tas parādītos publiski."
)


@require_http_methods(["GET", "POST"])
def create_profile(request):
    """A mediator without a profile (invited before profiles came with the invitation, or
    whose profile was removed) creates their own, then goes where they were going."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_mediator(request.user):
        raise PermissionDenied
    if MediatorProfilePage.objects.filter(user=request.user).exists():
        return redirect("my_work")
    form = ProfileStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if start_profile(request.user, form.cleaned_data["municipality"]) is None:
            messages.error(request, _("Portālā vēl nav mediatoru sadaļas. Rakstiet redaktoram."))
            return redirect("my_work")
        messages.success(request, PROFILE_STARTED)
        return redirect("network:report_list")
    return render(
        request,
        "portal/accounts/create_profile.html",
        {"form": form},
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
    """A user with an authenticator app is signed in only after its code (sign_in_code)."""

    template_name = "portal/accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("my_work")

    def form_valid(self, form):
        user = form.get_user()
        if not user_has_device(user):
            return super().form_valid(form)
        self.request.session[PENDING_SIGN_IN] = {
            "user": user.pk,
            "backend": user.backend,
            "password": user.get_session_auth_hash(),
            "since": time.time(),
        }
        query = urlencode({"next": self.get_success_url()})
        return redirect(f"{reverse('sign_in_code')}?{query}")


PENDING_SIGN_IN = "portal_sign_in_pending"
PENDING_SECONDS = 600


def _pending_user(request):
    """The user who gave the right password here in the last ten minutes, or None."""
    pending = request.session.get(PENDING_SIGN_IN)
    if not pending or time.time() - pending["since"] > PENDING_SECONDS:
        return None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    if user is None or not constant_time_compare(user.get_session_auth_hash(), pending["password"]):
        return None  # the password changed since
    user.backend = pending["backend"]
    return user


@require_http_methods(["GET", "POST"])
def sign_in_code(request):
    """The second step of the portal's sign-in: the authenticator's code, then signed in."""
    user = _pending_user(request)
    next_url = safe_next(request, default=reverse("my_work"))
    if user is None:
        messages.info(
            request, _("Lūdzu, pieslēdzieties vēlreiz: ievadiet lietotājvārdu un paroli.")
        )
        return redirect_to_login(next_url)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = matching_device(user, form.cleaned_data["token"])
        if device is not None:
            del request.session[PENDING_SIGN_IN]
            login(request, user)
            otp_login(request, device)
            return redirect(next_url)
        form.add_error("token", WRONG_CODE)
    return render(
        request,
        "portal/accounts/sign_in_code.html",
        {"form": form, "next": next_url},
        status=400 if form.errors else 200,
    )


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
    form_class = NewPasswordForm
    success_url = reverse_lazy("password_reset_complete")
