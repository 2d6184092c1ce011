"""The directory in the admin: organisations, services, locations and suggested changes, one
menu group."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from network.directory.models import ChangeRequest, Location, Organization, Service


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
