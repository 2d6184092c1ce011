"""Background tasks (Django's tasks framework, as Wagtail uses it) that update the index."""

from django_tasks import task

from . import indexing


@task()
def update_index_task(model_label, object_ids):
    """Index or remove the documents of these objects; failures are kept and retried."""
    indexing.apply_changes(model_label, object_ids)


@task()
def update_referrers_task(model_label, object_id):
    """Reindex the documents that refer to a renamed municipality or topic."""
    indexing.update_referrers(model_label, object_id)
