"""Public views of the experience exchange: write and edit a post, reply, hide a reply.

Posts never publish from here: each save is a revision sent to the moderation workflow.
Every write goes through a one-time form token (a form sent twice writes once), and an edit
made from a tab opened on an older revision is a conflict (409, both texts shown).
"""

import secrets

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import WorkflowState

from network.posts.forms import post_form_class, reply_form_class
from network.posts.prompts import USER_TEXT_FIELDS
from portal.core import mail
from portal.core.edit_conflicts import conflict_message, is_stale, kept_version, show_saved
from portal.core.form_tokens import submit_once
from portal.core.params import BadParameter
from portal.core.roles import is_mediator, is_member, is_moderator


def _login(request):
    return redirect_to_login(request.get_full_path())


def _unique_slug(title):
    return f"{slugify(title)[:50] or 'stasts'}-{secrets.token_hex(3)}"


def submit_for_moderation(post, user):
    """Saves a revision and (re)starts the workflow; the page stays unpublished until approved."""
    revision = post.save_revision(user=user)
    current = WorkflowState.objects.active().filter(
        base_content_type=post.get_base_content_type(), object_id=str(post.pk)
    )
    for state in current:
        state.cancel(user=user)
    workflow = post.get_workflow()
    if workflow is not None:
        workflow.start(post, user)
    return revision


def write_post(request, index_page, post_model):
    if not request.user.is_authenticated:
        return _login(request)
    if not is_mediator(request.user):
        raise PermissionDenied
    form_class = post_form_class(post_model)
    if request.method == "POST":
        return submit_once(request, lambda: _write(request, index_page, form_class))
    return _post_form(request, index_page, form_class(), creating=True)


def _write(request, index_page, form_class):
    form = form_class(request.POST)
    if not form.is_valid():
        return _post_form(request, index_page, form, creating=True, status=400)
    post = form.instance
    post.slug = _unique_slug(post.title)
    post.owner = request.user
    post.live = False
    post.author_profile = getattr(request.user, "mediator_profile", None)  # the reverse one-to-one
    post.topics.set(form.cleaned_data["topics"])
    index_page.add_child(instance=post)
    submit_for_moderation(post, request.user)
    messages.success(
        request, _("Paldies! Stāsts nosūtīts moderatoram; to publicēs pēc apstiprināšanas.")
    )
    return redirect(index_page.url)


def edit_post(request, post):
    if not request.user.is_authenticated:
        return _login(request)
    if request.user.pk != post.owner_id or not is_mediator(request.user):
        raise PermissionDenied
    if request.method == "POST":
        return submit_once(request, lambda: _edit(request, post))
    form = _edit_form(None, post)
    return _post_form(request, post, form, creating=False, version=post.latest_revision_id)


def _edit_form(data, post):
    latest = post.get_latest_revision_as_object()
    form_class = post_form_class(type(latest))
    return form_class(data, instance=latest, initial={"topics": list(latest.topics.all())})


def _edit(request, post):
    # Locked until commit: a parallel edit waits here, then finds the revision this one made.
    locked = type(post).objects.select_for_update()
    post.refresh_from_db(fields=["latest_revision"], from_queryset=locked)
    version = post.latest_revision_id
    form = _edit_form(request.POST, post)
    if is_stale(request, version):
        form.is_valid()  # its errors too, beside the saved text
        show_saved(form, post.get_latest_revision_as_object(), ["title", *USER_TEXT_FIELDS])
        return _post_form(request, post, form, False, status=409, version=version, conflict=True)
    if not form.is_valid():
        version = kept_version(request, version)
        return _post_form(request, post, form, creating=False, status=400, version=version)
    draft = form.instance
    draft.topics.set(form.cleaned_data["topics"])
    draft.sanitise()
    submit_for_moderation(draft, request.user)
    messages.success(request, _("Izmaiņas nosūtītas moderatoram."))
    return redirect(post.get_parent().url)


def _post_form(request, page, form, creating, status=200, version="", conflict=False):
    context = {
        "page": page,
        "form": form,
        "creating": creating,
        "version": version or "",
        "conflict": conflict_message() if conflict else "",
    }
    return render(request, "network/posts/post_form.html", context, status=status)


@require_POST
def add_reply(request, post):
    if not request.user.is_authenticated:
        return _login(request)
    if not is_member(request.user):
        raise PermissionDenied
    return submit_once(request, lambda: _reply(request, post))


def _reply(request, post):
    form = reply_form_class(post)(request.POST)
    if not form.is_valid():
        context = post.get_context(request)
        context["reply_form"] = form
        return render(request, post.get_template(request), context, status=400)
    reply = form.save(commit=False)
    reply.post = post
    reply.author = request.user
    reply.save()
    notify_author(request, post, reply)
    messages.success(request, _("Atbilde publicēta."))
    return redirect(f"{post.url}#atbilde-{reply.pk}")


def notify_author(request, post, reply):
    """E-mails the post's author about a reply by someone else (if the author has an e-mail)."""
    author = post.owner
    if author is None or not author.email or author.pk == reply.author_id:
        return
    mail.send(
        _("Jauna atbilde uz jūsu stāstu “%(title)s”") % {"title": post.title},
        _("%(name)s atbildēja uz jūsu stāstu. Lasiet: %(url)s")
        % {"name": reply.author_name(), "url": request.build_absolute_uri(post.url)},
        [author.email],
        request,
    )


@require_POST
def toggle_reply(request, post, reply_id):
    """Hides or shows a reply as the moderator's button says (`hidden` 1 or 0), not a flip: two
    moderators pressing "hide" on the same page leave it hidden."""
    if not request.user.is_authenticated:
        return _login(request)
    if not is_moderator(request.user):
        raise PermissionDenied
    reply = get_object_or_404(post.replies, pk=reply_id)
    wanted = request.POST.get("hidden")
    if wanted not in ("0", "1"):
        raise BadParameter(_("Nav norādīts, vai atbildi paslēpt vai rādīt."))
    hide = wanted == "1"
    if reply.is_hidden == hide:
        messages.info(
            request, _("Atbilde jau ir paslēpta.") if hide else _("Atbilde jau ir redzama.")
        )
    else:
        post.replies.filter(pk=reply.pk).update(
            is_hidden=hide, hidden_by=request.user if hide else None
        )
        messages.success(request, _("Atbilde paslēpta.") if hide else _("Atbilde atkal redzama."))
    return redirect(f"{post.url}#atbilde-{reply.pk}")
