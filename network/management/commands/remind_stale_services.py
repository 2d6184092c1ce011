"""E-mails the people responsible for directory entries a month before the entries turn stale
(12 months after the last verification), once per entry per verification cycle.

Run daily (cron); running it again the same day sends nothing.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from network.mediators.reminders import send_reminders


class Command(BaseCommand):
    help = "Atgādina atbildīgajiem pārbaudīt pakalpojumu kontaktus mēnesi pirms termiņa."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, help="GGGG-MM-DD")

    def handle(self, *args, today=None, **options):
        today = today or timezone.localdate()
        emails, services = send_reminders(today, settings.WAGTAILADMIN_BASE_URL)
        self.stdout.write(f"{today}: {emails} reminder e-mail(s) about {services} service(s)")
