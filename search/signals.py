"""Keep the index true: content changes enqueue an index update after the transaction commits.

Handlers only enqueue; an editor's save never waits for Elasticsearch or fails because of it.
"""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import documents, fallback
from .sources import source_for

logger = logging.getLogger(__name__)


def enqueue(model_label, object_ids):
    from .tasks import update_index_task

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


def on_object_saved(sender, instance, **kwargs):
    # Pages reach the index on publish/unpublish, not on every draft save.
    if not isinstance(instance, Page):
        schedule(instance)


def on_object_deleted(sender, instance, **kwargs):
    schedule(instance, deleted=True)


def connect():
    page_published.connect(on_page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    page_slug_changed.connect(on_page_moved, dispatch_uid="search_page_slug_changed")
    post_save.connect(on_object_saved, dispatch_uid="search_object_saved")
    post_delete.connect(on_object_deleted, dispatch_uid="search_object_deleted")
