"""The "Novecojuši kontakti" admin report (Reports menu): per municipality, how many public
services are stale, soon stale (within a month) and verified, with links to the stale ones.
Editors, moderators and administrators only."""

import datetime

from django.contrib.admin.utils import quote
from django.http import HttpResponseForbidden
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from network.directory.models import Service
from portal.core.roles import is_editor

STATES = ("stale", "soon_stale", "verified")


def municipality_rows(today):
    """One row per municipality with public services (and one for services without any),
    the most stale first: counts per state and the stale services themselves."""
    services = (
        Service.objects.public()
        .select_related("organization")
        .prefetch_related("service_areas")
        .order_by("assured_date", "name")
    )
    rows = {}
    for service in services:
        state = service.verification_state(today)
        for area in service.service_areas.all() or [None]:
            title = area.title if area else _("Bez pašvaldības")
            row = rows.setdefault(
                title, {"municipality": title, **dict.fromkeys(STATES, 0), "stale_services": []}
            )
            row[state] += 1
            if state == "stale":
                row["stale_services"].append(service)
    for row in rows.values():
        row["stale_names"] = "; ".join(str(service) for service in row["stale_services"])
    return sorted(
        rows.values(), key=lambda row: (-row["stale"], -row["soon_stale"], row["municipality"])
    )


class StaleServicesColumn(Column):
    """The row's stale services, each a link to its edit view in the admin."""

    cell_template_name = "network/directory/admin/stale_services_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["services"] = [
            (service, reverse("wagtailsnippets_network_service:edit", args=[quote(service.pk)]))
            for service in instance["stale_services"]
        ]
        return context


class StaleServicesReportView(ReportView):
    page_title = gettext_lazy("Novecojuši kontakti")
    header_icon = "warning"
    index_url_name = "network_stale_services"
    index_results_url_name = "network_stale_services_results"
    paginate_by = None
    columns = [
        Column("municipality", label=gettext_lazy("Pašvaldība")),
        NumberColumn("stale", label=gettext_lazy("Novecojuši")),
        NumberColumn("soon_stale", label=gettext_lazy("Novecos mēneša laikā")),
        NumberColumn("verified", label=gettext_lazy("Pārbaudīti")),
        StaleServicesColumn("stale_services", label=gettext_lazy("Novecojušie ieraksti")),
    ]
    list_export = ["municipality", "stale", "soon_stale", "verified", "stale_names"]
    export_headings = {
        "municipality": gettext_lazy("Pašvaldība"),
        "stale": gettext_lazy("Novecojuši"),
        "soon_stale": gettext_lazy("Novecos mēneša laikā"),
        "verified": gettext_lazy("Pārbaudīti"),
        "stale_names": gettext_lazy("Novecojušie ieraksti"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_editor(request.user):
            # A 403 (raising PermissionDenied would become Wagtail's redirect to the dashboard).
            return HttpResponseForbidden(
                _("Novecojušo kontaktu pārskats ir redaktoriem."),
                content_type="text/plain; charset=utf-8",
            )
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"novecojusi-kontakti-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        return municipality_rows(timezone.localdate())

    def get_filtered_queryset(self):
        return self.get_queryset()
