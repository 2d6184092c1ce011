"""What mediators see in the admin: their own pages, not colleagues' drafts."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail import hooks
from wagtail.models import AbstractPage
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from network.mediators.models import MediatorProfilePage
from network.posts.models import ExperiencePostPage
from portal.core.roles import is_editor, is_mediator


def sees_only_own_pages(user):
    """Mediators without an editorial role: Wagtail's "add" permission is all they have."""
    return is_mediator(user) and not is_editor(user)


class OwnPagesPermissionPolicy(PagePermissionPolicy):
    """Wagtail lets "add" permission explore a whole section, drafts included. Mediators explore
    only the way down to their sections and the pages they own: the admin's page search,
    explorer, sidebar and site-history report all ask this policy."""

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if not sees_only_own_pages(user):
            return pages
        way_down = set()
        for permission in self.get_cached_permissions_for_user(user):
            way_down.update(
                permission.page.get_ancestors(inclusive=True).values_list("pk", flat=True)
            )
        return pages.filter(Q(owner=user) | Q(pk__in=way_down))


register_permission_policy(AbstractPage, OwnPagesPermissionPolicy())


@hooks.register("construct_page_chooser_queryset")
def mediators_choose_published_or_own_pages(pages, request):
    """Mediators choose among published pages (colleagues' posts and profiles excluded: the
    author of a post is fixed) and their own pages, never others' drafts."""
    if not sees_only_own_pages(request.user):
        return pages
    people = list(
        ContentType.objects.get_for_models(ExperiencePostPage, MediatorProfilePage).values()
    )
    return pages.filter(Q(owner=request.user) | (Q(live=True) & ~Q(content_type__in=people)))
