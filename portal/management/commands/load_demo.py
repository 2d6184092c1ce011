from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.core.bulk_saves import deferred_indexing
from portal.demo import build_site, ensure_demo_admin, link_apps_content, translate_demo

# Each demo module may have `load_base` (shared things others link to: topics,
# municipalities) and `load` (its content); every load_base runs before any load, in this order.
DEMO_MODULES = [
    "knowledge.demo",
    "network.directory.demo",
    "network.mediators.demo",
    "network.reports.demo",
    "network.evaluation.demo",
    "search.demo",
]


class Command(BaseCommand):
    help = "Builds the site tree and the demo content from the seminar document; idempotent."

    def handle(self, *args, **options):
        with deferred_indexing():
            self.load(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo content is ready (marked as demo)."))

    def load(self, log):
        site = build_site(log)
        modules = [
            import_module(name) for name in DEMO_MODULES if apps.is_installed(name.split(".")[0])
        ]
        for phase in ("load_base", "load"):
            for demo in modules:
                if hasattr(demo, phase):
                    with transaction.atomic():
                        getattr(demo, phase)(site, log)
        with transaction.atomic():
            link_apps_content(site, log)
        with transaction.atomic():
            translate_demo(site, log)
        ensure_demo_admin(log)
