"""The directory in the admin: organisations, services, locations and suggested changes, one
menu group."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from network.directory.models import ChangeRequest, Location, Organization, Service
from network.directory.stale_report import StaleServicesReportView
from portal.core.roles import is_editor

# The edit view's "Dati pārbaudīti" button (an action menu item) posts this name.
VERIFY_ACTION = "action-verify"
STALE_REPORT_PATH = "reports/novecojusi-kontakti/"


# "jā" for demo rows: Wagtail's BooleanColumn titles its icons "True"/"False" in English.
DEMO_COLUMN = Column(
    "is_demo", label=_("demo dati"), accessor=lambda record: _("jā") if record.is_demo else ""
)


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    list_display = ["name", "alternate_name", DEMO_COLUMN, "last_modified"]
    list_filter = ["is_demo"]
    search_backend_name = None  # plain ORM search: predictable on SQLite and PostgreSQL
    search_fields = ["name", "alternate_name", "description"]
    ordering = ["name"]


class VerifyMenuItem(ActionMenuItem):
    """Saves the service and records today's verification by the editor."""

    name = VERIFY_ACTION
    label = _("Saglabāt: dati pārbaudīti")
    icon_name = "tick"

    def is_shown(self, context):
        return context["view"] == "edit" and super().is_shown(context)


@hooks.register("register_snippet_action_menu_item")
def register_verify_menu_item(model):
    return VerifyMenuItem(order=5) if model is Service else None


class ServiceEditView(EditView):
    def save_instance(self):
        if self.request.POST.get(VERIFY_ACTION):
            self.form.instance.assured_date = timezone.localdate()
            self.form.instance.assurer = self.request.user
        return super().save_instance()


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "site"
    edit_view_class = ServiceEditView
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


class ChangeRequestEditView(EditView):
    def save_instance(self):
        """An accepted suggestion means an editor has checked the service: a verification."""
        accepted = ChangeRequest.Status.ACCEPTED
        was_accepted = ChangeRequest.objects.filter(pk=self.object.pk, status=accepted).exists()
        instance = super().save_instance()
        if instance.status == accepted and not was_accepted:
            instance.service.mark_verified(self.request.user)
        return instance


class ChangeRequestViewSet(SnippetViewSet):
    """Editors read suggestions here and record what they did; the service is edited apart.
    Accepting one counts as a verification of the service."""

    model = ChangeRequest
    edit_view_class = ChangeRequestEditView
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
def register_stale_report_urls():
    report = StaleServicesReportView
    return [
        path(STALE_REPORT_PATH, report.as_view(), name="network_stale_services"),
        path(
            f"{STALE_REPORT_PATH}results/",
            report.as_view(results_only=True),
            name="network_stale_services_results",
        ),
    ]


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_reports_menu_item")
def register_stale_report_menu_item():
    return EditorsMenuItem(
        _("Novecojuši kontakti"),
        reverse("network_stale_services"),
        name="network-stale-services",
        icon_name="warning",
        order=1170,
    )
