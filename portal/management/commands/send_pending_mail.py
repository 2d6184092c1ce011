"""Retries the e-mails that could not be sent (run from cron, see README, Deploy)."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from portal.core.mail import MAX_ATTEMPTS, deliver
from portal.models import OutgoingMail

# A message this young may still be on its way after its action's commit: left to that send.
GRACE = datetime.timedelta(minutes=5)


class Command(BaseCommand):
    help = "Nosūta e-pasta vēstules, kuras neizdevās nosūtīt (ne vairāk kā 5 mēģinājumi katrai)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=100, help="vēstuļu skaits vienā reizē")

    def handle(self, *args, limit, **options):
        pending = (
            OutgoingMail.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
            .filter(Q(attempts__gt=0) | Q(created__lt=timezone.now() - GRACE))
            .order_by("created")
        )
        sent = failed = 0
        with transaction.atomic():
            # Locked rows are skipped: two overlapping runs never send one message twice.
            for message in pending.select_for_update(skip_locked=True)[:limit]:
                if deliver(message):
                    sent += 1
                else:
                    failed += 1
        self.stdout.write(f"{sent} sent, {failed} not sent")
