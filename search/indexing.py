"""Writing to the index: single changes (from signals), rebuild, check and sync.

Nothing here may make an editor's save fail: a change the engine does not take is kept as a
PendingIndexUpdate and retried after the next successful change, or by `search_index --sync`.
"""

import logging
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import islice

import orjson
from django.apps import apps
from django.db import DatabaseError
from elasticsearch import ApiError, TransportError
from elasticsearch.helpers import BulkIndexError, scan, streaming_bulk

from . import documents
from .models import PendingIndexUpdate
from .registry import active_sources, source_for
from .sources import all_documents, documents_for, page_url

logger = logging.getLogger(__name__)

ENGINE_ERRORS = (ApiError, TransportError, BulkIndexError, ConnectionError, OSError)
# After a failure, don't try the engine again for this long: saves and searches stay fast.
PAUSE_AFTER_FAILURE = 30.0
RETRY_BATCH = 50
# Documents re-read per index update when a municipality or topic they refer to changes.
REFERRER_BATCH = 500
BULK_CHUNK = 500
SENDERS = 2
_down_until = 0.0


def engine_ready():
    """True when Elasticsearch is configured and has not failed in the last moments."""
    return documents.is_configured() and time.monotonic() >= _down_until


def mark_down(error):
    global _down_until
    _down_until = time.monotonic() + PAUSE_AFTER_FAILURE
    logger.warning("search: Elasticsearch unavailable (%s); using fallbacks for a while", error)


def mark_up():
    global _down_until
    _down_until = 0.0


# ---------------------------------------------------------------- single changes


def doc_id_for(model_label, object_id):
    return f"{model_label.lower()}:{object_id}"


def changes_for(model_label, object_ids):
    """(doc_id, model_label, object_id, document or None) for objects of one model: each
    object's own document first, then its passages, then deletions of passages it lost."""
    model = apps.get_model(model_label)
    source = source_for(model)
    if source is None:
        return []
    object_ids = list(dict.fromkeys(map(str, object_ids)))
    # One batched read: objects no longer public (or gone) come back without a document.
    found = documents_for(source, object_ids)
    changes = []
    for object_id in object_ids:
        doc_id = doc_id_for(model_label, object_id)
        changes.append((doc_id, model_label, object_id, found.pop(doc_id, None)))
    for doc_id, document in found.items():
        changes.append((doc_id, model_label, document["object_id"], document))
    if source.passages:
        own = {change[0] for change in changes}
        for doc_id, object_id in indexed_documents(model_label, object_ids):
            if doc_id not in own:
                changes.append((doc_id, model_label, object_id, None))
    return changes


def indexed_documents(model_label, object_ids):
    """(doc_id, object_id) of what the index holds for these objects (their passages too).

    Skipped while the engine is down: the change is then kept as pending and comes back here.
    A passage indexed less than a second ago is not searchable yet; `search_index --sync`
    removes one left behind by that."""
    if not engine_ready():
        return []
    query = {
        "bool": {
            "filter": [
                {"term": {"model": model_label.lower()}},
                {"terms": {"object_id": list(object_ids)}},
            ]
        }
    }
    try:
        hits = scan(
            documents.client(timeout=3),
            index=documents.alias_name(),
            query={"query": query, "_source": ["object_id"]},
            size=1000,
        )
        return [(hit["_id"], hit["_source"]["object_id"]) for hit in hits]
    except ENGINE_ERRORS as error:
        mark_down(error)
        return []


def apply_changes(model_label, object_ids):
    """Index (or remove) these objects' documents, then retry what failed before."""
    if not documents.is_configured():
        return
    changes = changes_for(model_label, object_ids)
    if send(changes) and engine_ready():
        retry_pending()


def referrers(model_label, object_id):
    """(source, object ids) of the documents that copy something of this object."""
    model = apps.get_model(model_label)
    for source in active_sources():
        ids = set()
        for lookup in source.reference_lookups(model):
            matching = source.queryset().filter(**{lookup: object_id})
            ids.update(map(str, matching.values_list("pk", flat=True)))
        if ids:
            yield source, sorted(ids)


