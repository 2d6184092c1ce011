"""Optional TOTP two-factor sign-in (django-otp).

A user who has confirmed an authenticator app must give its six-digit code after the password
before any admin page or editorial view (portal.core.roles) opens. ADMIN_2FA_REQUIRED=true makes
setting one up compulsory. `needs_second_factor` is the one rule all of them ask.
"""

import base64
from functools import wraps
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from .client import is_local_url

# Admin paths reachable before the second factor: signing in and out, and 2FA itself.
OPEN_PREFIXES = ("/admin/login/", "/admin/logout/", "/admin/password_reset/", "/admin/2fa/")


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Kods no autentifikatora lietotnes"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class AdminTwoFactorMiddleware:
    """Sends a signed-in admin user with a confirmed device to the code form until verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        guarded = path.startswith("/admin/") and not path.startswith(OPEN_PREFIXES)
        if guarded and needs_second_factor(request.user):
            return second_factor_redirect(request)
        return self.get_response(request)


def needs_second_factor(user):
    """True while a signed-in user still owes the code: they have confirmed a device, or
    ADMIN_2FA_REQUIRED makes one compulsory. A user outside a request counts as unverified."""
    if not user.is_authenticated:
        return False
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return False
    return getattr(settings, "ADMIN_2FA_REQUIRED", False) or user_has_device(user)


def code_first(view):
    """For a user's own pages outside /admin/ ("Mans darbs"): a session with an authenticator
    that has not given its code (signed in on the admin's login) gives it first."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and user_has_device(user) and not user.is_verified():
            return second_factor_redirect(request)
        return view(request, *args, **kwargs)

    return wrapped


def second_factor_redirect(request):
    """To the code form (or to setting a device up), coming back here afterwards."""
    target = "portal_2fa_verify" if user_has_device(request.user) else "portal_2fa_setup"
    return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


def safe_next(request, default="/admin/"):
    """The form's or query's `next` when it leads back to this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or default
    return target if is_local_url(request, target) else default


def matching_device(user, token):
    """The user's confirmed device that accepts this code (django-otp throttles guesses)."""
    for device in TOTPDevice.objects.devices_for_user(user, confirmed=True):
        if device.verify_token(token):
            return device
    return None


WRONG_CODE = _("Kods nav pareizs vai ir novecojis. Mēģiniet vēlreiz.")


def verify(request):
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = matching_device(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(safe_next(request))
        form.add_error("token", WRONG_CODE)
    context = {"form": form, "next": safe_next(request)}
    status = 400 if form.errors else 200  # a refused code, as the portal's own sign-in answers
    return render(request, "portal/two_factor_verify.html", context, status=status)


def setup(request):
    """Adds an authenticator app: shows the secret, then confirms it with one code."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if user_has_device(request.user) and not request.user.is_verified():
        # Otherwise a new device would verify a session that has only the password.
        messages.info(
            request,
            _("Jums jau ir autentifikators: ievadiet tā kodu. Jaunu varēsiet pievienot pēc tam."),
        )
        query = urlencode({"next": safe_next(request)})
        return redirect(f"{reverse('portal_2fa_verify')}?{query}")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "autentifikators"}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            return redirect(safe_next(request))
        form.add_error(
            "token", _("Kods nav pareizs. Pārbaudiet tālruņa pulksteni, mēģiniet vēlreiz.")
        )
    context = {
        "form": form,
        "next": safe_next(request),
        "secret": base64.b32encode(device.bin_key).decode().rstrip("="),
        "config_url": device.config_url,
    }
    status = 400 if form.errors else 200
    return render(request, "portal/two_factor_setup.html", context, status=status)


urlpatterns = [
    path("2fa/verify/", verify, name="portal_2fa_verify"),
    path("2fa/setup/", setup, name="portal_2fa_setup"),
]
