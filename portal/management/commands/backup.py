from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Backs up the database and the media files into one .tar.gz (see README, Deploy)."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default="var/backups", help="Where to write the archive.")

    def handle(self, *args, **options):
        try:
            archive = create_backup(options["dir"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written: {archive}"))