def update_referrers(model_label, object_id):
    """Reindex, in batches, the documents that refer to a renamed municipality or topic."""
    if not documents.is_configured():
        return
    page_url.cache_clear()  # a municipality's new address is what directory entries link to
    for source, object_ids in referrers(model_label, object_id):
        for batch in chunks(object_ids, REFERRER_BATCH):
            apply_changes(source.model_label, batch)


def send(changes):
    """Send index/delete actions; failures are recorded as pending. True if all went in."""
    if not changes:
        return True
    if not engine_ready():
        record_pending(changes, "Elasticsearch was unavailable moments ago")
        return False
    alias = documents.alias_name()
    actions = []
    for doc_id, _label, _object_id, document in changes:
        if document is None:
            actions.append({"_op_type": "delete", "_index": alias, "_id": doc_id})
        else:
            actions.append(
                {"_index": alias, "_id": doc_id, "_source": documents.document_source(document)}
            )
    failed = {}
    try:
        results = streaming_bulk(
            documents.client(timeout=3),
            actions,
            raise_on_error=False,
            raise_on_exception=True,
            require_alias=True,
        )
        for ok, item in results:
            ((operation, detail),) = item.items()
            # Deleting what is not in the index is fine.
            if not ok and not (operation == "delete" and detail.get("status") == 404):
                failed[detail.get("_id")] = str(detail.get("error", detail))[:500]
    except ENGINE_ERRORS as error:
        mark_down(error)
        record_pending(changes, str(error)[:500])
        return False
    mark_up()
    succeeded = [change for change in changes if change[0] not in failed]
    PendingIndexUpdate.objects.filter(doc_id__in=[change[0] for change in succeeded]).delete()
    if failed:
        logger.warning("search: %d index updates failed: %s", len(failed), failed)
        for change in changes:
            if change[0] in failed:
                record_pending([change], failed[change[0]])
    return not failed


def pending_objects(changes):
    """{pending doc_id: (model_label, object_id, action)}: one per object, whatever the
    number of its documents (a retry rebuilds them all from the database)."""
    delete, update = PendingIndexUpdate.Action.DELETE, PendingIndexUpdate.Action.UPDATE
    found = {}
    for doc_id, model_label, object_id, document in changes:
        key = doc_id_for(model_label, object_id) if model_label else doc_id
        if found.get(key, (None, None, delete))[2] == delete:  # any document: an update
            found[key] = (model_label, object_id, delete if document is None else update)
    return found


def record_pending(changes, error):
    try:
        for doc_id, (model_label, object_id, action) in pending_objects(changes).items():
            pending, created = PendingIndexUpdate.objects.get_or_create(
                doc_id=doc_id,
                defaults={
                    "model_label": model_label,
                    "object_id": object_id,
                    "action": action,
                    "last_error": error,
                },
            )
            if not created:
                pending.action = action
                pending.attempts += 1
                pending.last_error = error
                pending.save()
    except DatabaseError:
        logger.exception("search: could not record pending index updates")


def retry_pending(limit=RETRY_BATCH):
    """Send pending changes again (from the database's current state)."""
    by_model = {}
    for pending in PendingIndexUpdate.objects.all()[:limit]:
        by_model.setdefault(pending.model_label, []).append(pending.object_id)
    for model_label, object_ids in by_model.items():
        try:
            changes = changes_for(model_label, object_ids)
        except LookupError:  # the model is gone: nothing to index any more
            PendingIndexUpdate.objects.filter(model_label=model_label).delete()
            continue
        if not send(changes):
            return False
    return True


# ---------------------------------------------------------------- whole index


def expected_count():
    return sum(source.queryset().count() for source in active_sources())


def rebuild(progress=None):
    """Build a new index from the database, swap the alias to it, remove the old one.

    `progress(n)` is called after each batch of n documents. Returns (index name, count).
    """
    es = documents.client(timeout=120)
    started = PendingIndexUpdate.objects.order_by("-pk").values_list("pk", flat=True).first()
    name = documents.new_index_name()
    actions = (
        (doc_id, documents.document_source(document)) for doc_id, document in all_documents()
    )
    try:
        count = send_all(es, name, actions, progress)
    except Exception:
        with suppress(*ENGINE_ERRORS):  # the half-built index; the alias never pointed at it
            es.indices.delete(index=name, ignore_unavailable=True)
        raise
    documents.finish_index(es, name)
    documents.swap_alias(es, name)
    documents.delete_old_indices(es, keep=name)
    # Changes made while the rebuild ran stay pending; older ones are in the new index.
    if started is not None:
        PendingIndexUpdate.objects.filter(pk__lte=started).delete()
    mark_up()
    return name, count


