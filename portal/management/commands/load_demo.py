from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.core.bulk_saves import deferred_indexing
from portal.core.demo_data import ensure_accounts, portal_demo_data
from portal.core.demo_translations import load_demo_translations
from portal.demo import DATA, build_site, link_apps_content


class Command(BaseCommand):
    help = "Builds the site tree and the demo content from the seminar document; idempotent."

    def handle(self, *args, **options):
        with deferred_indexing():
            self.load(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo content is ready (marked as demo)."))

    def load(self, log):
        site = build_site(log)
        names = portal_demo_data()["modules"]
        modules = [import_module(name) for name in names if apps.is_installed(name.split(".")[0])]
        for phase in ("load_base", "load"):
            for demo in modules:
                if hasattr(demo, phase):
                    with transaction.atomic():
                        getattr(demo, phase)(site, log)
        with transaction.atomic():
            link_apps_content(site, log)
        with transaction.atomic():  # the pages partners read first, in English (data/**/en/*.po)
            load_demo_translations(site.root_page, "en", log)
        # The demo admin, made last; its password is printed once, when it is created.
        ensure_accounts(DATA.parent / "accounts.yaml", "portal", log)
