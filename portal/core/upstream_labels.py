"""Labels Wagtail builds from field names ("Page", "Port", "Site name"), in English in any
language: given the translated names its own catalogues already hold (issue 21)."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

SITE_COLUMNS = ("port", "site_name", "root_page")


def install():
    """Called once from PortalConfig.ready."""
    from wagtail.models import Site
    from wagtail.sites.views import IndexView as SiteIndexView
    from wagtail.users.forms import PagePermissionsForm

    # The group editor's page chooser has no label, so Django shows the field's name.
    PagePermissionsForm.base_fields["page"].label = _("Page")
    # The Sites list names these columns after the fields, not their verbose names.
    for column in SiteIndexView.columns:
        if column.name in SITE_COLUMNS:
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)
