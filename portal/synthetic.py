"""A synthetic corpus at national scale, for the page benchmark and query-count tests (issue 10).

generate_corpus() puts each app's part below the demo's index pages; remove_corpus() deletes
exactly what carries the corpus's marks (portal/core/synthetic.py explains them), and nothing
else. No signals fire either way, so nothing reaches the search index until
`manage.py search_index --rebuild`. The parts are recipes in each app's data/synthetic.yaml,
run by portal/core/demo_data.py's Recipe; data/synthetic.yaml lists them, with the sizes.
"""

import functools
import io
import random
import sys
import time
from collections import ChainMap, Counter
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, models, transaction
from django.db.models.signals import post_delete, pre_delete
from taggit.models import Tag
from wagtail.models import Page, ReferenceIndex

from network.directory.models import Service
from portal.core.cache import page_cache
from portal.core.demo_data import Recipe, read
from portal.core.synthetic import BATCH, MARK, SLUG_PREFIX, USERNAME_PREFIX, batched
from search import fallback
from taxonomy.models import Topic

SETTINGS = read(Path(__file__).resolve().parent / "data" / "synthetic.yaml")
MAX_MUNICIPALITIES = SETTINGS["sizes"]["municipalities"]


class CorpusExists(Exception):
    """generate_corpus refuses to run twice: remove the existing corpus first."""


def generate_corpus(*, seed=1, progress=True, **sizes) -> dict[str, int]:
    """Create the corpus below the demo's index pages; returns what was created, by kind.

    `sizes` are those of data/synthetic.yaml (its values are the defaults). Loads the demo
    first when it is missing. Raises CorpusExists when a corpus is present.
    """
    if unknown := set(sizes) - set(SETTINGS["sizes"]):
        raise TypeError(f"generate_corpus() got unexpected sizes {sorted(unknown)}")
    sizes = {**SETTINGS["sizes"], **sizes}
    check_sizes(sizes)
    refuse_second_corpus()
    out = sys.stdout if progress else io.StringIO()  # the progress lines, and load_demo's
    log = functools.partial(print, file=out, flush=True)
    indexes = demo_index_pages(log, out)
    rng = random.Random(seed)  # noqa: S311 - reproducible content, not security
    with transaction.atomic():
        counts = create_parts(indexes, sizes, rng, log)
    forget_caches()
    refresh_planner_statistics()
    return counts


def check_sizes(sizes):
    """ValueError for sizes the corpus cannot have."""
    if min(sizes.values()) < 0:
        raise ValueError("Counts cannot be negative.")
    if sizes["municipalities"] > MAX_MUNICIPALITIES:
        raise ValueError(f"Latvia has {MAX_MUNICIPALITIES} municipalities; asked for more.")
    if sizes["municipalities"] == 0 and (sizes["services"] or sizes["mediators"] or sizes["posts"]):
        raise ValueError("Services, mediators and posts need at least one municipality.")
    if sizes["mediators"] == 0 and sizes["posts"]:
        raise ValueError("Experience posts need at least one mediator to write them.")


def refuse_second_corpus():
    pages = synthetic_pages().count()
    services = Service.objects.filter(name__endswith=MARK).count()
    if pages or services:
        raise CorpusExists(
            f"A synthetic corpus is already present ({pages} pages, {services} services). "
            "Remove it first: manage.py generate_corpus --remove"
        )


def create_parts(indexes, sizes, rng, log):
    """Each app's parts in turn, all drawing from the one seeded rng (the order is the output)."""
    topics = list(Topic.objects.all())
    shared = {
        "sizes": sizes,
        "indexes": indexes,
        "topics": topics,
        "topic_by_slug": {topic.slug: topic for topic in topics},
        "mark": MARK,
        "prefix": SLUG_PREFIX,
        "username_prefix": USERNAME_PREFIX,
    }
    counts = {}
    for app_name, name in SETTINGS["parts"]:
        started = time.monotonic()
        words, app = synthetic_words(app_name), import_module(f"{app_name}.synthetic")
        part = words["parts"][name]
        refs = ChainMap(shared, words, app.context(sizes))  # rows go into shared
        made = Recipe(rng, refs).run(part["steps"])
        part_counts = {kind: made[kind] for kind in part["counts"]}
        log(f"{part['log'].format(**part_counts)} ({time.monotonic() - started:.1f} s)")
        counts.update(part_counts)
    return counts


