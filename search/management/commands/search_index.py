import gc
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import documents, indexing


class Command(BaseCommand):
    help = (
        "The Elasticsearch index: --rebuild (new index, bulk load, alias swap), "
        "--check (missing/extra/stale documents), --sync (fix what --check finds)."
    )

    def add_arguments(self, parser):
        actions = parser.add_mutually_exclusive_group(required=True)
        actions.add_argument("--rebuild", action="store_true", help="Build a new index and swap.")
        actions.add_argument("--check", action="store_true", help="Compare index and database.")
        actions.add_argument("--sync", action="store_true", help="Fix what --check reports.")
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress bar (for logs)."
        )

    def handle(self, *args, rebuild, check, sync, no_progress, **options):
        if not documents.is_configured():
            raise CommandError(
                "ELASTICSEARCH_URL is empty: search uses the database, there is no index."
            )
        try:
            if rebuild:
                self.rebuild(no_progress)
            elif check:
                report = indexing.check()
                self.print_report(report)
                if not report.ok:
                    sys.exit(1)
            else:
                report = indexing.sync()
                self.print_report(report, fixed=True)
        except indexing.ENGINE_ERRORS as error:
            raise CommandError(f"Elasticsearch at {documents.alias_name()}: {error}") from error

    def rebuild(self, no_progress):
        # This process ends with the rebuild: its start-up heap (Django, Wagtail, the
        # vocabulary) is no garbage, and each full collection walked it again while documents
        # were built, a quarter of their time. Frozen for good, as portal/wsgi.py does.
        gc.freeze()
        total = indexing.expected_count()
        with tqdm(
            total=total,
            unit="doc",
            desc="search index",
            file=self.stderr._out,
            disable=no_progress,
        ) as bar:
            name, count = indexing.rebuild(progress=bar.update)
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {count} documents into {name}; alias "
                f"{documents.alias_name()} now points at it."
            )
        )

    def print_report(self, report, fixed=False):
        for label, ids in (
            ("missing", report.missing),
            ("extra", report.extra),
            ("stale", report.stale),
        ):
            self.stdout.write(f"{label}: {len(ids)}")
            for doc_id in ids[:20]:
                self.stdout.write(f"  {doc_id}")
            if len(ids) > 20:
                self.stdout.write(f"  … and {len(ids) - 20} more")
        if report.ok:
            self.stdout.write(self.style.SUCCESS("The index matches the database."))
        elif fixed:
            self.stdout.write(self.style.SUCCESS("Fixed: the index now matches the database."))
        else:
            self.stdout.write(self.style.WARNING("Run search_index --sync to fix."))
