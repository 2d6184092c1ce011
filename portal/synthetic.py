"""A synthetic corpus at national scale, for the page benchmark and query-count tests (issue 10).

Everything made here is marked: page slugs start with `synth-` and titles, names and usernames
carry "[sintētisks]" / `synth-`; e-mails are example.org and phone numbers start with "+371 0",
which no Latvian number does. `remove_corpus()` deletes exactly that, and nothing else.

Pages are bulk-inserted with their treebeard paths computed here: add_child per page is far too
slow at 25,000 pages. No signals fire either way, so nothing reaches the search index until
`manage.py search_index --rebuild`. The app-specific parts live in knowledge/synthetic.py and
network/synthetic.py.
"""

import io
import json
import random
import sys
import time
import uuid
from collections import defaultdict
from contextlib import contextmanager
from itertools import islice

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models, transaction
from django.db.models.signals import post_delete, pre_delete
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, ReferenceIndex

SLUG_PREFIX = "synth-"
MARK = "[sintētisks]"
USERNAME_PREFIX = "synth-mediator-"
BATCH = 1000
# Latvia's municipalities since the 2021 reform (7 state cities and 36 municipalities).
MAX_MUNICIPALITIES = 43


class CorpusExists(Exception):
    """generate_corpus refuses to run twice: remove the existing corpus first."""


def marked(text):
    return f"{text} {MARK}"


def generate_corpus(
    *,
    municipalities=43,
    articles=5000,
    services=20000,
    mediators=300,
    posts=20000,
    replies_per_post=2,
    seed=1,
    progress=True,
) -> dict[str, int]:
    """Create the corpus below the demo's index pages; returns what was created, by kind.

    `articles` counts articles and guides together (one in ten is a guide with five steps).
    Loads the demo first when it is missing. Raises CorpusExists when a corpus is present.
    """
    from knowledge import synthetic as knowledge_synthetic
    from network import synthetic as network_synthetic

    counts_asked = [municipalities, articles, services, mediators, posts, replies_per_post]
    if min(counts_asked) < 0:
        raise ValueError("Counts cannot be negative.")
    if municipalities > MAX_MUNICIPALITIES:
        raise ValueError(f"Latvia has {MAX_MUNICIPALITIES} municipalities; asked for more.")
    if municipalities == 0 and (services or mediators or posts):
        raise ValueError("Services, mediators and posts need at least one municipality.")
    if mediators == 0 and posts:
        raise ValueError("Experience posts need at least one mediator to write them.")
    present = existing_counts()
    if any(present.values()):
        raise CorpusExists(
            "A synthetic corpus is already present "
            f"({present['pages']} pages, {present['services']} services). "
            "Remove it first: manage.py generate_corpus --remove"
        )
    log = print_progress if progress else (lambda message: None)
    indexes = demo_index_pages(log)
    rng = random.Random(seed)  # noqa: S311 - reproducible content, not security
    counts = {}
    with transaction.atomic():
        started = time.monotonic()
        places = network_synthetic.create_municipalities(indexes["municipalities"], municipalities)
        counts["municipalities"] = len(places)
        log(f"  {len(places)} municipalities ({time.monotonic() - started:.1f} s)")
        counts.update(
            knowledge_synthetic.create_knowledge(indexes["knowledge"], places, articles, rng, log)
        )
        counts.update(network_synthetic.create_directory(places, services, rng, log))
        counts.update(
            network_synthetic.create_people(
                indexes["mediators"],
                indexes["experience"],
                places,
                mediators,
                posts,
                replies_per_post,
                rng,
                log,
            )
        )
    forget_caches()
    refresh_planner_statistics()
    return counts


def remove_corpus() -> dict[str, int]:
    """Delete every synthetic page, directory record, tag and account; returns rows deleted.

    Deletion signals are muted: the search sync would queue one index update per row, and
    Wagtail would unpublish each page first. Rebuild the search index afterwards.
    """
    from network import synthetic as network_synthetic

    deleted = defaultdict(int)
    with transaction.atomic(), signals_muted(pre_delete, post_delete):
        pages = synthetic_pages()
        refuse_orphans(pages)
        parents = set()
        for depth in sorted(set(pages.values_list("depth", flat=True)), reverse=True):
            rows = list(pages.filter(depth=depth).values_list("pk", "path"))
            parents.update(path[: -Page.steplen] for _pk, path in rows)
            for chunk in batched([pk for pk, _path in rows], BATCH):
                forget_references(Page, chunk)
                add_counts(deleted, models.QuerySet(Page).filter(pk__in=chunk).delete())
        fix_numchild(parents)
        for queryset in network_synthetic.synthetic_records():
            for chunk in batched(queryset.values_list("pk", flat=True), BATCH):
                forget_references(queryset.model, chunk)
                add_counts(deleted, queryset.model.objects.filter(pk__in=chunk).delete())
        add_counts(deleted, Tag.objects.filter(slug__startswith=SLUG_PREFIX).delete())
        add_counts(deleted, synthetic_users().delete())
    forget_caches()
    refresh_planner_statistics()
    return dict(deleted)


