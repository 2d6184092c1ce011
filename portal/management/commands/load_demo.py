from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.demo import build_site, ensure_demo_admin

# Apps add their demo content in this order (knowledge before network before search).
DEMO_APPS = ["knowledge", "network", "search"]


class Command(BaseCommand):
    help = "Builds the site tree and the demo content from the seminar document; idempotent."

    def handle(self, *args, **options):
        log = self.stdout.write
        site = build_site(log)
        for app_label in DEMO_APPS:
            if not apps.is_installed(app_label):
                continue
            try:
                demo = import_module(f"{app_label}.demo")
            except ModuleNotFoundError:
                continue
            with transaction.atomic():
                demo.load(site, log)
        ensure_demo_admin(log)
        log(self.style.SUCCESS("Demo content is ready (marked as demo)."))
