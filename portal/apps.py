from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portāls")

    def ready(self):
        # Imported once the app registry is ready: these modules import models.
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.models import Locale

        from .core import languages, pages, process_tables, sites, upstream_labels
        from .core.cache import connect_signals
        from .core.permission_names import name_permissions_in_latvian, name_unnamed_models
        from .core.validators import validate_single_line

        # Every CharField in the admin's forms (page titles, snippets, their inline rows) is one
        # line; none is edited in a textarea. Public forms use validators.SingleLineFieldsMixin.
        register_form_field_override(
            models.CharField, override={"validators": [validate_single_line]}
        )

        languages.install()
        pages.install()
        upstream_labels.install()
        sites.install()
        name_unnamed_models()
        connect_signals()
        forget = process_tables.forget
        post_save.connect(forget, sender=Locale, dispatch_uid="portal-forget-locales")
        post_delete.connect(forget, sender=Locale, dispatch_uid="portal-forget-locales")
        # A flushed or migrated database may number its locales and content types anew.
        post_migrate.connect(forget, dispatch_uid="portal-forget-process-tables")
        post_migrate.connect(after_migrate, sender=self)
        connect_follows()
        post_migrate.connect(name_permissions_in_latvian, dispatch_uid="portal-permission-names")


def connect_follows():
    """An immediate notice to the followers of a post who chose it, when a reply is published."""
    from network.posts.models import Reply

    from .follows import notify_reply

    post_save.connect(notify_reply, sender=Reply, dispatch_uid="portal-follows-reply")


def after_migrate(using="default", **kwargs):
    """`migrate` also creates the database cache tables (so an upgrade can't forget them),
    gives the Site record the host and port of PUBLIC_BASE_URL, and refreshes PostgreSQL's
    statistics: tables still empty are never analysed automatically, and their default
    estimates make it scan the page tree once per row."""
    from django.db import connections

    from .core.cache import create_cache_tables  # apps.py loads before models can be imported
    from .core.public_url import keep_site_in_step

    create_cache_tables(using)
    keep_site_in_step(using)
    if connections[using].vendor == "postgresql":
        with connections[using].cursor() as cursor:
            cursor.execute("ANALYZE")
