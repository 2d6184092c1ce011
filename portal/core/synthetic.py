"""What every part of the synthetic corpus shares: its marks and the bulk-insert helpers.

Everything made is marked: page slugs start with `synth-` and titles, names and usernames
carry "[sintētisks]" / `synth-`; e-mails are example.org and phone numbers start with "+371 0",
which no Latvian number does. portal/synthetic.py removes exactly what carries these marks.

Pages are bulk-inserted with their treebeard paths computed here: add_child per page is far too
slow at 25,000 pages. This module imports no app, so every app's generator may use it.
"""

from itertools import islice

from django.utils import timezone
from wagtail.models import Page

SLUG_PREFIX = "synth-"
MARK = "[sintētisks]"
USERNAME_PREFIX = "synth-mediator-"
BATCH = 1000


def add_children(model, families):
    """Insert unsaved pages of `model` as live last children: `families` is [(parent, [pages])].

    Sets what treebeard's add_child and Wagtail's publish would (path, depth, url_path, locale,
    draft title, live), writes the `Page` rows with bulk_create and the model's own table in
    batches, then the parents' numchild. Parents may be pages created by an earlier call.
    """
    now = timezone.now()
    for parent, pages in families:
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
        parent.numchild += len(pages)
    insert_pages(model, [page for _parent, pages in families for page in pages])
    for parent, _pages in families:
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


def batched(items, size):
    """itertools.batched (Python 3.12) for 3.11."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
