from django.core.management.base import BaseCommand

from network.directory.hsds_export import export_package


class Command(BaseCommand):
    help = "Writes the service directory as an HSDS 3 tabular datapackage (CSV + datapackage.json)."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Folder to write into (created if missing).")

    def handle(self, *args, directory, **options):
        counts = export_package(directory)
        summary = ", ".join(f"{name} {count}" for name, count in counts.items() if count)
        self.stdout.write(self.style.SUCCESS(f"HSDS exported to {directory}: {summary}"))
