"""Keep the index true: content changes enqueue an index update after the transaction commits.

Handlers only enqueue; an editor's save never waits for Elasticsearch or fails because of it.
Renaming a municipality or topic reindexes the documents that refer to it (in batches).
"""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import documents, fallback
from .promotions import forget_pinned
from .registry import REFERENCED_FIELDS, source_for
from .tasks import update_index_task, update_referrers_task

logger = logging.getLogger(__name__)


def enqueue(model_label, object_ids):
    try:
        update_index_task.enqueue(model_label, [str(pk) for pk in object_ids])
    except Exception:  # an index update must never break the save that caused it
        logger.exception("search: could not enqueue an index update for %s", model_label)


def schedule(instance, deleted=False):
    """Enqueue an update of `instance`'s document once the current transaction commits."""
    if isinstance(instance, Page) and not deleted:
        instance = instance.specific_deferred
    source = source_for(type(instance))
    if source is None:
        return
    fallback.forget_documents()
    if not documents.is_configured():
        return
    transaction.on_commit(partial(enqueue, source.model_label, [instance.pk]), robust=True)


def schedule_subtree(page):
    """A moved or renamed page changes the URLs of everything below it."""
    schedule(page)
    for descendant in page.get_descendants().specific().iterator():
        schedule(descendant)


def on_page_changed(sender, instance, **kwargs):
    schedule(instance)


def on_page_moved(sender, instance, **kwargs):
    schedule_subtree(instance)
    label = instance.specific_class._meta.label if instance.specific_class else ""
    if label.lower() in REFERENCED_FIELDS and documents.is_configured():
        # Directory entries link to their municipality's page: its address changed.
        transaction.on_commit(partial(enqueue_referrers, label, str(instance.pk)), robust=True)


def on_object_saved(sender, instance, **kwargs):
    # Pages reach the index on publish/unpublish, not on every draft save.
    if not isinstance(instance, Page):
        schedule(instance)


def on_object_deleted(sender, instance, **kwargs):
    schedule(instance, deleted=True)


def on_referenced_pre_save(sender, instance, update_fields=None, **kwargs):
    """Note whether a municipality's or topic's copied fields are about to change."""
    fields = REFERENCED_FIELDS.get(sender._meta.label_lower)
    if fields is None or instance.pk is None:
        return
    if update_fields is not None and not set(fields) & set(update_fields):
        return
    try:
        old = sender._default_manager.filter(pk=instance.pk).values(*fields).first()
    except Exception:  # reading the old values must never break the save
        logger.exception("search: could not read %s %s before saving", sender, instance.pk)
        return
    if old is not None and any(old[name] != getattr(instance, name) for name in fields):
        instance._search_referrers_stale = True


def on_referenced_saved(sender, instance, **kwargs):
    if sender._meta.label_lower not in REFERENCED_FIELDS:
        return
    fallback.forget_documents()  # names and slugs the search recognises
    if not getattr(instance, "_search_referrers_stale", False):
        return
    instance._search_referrers_stale = False
    if documents.is_configured():
        label, pk = sender._meta.label, str(instance.pk)
        transaction.on_commit(partial(enqueue_referrers, label, pk), robust=True)


def enqueue_referrers(model_label, object_id):
    try:
        update_referrers_task.enqueue(model_label, object_id)
    except Exception:  # an index update must never break the save that caused it
        logger.exception("search: could not enqueue a reindex of %s %s", model_label, object_id)


def connect():
    page_published.connect(on_page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    page_slug_changed.connect(on_page_moved, dispatch_uid="search_page_slug_changed")
    post_save.connect(on_object_saved, dispatch_uid="search_object_saved")
    post_delete.connect(on_object_deleted, dispatch_uid="search_object_deleted")
    pre_save.connect(on_referenced_pre_save, dispatch_uid="search_referenced_pre_save")
    post_save.connect(on_referenced_saved, dispatch_uid="search_referenced_saved")
    for model in (SearchPromotion, Query):
        post_save.connect(forget_pinned, sender=model, dispatch_uid=f"search_pins_{model.__name__}")
        post_delete.connect(
            forget_pinned, sender=model, dispatch_uid=f"search_unpin_{model.__name__}"
        )
