"""Many saves at once (the demo, the seed vocabulary): Wagtail's reference index and the admin
search index are brought up to date once per object at the end, not on every save."""

from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

_active = []


@contextmanager
def deferred_indexing():
    """Within the block, saves skip both indexes; on leaving, each object saved in it is indexed
    once, as it is then. The rows left behind are the ones per-save indexing would leave (each
    index keeps only an object's latest state); a page saved five times costs one update."""
    if _active:  # nested: the outer block indexes everything
        yield
        return
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[(instance._meta.label, instance.pk)] = instance

    indexed = [
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    for model in indexed:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(remember, weak=False, dispatch_uid="deferred_indexing")
    _active.append(saved)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _active.pop()
        post_save.disconnect(dispatch_uid="deferred_indexing")
        for model in indexed:
            post_save.connect(post_save_signal_handler, sender=model)
    index_saved(saved)


def index_saved(saved):
    """Each object as it is now: Wagtail's own reference-index task once per object, the admin
    search index in one bulk write per model (one title-norm refresh instead of one per save)."""
    by_model = defaultdict(list)
    for (_label, pk), instance in saved.items():
        model = type(instance)
        current = model._base_manager.filter(pk=pk).first()
        if current is None:  # deleted later in the block
            continue
        if model in ReferenceIndex.tracked_models:
            update_reference_index_task.call(model._meta.app_label, model._meta.model_name, str(pk))
        if index.class_is_indexed(model):
            indexed_instance = index.get_indexed_instance(current)
            if indexed_instance is not None:
                by_model[type(indexed_instance)].append(indexed_instance)
    for backend in get_search_backends(with_auto_update=True):
        for model, objects in by_model.items():
            backend.add_bulk(model, objects)
