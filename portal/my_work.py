"""“Mans darbs”: one page where a signed-in mediator finds their own work: the profile, their
experience posts with their moderation status and replies, their monthly reports and the
directory contacts they answer for that are due for verification. Only the user's own items."""

from django.contrib.auth.views import redirect_to_login
from django.db.models import F
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from network.mediators.models import MediatorProfilePage
from network.mediators.verification import services_answered_by
from network.posts.models import ExperiencePostPage, Reply
from portal.core.two_factor import code_first
from portal.follows import user_follows

REPLIES_PER_POST = 3

POST_STATES = {
    "draft": _("melnraksts"),
    "moderation": _("gaida moderāciju"),
    "changes": _("moderators lūdz labot"),
    "published": _("publicēts"),
}


@code_first
def my_work(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = request.user
    profile = MediatorProfilePage.objects.filter(user=user).select_related("municipality").first()
    context = {
        "profile": profile,
        "profile_state": _profile_state(profile) if profile else None,
        "profile_edit_url": reverse("network:edit_profile", args=[profile.pk]) if profile else None,
        "posts": _own_posts(user),
        "reports": profile.monthly_reports.order_by("-month") if profile else [],
        "due_services": _due_services(user),
        "follows": user_follows(user),
    }
    return render(request, "portal/my_work.html", context)


def _profile_state(profile):
    if _workflow_states([profile]).get(str(profile.pk)) == WorkflowState.STATUS_IN_PROGRESS:
        return POST_STATES["moderation"]
    return POST_STATES["published"] if profile.live else POST_STATES["draft"]


def _workflow_states(pages):
    """{page id as text: status} of the pages' active moderation workflows."""
    if not pages:
        return {}
    states = WorkflowState.objects.active().filter(
        base_content_type=pages[0].get_base_content_type(),
        object_id__in=[str(page.pk) for page in pages],
    )
    return dict(states.values_list("object_id", "status"))


def _post_state(post, workflow_status):
    if workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        return "moderation"
    if workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return "changes"
    return "published" if post.live else "draft"


def _own_posts(user):
    """The user's posts, newest first, each with .state, .state_label, .url_to_open (the public
    page, or the preview of an unpublished one), .edit_url and its newest visible replies."""
    posts = list(
        ExperiencePostPage.objects.filter(owner=user).order_by("-latest_revision_created_at")
    )
    statuses = _workflow_states(posts)
    replies = {}
    visible = Reply.objects.filter(post__in=posts, is_hidden=False).select_related("author")
    for reply in visible.order_by("-created_at"):
        replies.setdefault(reply.post_id, []).append(reply)
    for post in posts:
        post.state = _post_state(post, statuses.get(str(post.pk)))
        post.state_label = POST_STATES[post.state]
        post.reply_count = len(replies.get(post.pk, []))
        post.recent_replies = replies.get(post.pk, [])[:REPLIES_PER_POST]
        # The public edit form serves live posts only; a draft is shown as its author wrote it.
        post.edit_url = post.url + "labot/" if post.live else None
        post.url_to_open = (
            post.url if post.live else reverse("network:post_preview", args=[post.pk])
        )
    return posts


def _due_services(user):
    """The contacts this user answers for that are stale or turn stale within a month."""
    today = timezone.localdate()
    answered = services_answered_by(user).select_related("organization")
    due = list(
        (answered.stale(today) | answered.soon_stale(today)).order_by(
            F("assured_date").asc(nulls_first=True)
        )
    )
    for service in due:
        service.state = service.verification_state(today)
    return due
