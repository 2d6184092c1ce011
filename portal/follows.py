"""Following a municipality, a topic or an experience post (issue 22): the weekly digest
(portal.digests) and, for a post, an immediate notice of each reply.

Signed-in users follow with one click. Anyone else gives an e-mail address: nothing is stored
then; the address gets one confirmation e-mail whose signed, expiring link carries the choice,
and only the confirmation stores the address and its follow (double opt-in). Every e-mail links
to a page managing that address's follows and carries RFC 8058 one-click unsubscribe headers;
unsubscribing deletes the address with its follows. Public pages link to the follow form with a
plain link, so they stay cacheable; the one-click form is rendered for signed-in users only.
"""

import hashlib

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from network.directory.models import MunicipalityPage
from network.posts.models import ExperiencePostPage
from portal.core import mail
from portal.core.client import is_local_url, over_limit
from portal.core.languages import source_page
from portal.core.public_url import public_url
from portal.models import Follow, Follower
from taxonomy.models import Topic

CONFIRM_SALT = "portal.follows.confirm"
FOLLOWER_SALT = "portal.follows.follower"
CONFIRM_DAYS = 3
# Per visitor: this many follow requests by e-mail per hour; one confirmation per address a day.
REQUEST_LIMIT = 10
REQUEST_WINDOW = 60 * 60
ADDRESS_WINDOW = 24 * 60 * 60
# The query parameter naming each kind of target, and the Follow field it fills.
KINDS = {"pasvaldiba": "municipality", "tema": "topic", "stasts": "post"}


def target_object(kind, value):
    """The live municipality, the topic or the live post a follow request names, or None."""
    try:
        if kind == "pasvaldiba":
            return source_page(MunicipalityPage.objects.live().public().get(pk=int(value)))
        if kind == "tema":
            return Topic.objects.get(slug=str(value))
        if kind == "stasts":
            return source_page(ExperiencePostPage.objects.live().public().get(pk=int(value)))
    except (ValueError, TypeError, ObjectDoesNotExist):
        return None
    return None


def target_value(kind, target):
    """The query value naming a target; a translated page is followed as its Latvian source."""
    return target.slug if kind == "tema" else source_page(target).pk


def follow_url(kind, target):
    return f"{reverse('follow')}?{kind}={target_value(kind, target)}"


def add_follow(follower, kind, target, immediate=False):
    follow, _created = Follow.objects.update_or_create(
        follower=follower,
        **{KINDS[kind]: target},
        defaults={"immediate_replies": immediate and kind == "stasts"},
    )
    return follow


def following(user, kind, target):
    """The user's follow of the target, or None (for the signed-in button)."""
    if not user.is_authenticated:
        return None
    return Follow.objects.filter(follower__user=user, **{KINDS[kind]: target}).first()


def follower_token(follower):
    return signing.dumps(follower.pk, salt=FOLLOWER_SALT)


def follower_from_token(token):
    try:
        pk = signing.loads(token, salt=FOLLOWER_SALT)
    except signing.BadSignature:
        raise Http404 from None
    follower = Follower.objects.filter(pk=pk).first()
    if follower is None:
        raise Http404
    return follower


def unsubscribe_url(follower):
    return public_url(reverse("unsubscribe", args=[follower_token(follower)]))


def manage_url(follower):
    return public_url(reverse("manage_follows", args=[follower_token(follower)]))


