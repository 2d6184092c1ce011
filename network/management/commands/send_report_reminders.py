"""E-mails mediators who have not submitted this month's report, near the month's end.

Run daily (cron); it acts only in the last `--days` days of the month and sends each mediator
at most one reminder per month (ReportReminder records it), so running it again sends nothing.
"""

import calendar
import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from network.mediators.models import MediatorProfilePage
from network.reports.models import MonthlyReport, ReportReminder
from portal.core import mail


class Command(BaseCommand):
    help = "Atgādina mediatoriem iesniegt mēneša atskaiti (mēneša pēdējās dienās)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=5, help="pēdējās N mēneša dienas")
        parser.add_argument("--today", type=datetime.date.fromisoformat, help="GGGG-MM-DD")

    def handle(self, *args, days, today=None, **options):
        today = today or timezone.localdate()
        last_day = calendar.monthrange(today.year, today.month)[1]
        if today.day <= last_day - days:
            self.stdout.write(f"{today}: not within the last {days} days of the month")
            return
        month = today.replace(day=1)
        submitted = MonthlyReport.objects.submitted().filter(month=month).values("profile")
        reminded = ReportReminder.objects.filter(month=month).values("profile")
        profiles = (
            MediatorProfilePage.objects.live()
            .filter(user__isnull=False, user__is_active=True)
            .exclude(user__email="")
            .exclude(pk__in=submitted)
            .exclude(pk__in=reminded)
            .select_related("user")
        )
        base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        sent = 0
        for profile in profiles:
            try:
                with transaction.atomic():
                    # Recorded first: a parallel run gets an IntegrityError and sends nothing.
                    # The message is queued in the same transaction and sent after its commit.
                    ReportReminder.objects.create(profile=profile, month=month)
                    with override("lv"):
                        mail.send(
                            _("Atgādinājums: mēneša atskaite par %(month)s")
                            % {"month": f"{month:%Y-%m}"},
                            _(
                                "Labdien! Līdz mēneša beigām lūdzam iesniegt atskaiti par "
                                "%(month)s: %(url)s\nAtskaitē tikai skaitļi un kopsavilkums, "
                                "bez klientu personas datiem."
                            )
                            % {
                                "month": f"{month:%Y-%m}",
                                "url": base_url + reverse("network:report_list"),
                            },
                            [profile.user.email],
                        )
            except IntegrityError:
                continue
            sent += 1
        self.stdout.write(f"{month:%Y-%m}: {sent} reminder(s) sent")
