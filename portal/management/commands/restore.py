from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restores the database and the media files from a backup archive, replacing both. "
        "Rebuild the search index afterwards: manage.py search_index --rebuild."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A portal-backup-*.tar.gz written by `backup`.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, **options):
        if not options["yes"]:
            answer = input("This replaces the database and all media files. Type 'yes': ")
            if answer.strip() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = restore_backup(options["archive"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']} "
                f"({len(manifest['media'])} media files). "
                "Now run: manage.py search_index --rebuild"
            )
        )