@functools.cache
def synthetic_words(app_name):
    """An app's words and recipes (its data/synthetic.yaml), read once; callers only read them."""
    return read(Path(settings.BASE_DIR) / app_name / "data" / "synthetic.yaml")


def remove_corpus() -> dict[str, int]:
    """Delete every synthetic page, directory record, tag and account; returns rows deleted.

    Deletion signals are muted: the search sync would queue one index update per row, and
    Wagtail would unpublish each page first. Rebuild the search index afterwards.
    """
    deleted = Counter()  # rows by model label, added up from each delete()
    with transaction.atomic(), signals_muted(pre_delete, post_delete):
        pages = synthetic_pages()
        refuse_orphans(pages)
        parents = set()
        for depth in sorted(set(pages.values_list("depth", flat=True)), reverse=True):
            rows = list(pages.filter(depth=depth).values_list("pk", "path"))
            parents.update(path[: -Page.steplen] for _pk, path in rows)
            for chunk in batched([pk for pk, _path in rows], BATCH):
                forget_references(Page, chunk)
                deleted.update(models.QuerySet(Page).filter(pk__in=chunk).delete()[1])
        fix_numchild(parents)
        for label in SETTINGS["records"]:  # the directory's marked rows, in an order that can go
            queryset = apps.get_model(label).objects.filter(name__endswith=MARK)
            for chunk in batched(queryset.values_list("pk", flat=True), BATCH):
                forget_references(queryset.model, chunk)
                deleted.update(queryset.model.objects.filter(pk__in=chunk).delete()[1])
        deleted.update(Tag.objects.filter(slug__startswith=SLUG_PREFIX).delete()[1])
        users = get_user_model().objects.filter(username__startswith=USERNAME_PREFIX)
        deleted.update(users.delete()[1])
    forget_caches()
    refresh_planner_statistics()
    return dict(deleted)


def synthetic_pages():
    return Page.objects.filter(slug__startswith=SLUG_PREFIX, title__endswith=MARK)


def demo_index_pages(log, out):
    """The demo's index pages the corpus goes under; loads the demo first when one is missing."""
    live = {
        role: apps.get_model(label).objects.live().filter(locale__language_code="lv")
        for role, label in SETTINGS["indexes"].items()
    }
    if not all(pages.exists() for pages in live.values()):
        log("The demo site is missing: loading it first (manage.py load_demo).")
        call_command("load_demo", stdout=out)
    return {role: pages.order_by("path").first() for role, pages in live.items()}


def refuse_orphans(pages):
    """Deleting synthetic pages must not strand a real page someone put below one."""
    synthetic_paths = set(pages.values_list("path", flat=True))
    others = Page.objects.exclude(pk__in=pages.values("pk")).filter(depth__gt=2)
    stranded = [
        path
        for path in others.values_list("path", flat=True)
        if path[: -Page.steplen] in synthetic_paths
    ]
    if stranded:
        raise CorpusExists(
            f"{len(stranded)} non-synthetic pages sit below synthetic ones; move them first."
        )


def fix_numchild(paths):
    for path in paths - {""}:
        children = Page.objects.filter(path__startswith=path, depth=len(path) // Page.steplen + 1)
        Page.objects.filter(path=path).update(numchild=children.count())


def forget_references(model, pks):
    """What Wagtail's (muted) post_delete handler does: drop reference-index rows of these."""
    content_type = ReferenceIndex._get_base_content_type(model)
    ids = [str(pk) for pk in pks]
    ReferenceIndex.objects.filter(base_content_type=content_type, object_id__in=ids).delete()
    ReferenceIndex.objects.filter(to_content_type=content_type, to_object_id__in=ids).delete()


@contextmanager
def signals_muted(*signals):
    """No receivers for these signals inside the block (as factory_boy's mute_signals)."""
    saved = [(signal, signal.receivers) for signal in signals]
    for signal in signals:
        signal.receivers = []
        signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        for signal, receivers in saved:
            signal.receivers = receivers
            signal.sender_receivers_cache.clear()


def refresh_planner_statistics():
    """ANALYZE after a bulk load, as autovacuum would only later: without statistics PostgreSQL
    guesses ~130 rows for tables it never analysed (an empty wagtailcore_pageviewrestriction
    included) and answers every `.exclude(restricted())` with a scan of all pages per row."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def forget_caches():
    """Bulk inserts and muted deletes send no signals: clear what the signals would have."""
    fallback.forget_documents()  # the database search fallback's per-process documents
    page_cache().clear()  # whole anonymous pages, which now miss or list too much
