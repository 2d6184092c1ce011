from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Meklēšana")

    def ready(self):
        from . import registry, signals

        registry.autodiscover()
        signals.connect()
