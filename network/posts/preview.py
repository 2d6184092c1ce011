"""The author's own unpublished post (draft or waiting for the moderator) as its latest
revision reads, on a portal page instead of the admin's editor."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render

from network.posts.models import ExperiencePostPage
from portal.core.two_factor import code_first


@code_first
def preview_post(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    post = get_object_or_404(ExperiencePostPage, pk=pk, owner=request.user)
    if post.live:
        return redirect(post.url)
    latest = post.get_latest_revision_as_object()
    latest.sanitise()  # as a save would: the template prints the texts as markup
    return render(request, "network/posts/preview.html", {"page": latest})
