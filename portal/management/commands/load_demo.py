import re
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.core.bulk_saves import deferred_indexing
from portal.core.demo_data import DemoRefs, ensure_accounts, load_rows, portal_demo_data
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
        for part, function in (("base", "load_base"), ("content", "load")):
            for name in portal_demo_data()[part]:
                if not apps.is_installed(re.split("[./]", name)[0]):
                    continue
                with transaction.atomic():
                    if name.endswith(".yaml"):
                        load_rows(settings.BASE_DIR / name, DemoRefs(site), log)
                    else:
                        getattr(import_module(name), function)(site, log)
        with transaction.atomic():
            link_apps_content(site, log)
        with transaction.atomic():  # the pages partners read first, in English (data/**/en/*.po)
            load_demo_translations(site.root_page, "en", log)
        # The demo admin, made last; its password is printed once, when it is created.
        ensure_accounts(DATA.parent / "accounts.yaml", "portal", log)
