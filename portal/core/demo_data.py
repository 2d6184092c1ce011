"""Demo content as data: YAML files beside each app, read and put in place by this loader.

A file holds plain values. `!name slug` (or `!name [slug, …]`) stands for an object in
`refs[name]` (topics, municipalities, pages: whatever was loaded before), looked up when the
value is used; `!days N` is the date N days from today. A page's StreamField is a list of
one-key mappings, `- block_type: value`, with rich text as HTML.

A rows file is a list of specs, each `model` (app.Model) and `rows`, optionally `key` (the
fields a row is found by; a page is found by its slug under `parent`), `defaults` (values
every row shares), `as` (the refs name its rows go under, by slug or first key field) and
`fill_blank` (an existing row gets the values of its blank fields). A row is created once:
one found is kept as editors left it. A row's list under a reverse relation (`contacts`,
`invitations`) creates those rows with it, and a mapping under a one-to-one one row.
"""

import datetime
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import yaml
from django.apps import apps
from django.utils import timezone
from modelcluster.models import ClusterableModel
from wagtail.fields import StreamField
from wagtail.models import Page


class Ref(NamedTuple):
    """`!name key`: the object refs[name][key], or for a list of keys those that exist."""

    name: str
    key: object


class DemoLoader(yaml.SafeLoader):
    """SafeLoader plus the reference tags (a subclass: SafeLoader stays untouched)."""


def _ref(loader, suffix, node):
    if isinstance(node, yaml.SequenceNode):
        return Ref(suffix, loader.construct_sequence(node))
    return Ref(suffix, loader.construct_scalar(node))


def _days(loader, node):
    return timezone.localdate() + datetime.timedelta(days=int(loader.construct_scalar(node)))


DemoLoader.add_constructor("!days", _days)
DemoLoader.add_multi_constructor("!", _ref)


def read(path, refs=None):
    """A YAML file's data; with refs its references are resolved now, else they stay Refs."""
    with Path(path).open(encoding="utf-8") as file:
        data = yaml.load(file, Loader=DemoLoader)  # noqa: S506 - a SafeLoader subclass
    return data if refs is None else resolve(data, refs)


def resolve(value, refs):
    """value with its Refs replaced; a slug not loaded is left out (or None): links are optional."""
    if isinstance(value, Ref):
        objects = refs.get(value.name, {})
        if isinstance(value.key, list):
            return [objects[key] for key in value.key if key in objects]
        return objects.get(value.key)
    if isinstance(value, dict):
        return {name: resolve(item, refs) for name, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, refs) for item in value]
    return value


def load_rows(path, refs):
    """Every spec's rows of a rows file, in order; returns how many were created, by model."""
    created = Counter()
    for spec in read(path):
        model = apps.get_model(spec["model"])
        parent = resolve(spec.get("parent"), refs)
        for entry in spec["rows"]:
            row = resolve({**spec.get("defaults", {}), **entry}, refs)
            if parent is not None:
                obj, is_new = create_page(parent, model, row)
                created[model] += is_new
            else:
                obj, is_new = find_or_create(model, spec.get("key", []), row, created)
            if obj is not None and not is_new and spec.get("fill_blank"):
                fill_blank(obj, row)
            if obj is not None and "as" in spec:  # later rows refer to it by slug or first key
                name = row["slug"] if parent is not None else row[spec["key"][0]]
                refs.setdefault(spec["as"], {})[name] = obj
    return created


def find_or_create(model, key, row, created):
    """The row found by its key fields, else created: (object, whether it is new)."""
    existing = model.objects.filter(**{name: row[name] for name in key}).first() if key else None
    if existing is not None:
        return existing, False
    obj = create_row(model, row, created)
    return obj, obj is not None


def create_row(model, row, created):
    """A row with its many-to-many links and the rows created with it (see the module); None
    when a required reference is missing (what the row hangs on was not loaded)."""
    values, many, children = {}, {}, {}
    for name, value in row.items():
        field = model._meta.get_field(name)
        if value is None and field.many_to_one and not field.null:
            return None
        group = children if field.auto_created else many if field.many_to_many else values
        group[name] = value
    obj = model.objects.create(**values)
    created[model] += 1
    for name, objects in many.items():
        getattr(obj, name).set(objects)
    if many and isinstance(obj, ClusterableModel):
        obj.save()  # parental many-to-many links are written when the object is saved
    for name, rows in children.items():
        relation = model._meta.get_field(name)
        for child in rows if isinstance(rows, list) else [rows]:
            create_row(relation.related_model, {relation.field.name: obj, **child}, created)
    return obj


def fill_blank(obj, row):
    """Rows made by an older loader get the data's values where theirs are blank."""
    blank = {
        name: value
        for name, value in row.items()
        if value not in ("", None) and getattr(obj, name, "") in ("", None)
    }
    for name, value in blank.items():
        setattr(obj, name, value)
    if blank and isinstance(obj, Page):
        obj.save_revision().publish()
    elif blank:
        obj.save()


def stream(field, items):
    """StreamField content from `- block_type: value` items; each block normalises its value."""
    blocks = []
    for item in items:
        ((block_type, value),) = item.items()  # exactly one block per item
        if block_type not in field.stream_block.child_blocks:
            raise ValueError(f"{field.model.__name__}.{field.name}: no block '{block_type}'")
        blocks.append((block_type, value))
    return blocks


def create_page(parent, model, entry, **defaults):
    """The page an entry describes (`slug`, field values, child rows) under parent, created once."""
    fields = {**defaults, **entry}
    slug = fields.pop("slug")
    for name, value in fields.items():
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            fields[name] = stream(field, value)
        elif field.auto_created and field.one_to_many:  # a page's inline rows (ParentalKey)
            fields[name] = [field.related_model(**child) for child in value]
    return get_or_create_child(parent, model, slug, **fields)


def get_or_create_child(parent, model, slug, tags=(), **fields):
    """Idempotent page creation: an existing child with that slug is kept as it is."""
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True
