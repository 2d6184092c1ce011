from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.models import AbstractPage
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.roles import is_editor, is_mediator

from . import report_admin
from .evaluation_admin import EditorsOnlyPermissionPolicy, EvaluationSurveyViewSet
from .models import (
    ChangeRequest,
    EvaluationSurvey,
    ExperiencePostPage,
    Location,
    MediatorProfilePage,
    Organization,
    Service,
)


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    list_display = ["name", "alternate_name", BooleanColumn("is_demo"), "last_modified"]
    list_filter = ["is_demo"]
    search_backend_name = None  # plain ORM search: predictable on SQLite and PostgreSQL
    search_fields = ["name", "alternate_name", "description"]
    ordering = ["name"]


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "site"
    list_display = ["name", "organization", "status", "assured_date", "last_modified"]
    list_filter = ["status", "topics", "service_areas", "is_demo"]
    search_backend_name = None  # plain ORM search: predictable on SQLite and PostgreSQL
    search_fields = ["name", "alternate_name", "description"]
    ordering = ["name"]


class LocationViewSet(SnippetViewSet):
    model = Location
    icon = "home"
    list_display = ["name", "address_1", "city", "organization"]
    list_filter = ["city", "is_demo"]
    search_backend_name = None  # plain ORM search: predictable on SQLite and PostgreSQL
    search_fields = ["name", "address_1", "city"]
    ordering = ["name"]


class ChangeRequestPermissionPolicy(ModelPermissionPolicy):
    """Suggestions come only from the public form; editors review them, never create them."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


register_permission_policy(ChangeRequest, ChangeRequestPermissionPolicy(ChangeRequest))


class ChangeRequestViewSet(SnippetViewSet):
    """Editors read suggestions here and record what they did; the service is edited apart."""

    model = ChangeRequest
    icon = "comment"
    list_display = ["service", "subject", "status", "created"]
    list_filter = ["status", "subject"]
    search_backend_name = None  # plain ORM search: predictable on SQLite and PostgreSQL
    search_fields = ["message"]
    ordering = ["-created"]
    inspect_view_enabled = True
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("service", read_only=True),
                FieldPanel("subject", read_only=True),
                FieldPanel("message", read_only=True),
                FieldPanel("contact_email", read_only=True),
            ],
            heading=_("Ierosinājums"),
        ),
        FieldPanel("status"),
        FieldPanel("editor_note"),
    ]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Pakalpojumu katalogs")
    menu_icon = "list-ul"
    menu_order = 210
    items = (ServiceViewSet, OrganizationViewSet, LocationViewSet, ChangeRequestViewSet)


register_snippet(DirectoryGroup)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("atskaites/", report_admin.dashboard, name="network_reports"),
        path("atskaites/atskaites.csv", report_admin.download_csv, name="network_reports_csv"),
        path("atskaites/atskaites.xlsx", report_admin.download_xlsx, name="network_reports_xlsx"),
        path("atskaites/<int:pk>/", report_admin.report_detail, name="network_report_detail"),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        _("Mēneša atskaites"), reverse("network_reports"), icon_name="table", order=220
    )


# The evaluation questionnaire: surveys with their invitations and results, editors only.
register_permission_policy(EvaluationSurvey, EditorsOnlyPermissionPolicy(EvaluationSurvey))
register_snippet(EvaluationSurveyViewSet)


# --- What mediators see in the admin: their own pages, not colleagues' drafts ---


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
