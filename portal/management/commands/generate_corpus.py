import os
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.synthetic import SETTINGS, CorpusExists, generate_corpus, remove_corpus


class Command(BaseCommand):
    help = (
        "Creates a synthetic corpus at national scale (marked “[sintētisks]”, slugs synth-) "
        "below the demo site, or removes it with --remove."
    )

    def add_arguments(self, parser):
        # --municipalities, --articles, …, --replies-per-post: the sizes of data/synthetic.yaml.
        for name, default in SETTINGS["sizes"].items():
            described = SETTINGS["help"].get(name)
            parser.add_argument(
                f"--{name.replace('_', '-')}",
                type=int,
                default=default,
                help=described and described.format(**SETTINGS["sizes"]),
            )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Multiplies articles, services, mediators and posts, e.g. 0.1 for a tenth.",
        )
        parser.add_argument(
            "--index", action="store_true", help="Rebuild the search index afterwards."
        )
        parser.add_argument("--remove", action="store_true", help="Delete the synthetic corpus.")

    def handle(self, *args, **options):
        started = time.monotonic()
        if options["remove"]:
            counts = remove_corpus()
            self.report("Removed", counts, started)
        else:
            if options["scale"] <= 0:
                raise CommandError("--scale must be positive.")
            sizes = {name: options[name] for name in SETTINGS["sizes"]}
            # At least one of each asked-for kind: posts need a mediator, even at a tiny scale.
            for name in SETTINGS["scaled"]:
                sizes[name] = max(1, round(sizes[name] * options["scale"])) if sizes[name] else 0
            try:
                counts = generate_corpus(
                    seed=options["seed"], progress=options["verbosity"] > 0, **sizes
                )
            except (CorpusExists, ValueError) as error:
                raise CommandError(str(error)) from error
            self.report("Created", counts, started)
        if options["index"]:
            index_started = time.monotonic()
            call_command("search_index", "--rebuild", "--no-progress", stdout=self.stdout)
            self.stdout.write(f"Search index rebuilt in {time.monotonic() - index_started:.1f} s")
        elif os.environ.get("ELASTICSEARCH_URL"):
            self.stdout.write(
                "Elasticsearch is configured: run manage.py search_index --rebuild "
                "(or pass --index) so search matches the database."
            )

    def report(self, verb, counts, started):
        listed = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"{verb} in {time.monotonic() - started:.1f} s: {listed or 'nothing'}")
