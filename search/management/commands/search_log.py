from django.core.management.base import BaseCommand

from search import searchlog


class Command(BaseCommand):
    help = "The search log: --purge deletes searches older than 12 months (run it daily)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--purge", action="store_true", required=True, help="Delete rows over 12 months old."
        )

    def handle(self, *args, **options):
        deleted = searchlog.purge()
        self.stdout.write(f"Deleted {deleted} searches older than 12 months.")
