"""Demo content as data: YAML files beside each app, read and put in place by this loader.

A file holds plain values. `!name slug` (or `!name [slug, …]`) stands for an object the caller
passes in `refs[name]` (topics, municipalities, pages: whatever was loaded before). A page's
StreamField is a list of one-key mappings, `- block_type: value`, with rich text as HTML.
"""

from pathlib import Path

import yaml
from wagtail.fields import StreamField
from wagtail.models import Page


def read(path, refs=None):
    """A YAML file's data, its reference tags resolved with refs."""

    class DemoLoader(yaml.SafeLoader):
        """SafeLoader plus this call's reference tags (a subclass: SafeLoader stays untouched)."""

    for name, objects in (refs or {}).items():
        DemoLoader.add_constructor(f"!{name}", _resolver(objects))
    with Path(path).open(encoding="utf-8") as file:
        return yaml.load(file, Loader=DemoLoader)  # noqa: S506 - a SafeLoader subclass


def _resolver(objects):
    """Slugs to objects; a slug not loaded is left out (or None), as demo links are optional."""

    def resolve(loader, node):
        if isinstance(node, yaml.SequenceNode):
            return [objects[slug] for slug in loader.construct_sequence(node) if slug in objects]
        return objects.get(loader.construct_scalar(node))

    return resolve


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
    """The page an entry describes (`slug` and field values) under parent, created once."""
    fields = {**defaults, **entry}
    slug = fields.pop("slug")
    for name, value in fields.items():
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            fields[name] = stream(field, value)
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
