"""Sends the weekly digests to followers (run weekly from cron, see README, Deploy)."""

from django.core.management.base import BaseCommand

from portal.digests import send_digests


class Command(BaseCommand):
    help = "Nosūta nedēļas kopsavilkumus sekotājiem, kuriem ir jaunumi."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_digests()} digests sent")