def send_all(es, name, actions, progress):
    """Create the index and bulk the actions into it; returns how many were indexed."""
    count = 0
    # Documents are built here (this thread's database connection) while sender threads
    # create the index and then let Elasticsearch index one batch while the next is built.
    with ThreadPoolExecutor(max_workers=SENDERS) as senders:
        created = senders.submit(documents.create_index, es, name)
        in_flight = deque()
        for chunk in chunks(actions, BULK_CHUNK):
            in_flight.append(senders.submit(send_chunk, es, name, chunk, created))
            if len(in_flight) >= SENDERS:
                count += collect(in_flight.popleft(), progress)
        while in_flight:
            count += collect(in_flight.popleft(), progress)
        created.result()  # an empty database still needs its (empty) index
    return count


def chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def send_chunk(es, name, chunk, created):
    """Bulk-index one chunk of (id, source) once the index exists; returns how many went in.

    The answer holds only ids and errors: the client's bulk helper built and read every item
    in Python, a cost of its own."""
    body = bulk_body(name, chunk)
    created.result()
    response = es.bulk(operations=body, filter_path="errors,items.*._id,items.*.error")
    if response["errors"]:
        failed = [item for item in response["items"] if "error" in next(iter(item.values()))]
        raise BulkIndexError(f"{len(failed)} document(s) failed to index.", failed)
    return len(chunk)


def bulk_body(name, chunk):
    """The NDJSON of one _bulk request: an action line and a source line per document."""
    lines = []
    for doc_id, source in chunk:
        lines.append(orjson.dumps({"index": {"_index": name, "_id": doc_id}}))
        lines.append(orjson.dumps(source, default=str))
    lines.append(b"")  # the body ends with a newline
    return b"\n".join(lines)


def collect(future, progress):
    """Wait for one bulk request; raises BulkIndexError if any document failed."""
    indexed = future.result()
    if progress is not None:
        progress(indexed)
    return indexed


@dataclass
class CheckReport:
    missing: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    expected: dict = field(default_factory=dict)

    @property
    def ok(self):
        return not (self.missing or self.extra or self.stale)


def check():
    """Compare the index with the database by document id and content hash."""
    es = documents.client(timeout=60)
    expected = dict(all_documents())
    indexed = {
        hit["_id"]: hit["_source"].get("content_hash")
        for hit in scan(
            es, index=documents.alias_name(), query={"_source": ["content_hash"]}, size=1000
        )
    }
    report = CheckReport(expected=expected)
    for doc_id, document in expected.items():
        if doc_id not in indexed:
            report.missing.append(doc_id)
        elif indexed[doc_id] != document["content_hash"]:
            report.stale.append(doc_id)
    report.extra = sorted(set(indexed) - set(expected))
    report.missing.sort()
    report.stale.sort()
    return report


def sync(report=None):
    """Fix what `check()` found; returns the report it acted on."""
    report = report or check()
    changes = [
        (doc_id, "", "", report.expected[doc_id]) for doc_id in report.missing + report.stale
    ]
    changes += [(doc_id, "", "", None) for doc_id in report.extra]
    es = documents.client(timeout=120)
    alias = documents.alias_name()
    actions = []
    for doc_id, _label, _object_id, document in changes:
        if document is None:
            actions.append({"_op_type": "delete", "_index": alias, "_id": doc_id})
        else:
            source = documents.document_source(document)
            actions.append({"_index": alias, "_id": doc_id, "_source": source})
    for _ok, _item in streaming_bulk(es, actions, chunk_size=500, require_alias=True):
        pass
    es.indices.refresh(index=alias)
    PendingIndexUpdate.objects.all().delete()
    mark_up()
    return report