def unsubscribe_headers(follower):
    """RFC 8058: a mail client may unsubscribe with one POST to the link, without signing in."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(follower)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def send_to_follower(follower, subject, body):
    return mail.send(subject, body, [follower.address], headers=unsubscribe_headers(follower))


class FollowForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Jūsu e-pasta adrese"), max_length=254)
    immediate_replies = forms.BooleanField(
        label=gettext_lazy("Sūtīt paziņojumu uzreiz, kad kāds atbild (nevis nedēļas kopsavilkumā)"),
        required=False,
    )


def _requested_target(request):
    data = request.POST if request.method == "POST" else request.GET
    for kind in KINDS:
        if kind in data:
            target = target_object(kind, data[kind])
            if target is not None:
                return kind, target
    raise Http404


@require_http_methods(["GET", "POST"])
def follow(request):
    """GET: the follow form (one button when signed in, an e-mail address otherwise).
    POST: follows at once when signed in; otherwise sends the confirmation e-mail."""
    kind, target = _requested_target(request)
    user = request.user
    if request.method == "POST" and user.is_authenticated:
        return _follow_signed_in(request, kind, target)
    form = FollowForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if over_limit("follows", request, REQUEST_LIMIT, REQUEST_WINDOW):
            messages.error(request, _("Pārāk daudz pieprasījumu. Lūdzu, mēģiniet vēlāk."))
            return _form_page(request, kind, target, form, status=429)
        if form.is_valid():
            _send_confirmation(request, kind, target, form.cleaned_data)
            return render(request, "portal/follows/sent.html", {"target": target})
    status = 400 if form.is_bound else 200
    return _form_page(request, kind, target, form, status=status)


def _form_page(request, kind, target, form, status=200):
    context = {
        "kind": kind,
        "value": target_value(kind, target),
        "target": target,
        "form": form,
        "follow": following(request.user, kind, target),
    }
    return render(request, "portal/follows/follow.html", context, status=status)


def _follow_signed_in(request, kind, target):
    follower, _created = Follower.objects.get_or_create(
        user=request.user, defaults={"language": translation.get_language() or "lv"}
    )
    add_follow(follower, kind, target, request.POST.get("immediate_replies") == "on")
    messages.success(request, _("Jūs sekojat: %(name)s.") % {"name": target})
    return redirect(_back(request, target))


def _back(request, target):
    """Back to the page the button was on (a topic has no page of its own)."""
    if is_local_url(request, request.POST.get("next")):
        return request.POST["next"]
    return getattr(target, "url", None) or reverse("my_work")


def _send_confirmation(request, kind, target, data):
    """One confirmation per address a day; the answer does not tell whether one was sent."""
    email = data["email"].strip().lower()
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{email}".encode()).hexdigest()[:32]
    if not cache.add(f"follows:confirm:{digest}", 1, ADDRESS_WINDOW):
        return
    choice = {
        "e": email,
        "k": kind,
        "v": target_value(kind, target),
        "i": bool(data.get("immediate_replies")),
        "l": translation.get_language() or "lv",
    }
    token = signing.dumps(choice, salt=CONFIRM_SALT, compress=True)
    link = public_url(reverse("confirm_follow", args=[token]))
    body = render_to_string(
        "portal/follows/confirm_email.txt", {"target": target, "link": link, "days": CONFIRM_DAYS}
    )
    mail.send(_("Apstipriniet sekošanu: %(name)s") % {"name": target}, body, [email], request)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button (mail scanners open links); its POST stores the address and follow."""
    try:
        choice = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 24 * 60 * 60)
    except signing.BadSignature:
        return render(request, "portal/follows/expired.html", status=400)
    kind = choice["k"] if choice.get("k") in KINDS else None
    target = target_object(kind, choice.get("v")) if kind else None
    if target is None:
        return render(request, "portal/follows/expired.html", status=400)
    if request.method == "GET":
        return render(request, "portal/follows/confirm.html", {"target": target})
    with transaction.atomic():
        follower, _created = Follower.objects.get_or_create(
            user=None, email=choice["e"], defaults={"language": choice.get("l", "lv")}
        )
        add_follow(follower, kind, target, choice.get("i", False))
    messages.success(request, _("Paldies! Jūs sekojat: %(name)s.") % {"name": target})
    return redirect(reverse("manage_follows", args=[follower_token(follower)]))


@require_POST
def unfollow(request, pk):
    """Signed in: stops one of the user's own follows."""
    if not request.user.is_authenticated:
        raise Http404
    follow = Follow.objects.filter(pk=pk, follower__user=request.user).first()
    if follow is None:
        raise Http404
    target = follow.target
    follow.delete()
    messages.success(request, _("Jūs vairs nesekojat: %(name)s.") % {"name": target})
    return redirect(
        request.POST.get("next") if is_local_url(request, request.POST.get("next")) else "my_work"
    )


@csrf_exempt  # RFC 8058: the mail provider POSTs the link from the header, without a form
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks to confirm; POST deletes the address and all its follows at once."""
    follower = _follower_or_none(token)
    if request.method == "GET" or follower is None:
        # Already gone (a second click) is not an error: the address is not kept either way.
        return render(request, "portal/follows/unsubscribe.html", {"follower": follower})
    follower.delete()
    return render(request, "portal/follows/unsubscribed.html")


def _follower_or_none(token):
    try:
        return follower_from_token(token)
    except Http404:
        return None


@require_http_methods(["GET", "POST"])
def manage(request, token):
    """The follows of the address the signed link belongs to; each can be stopped."""
    follower = follower_from_token(token)
    if request.method == "POST":
        follower.follows.filter(pk=request.POST.get("follow")).delete()
        messages.success(request, _("Sekošana pārtraukta."))
        return redirect(reverse("manage_follows", args=[token]))
    context = {
        "follower": follower,
        "follows": follows_of(follower),
        "unsubscribe_path": reverse("unsubscribe", args=[token]),
    }
    return render(request, "portal/follows/manage.html", context)


def follows_of(follower):
    return list(
        follower.follows.select_related("municipality", "topic", "post").order_by("created")
    )


def user_follows(user):
    """The signed-in user's follows for "Mans darbs" ([] when none)."""
    follower = Follower.objects.filter(user=user).first()
    return follows_of(follower) if follower else []


def notify_reply(sender, instance, created, **kwargs):
    """post_save of a Reply: an immediate notice to each confirmed follower who chose it."""
    if not created or instance.is_hidden:
        return
    follows = Follow.objects.filter(post_id=instance.post_id, immediate_replies=True)
    for follow in follows.select_related("follower__user"):
        follower = follow.follower
        if follower.user_id and follower.user_id == instance.author_id:
            continue
        if not follower.address:
            continue
        with translation.override(follower.language):
            post = instance.post
            body = render_to_string(
                "portal/follows/reply_email.txt",
                {
                    "post": post,
                    "reply": instance,
                    "post_url": public_url(post.url or ""),
                    "manage_url": manage_url(follower),
                    "unsubscribe_url": unsubscribe_url(follower),
                },
            )
            subject = _("Jauna atbilde: %(title)s") % {"title": post.title}
            send_to_follower(follower, subject, body)