def existing_counts():
    from network import synthetic as network_synthetic

    return {
        "pages": synthetic_pages().count(),
        "services": network_synthetic.synthetic_services().count(),
    }


def synthetic_pages():
    return Page.objects.filter(slug__startswith=SLUG_PREFIX, title__endswith=MARK)


def synthetic_users():
    return get_user_model().objects.filter(username__startswith=USERNAME_PREFIX)


def print_progress(message):
    print(message, file=sys.stdout, flush=True)


def demo_index_pages(log):
    """The demo's index pages the corpus goes under; loads the demo when they are missing."""
    from knowledge.models import KnowledgeIndexPage
    from network.directory.models import MunicipalityIndexPage
    from network.mediators.models import MediatorIndexPage
    from network.posts.models import ExperienceIndexPage

    models_by_role = {
        "knowledge": KnowledgeIndexPage,
        "municipalities": MunicipalityIndexPage,
        "mediators": MediatorIndexPage,
        "experience": ExperienceIndexPage,
    }

    def find():
        return {
            role: model.objects.live().filter(locale__language_code="lv").order_by("path").first()
            for role, model in models_by_role.items()
        }

    indexes = find()
    if None in indexes.values():
        log("The demo site is missing: loading it first (manage.py load_demo).")
        call_command("load_demo", stdout=sys.stdout if log is print_progress else io.StringIO())
        indexes = find()
    return indexes


def add_children(families):
    """Insert unsaved specific pages as live last children: `families` is [(parent, [pages])].

    Sets what treebeard's add_child and Wagtail's publish would (path, depth, url_path, locale,
    draft title, live), writes the `Page` rows with bulk_create and each model's own table in
    batches, then the parents' numchild. Parents may be pages created by an earlier call.
    """
    now = timezone.now()
    by_model = defaultdict(list)
    for parent, pages in families:
        if not pages:
            continue
        last = parent.get_last_child() if parent.numchild else None
        step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        for page in pages:
            step += 1
            page.path = Page._get_path(parent.path, parent.depth + 1, step)
            page.depth = parent.depth + 1
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale_id = parent.locale_id
            page.draft_title = page.title
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.first_published_at or now
            page.last_published_at = page.first_published_at
            by_model[type(page)].append(page)
        parent.numchild += len(pages)
    for model, pages in by_model.items():
        insert_pages(model, pages)
    for parent, pages in families:
        if pages:
            Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild)


def insert_pages(model, pages):
    base_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    own_fields = model._meta.local_concrete_fields
    for chunk in batched(pages, BATCH):
        rows = [
            Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in chunk
        ]
        Page.objects.bulk_create(rows)
        for page, row in zip(chunk, rows, strict=True):
            page.id = page.page_ptr_id = row.pk
        # bulk_create refuses multi-table models; _insert is what Model.save uses per table.
        model._base_manager._insert(list(chunk), fields=own_fields)


def link_many(model, field_name, pairs):
    """Bulk-insert rows of a (parental) many-to-many field: pairs of (own pk, other pk)."""
    field = model._meta.get_field(field_name)
    through = field.remote_field.through
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    through.objects.bulk_create(
        [through(**{source: a, target: b}) for a, b in pairs], batch_size=BATCH
    )
    return len(pairs)


def stream(*blocks):
    """StreamField raw data from (type, value) pairs, with the ids Wagtail gives blocks."""
    return json.dumps(
        [{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks]
    )


def list_block(items):
    return [{"type": "item", "value": item, "id": str(uuid.uuid4())} for item in items]


def past_moments(rng, count, years=5):
    """`count` distinct publication times over the past years, newest first."""
    now = timezone.now()
    span = years * 365 * 24 * 60
    minutes = sorted(rng.sample(range(60, span), count))
    return [now - timezone.timedelta(minutes=m) for m in minutes]


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


def batched(items, size):
    """itertools.batched (Python 3.12) for 3.11."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def add_counts(totals, result):
    for label, count in result[1].items():
        totals[label] += count


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
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def forget_caches():
    """Bulk inserts and muted deletes send no signals: clear what the signals would have."""
    from portal.core.cache import page_cache
    from search import fallback

    fallback.forget_documents()  # the database search fallback's per-process documents
    page_cache().clear()  # whole anonymous pages, which now miss or list too much
