from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portāls")

    def ready(self):
        from wagtail.models import Locale

        from .cache import connect_signals, create_cache_tables
        from .pages import forget_locales

        connect_signals()
        post_save.connect(forget_locales, sender=Locale, dispatch_uid="portal-forget-locales")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="portal-forget-locales")
        # `migrate` also creates the database cache tables, so an upgrade can't forget them.
        post_migrate.connect(create_cache_tables, sender=self)
