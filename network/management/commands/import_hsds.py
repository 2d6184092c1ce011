from django.core.management.base import BaseCommand, CommandError

from network.directory.hsds_import import ImportRejected, import_package


class Command(BaseCommand):
    help = (
        "Imports an HSDS 3.0 tabular datapackage (this portal's export or another publisher's). "
        "Every row is validated first; any bad row rejects the whole package and nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Folder with datapackage.json and the CSV files.")
        parser.add_argument("--dry-run", action="store_true", help="Only validate; write nothing.")

    def handle(self, *args, directory, dry_run=False, **options):
        try:
            counts, warnings = import_package(directory, dry_run=dry_run)
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(error)
            raise CommandError(
                f"Import rejected: {len(rejected.errors)} errors; nothing was changed."
            ) from None
        for warning in warnings:
            self.stdout.write(self.style.WARNING(warning))
        summary = ", ".join(f"{name} {count}" for name, count in counts.items())
        verb = "Valid (dry run, nothing written)" if dry_run else "Imported"
        left_out = f"; {len(warnings)} warnings (left out)" if warnings else ""
        self.stdout.write(self.style.SUCCESS(f"{verb}: {summary or 'nothing'}{left_out}"))
