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
`invitations`) creates those rows with it, and a mapping under a one-to-one one row. A spec
with `existing` (an object, e.g. `!page home`) instead gives it the `fill` values its blank
fields lack, and one with `log` writes that line, given `created` (rows made so far, by model
name) and `loaded` (how many refs there are, by name). DemoRefs finds `!page home` and, in the
database, what portal/data/demo.yaml's `refs` name.

The synthetic corpus is read the same way: its recipes (Recipe below) make rows in bulk from
each app's data/synthetic.yaml, drawing from one seeded random.
"""

import datetime
import functools
import inspect
import itertools
import json
import secrets
import string
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

import yaml
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import ClusterableModel
from wagtail.fields import StreamField
from wagtail.models import Page

from . import synthetic


class Ref(NamedTuple):
    """`!name key`: the object refs[name][key], or for a list of keys those that exist."""

    name: str
    key: object


class DemoLoader(yaml.CSafeLoader):
    """The safe loader in libyaml's C (a tenth of the pure-Python one's time) plus the reference
    tags (a subclass: CSafeLoader stays untouched)."""


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
        data = yaml.load(file, Loader=DemoLoader)  # noqa: S506 - a CSafeLoader subclass
    return data if refs is None else resolve(data, refs)


def resolve(value, refs):
    """value with its Refs replaced; a slug not loaded is left out (or None): links are optional."""
    if isinstance(value, Ref):
        objects = refs[value.name]
        if isinstance(value.key, list):
            return [objects[key] for key in value.key if key in objects]
        return objects.get(value.key)
    if isinstance(value, dict):
        return {name: resolve(item, refs) for name, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, refs) for item in value]
    return value


class DemoRefs(dict):
    """The refs of a site's demo files: `!page home`, the rows files' `as`, and what
    portal/data/demo.yaml's `refs` name, read from the database when first used."""

    def __init__(self, site):
        super().__init__(page={"home": site.root_page.specific})
        self.site = site

    def __missing__(self, name):
        found = portal_demo_data()["refs"].get(name)
        if found is None:
            return {}  # a name nothing loads: its links are left out
        model = apps.get_model(found["model"])
        objects = model.objects.filter(**found.get("filter", {}))
        if issubclass(model, Page):  # this site's pages, not another tree's
            objects = objects.descendant_of(self.site.root_page)
        self[name] = {getattr(obj, found["key"]): obj for obj in objects}
        return self[name]


@functools.cache
def portal_demo_data():
    return read(Path(__file__).resolve().parent.parent / "data" / "demo.yaml")


def load_rows(path, refs, log=None):
    """Every spec's rows of a rows file, in order; returns how many were created, by model."""
    created = Counter()
    for spec in read(path):
        if "log" in spec:  # a line of load_demo's output
            names = Counter({model.__name__: count for model, count in created.items()})
            log(spec["log"].format(created=names, loaded={k: len(v) for k, v in refs.items()}))
            continue
        if "existing" in spec:
            fill_blank(resolve(spec["existing"], refs), resolve(spec["fill"], refs))
            continue
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


def ensure_accounts(path, app, log):
    """The demo accounts of a file (example.org), each created once; a password is printed
    only when its account is created. An account with a `group` joins it, one without is a
    superuser (the demo admin)."""
    user_model = get_user_model()
    for account in read(path):
        username, group = account.pop("username"), account.pop("group", None)
        kind = "demo account" if group else "demo admin"
        if user_model.objects.filter(username=username).exists():
            renew = f"new password: manage.py changepassword {username}"
            log(f"{app}: {kind} '{username}' exists ({renew})")
            continue
        password = secrets.token_urlsafe(12)
        create = user_model.objects.create_user if group else user_model.objects.create_superuser
        user = create(username, f"{username}@example.org", password, **account)
        if group:
            user.groups.add(Group.objects.get(name=group))
        log(f"{app}: {kind} created — login: {username} / password: {password}")


def stream(field, items):
    """StreamField content from `- block_type: value` items; each block normalises its value.
    A type the field lacks is an error here: Wagtail would drop the block without a word."""
    blocks = [block for item in items for block in item.items()]
    if unknown := {kind for kind, _value in blocks} - set(field.stream_block.child_blocks):
        raise ValueError(f"{field.model.__name__}.{field.name}: no block {sorted(unknown)}")
    return blocks


def create_page(parent, model, entry):
    """The page an entry describes (`slug`, field values, child rows) under parent, created once."""
    fields = dict(entry)
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


class Recipe:
    """Runs a synthetic recipe (the steps of a part in an app's data/synthetic.yaml).

    A step makes one row of `model` per element of `for` (a list, or a number of rows),
    binding `item`, `number` (from 0), `ordinal` (from 1) and `serial` (rows this step made
    before, across parents); `let` binds names first (a step without `for` or `model` binds
    them where it stands), then `fields` make the row, bound under `name`. `parent` puts a
    page below that page; `children` are steps run per row; `links` fill many-to-many fields
    after the children (their draws come last); `as` lists the rows for later steps and
    `count` adds their number to the part's counts. Values are evaluated in the order written,
    and draws take the seeded random in that order: a seed gives the same corpus. A value is
    a literal, `=name[key].attribute` (a bound object, named as in a str.format field), a
    string with `{…}` (str.format with the bound names), a list of values, or a one-key mapping
    naming an operation (`if`, `format`, the draws, FUNCTIONS, or a function the app's context
    gives), given its argument or, when it takes several, a list of them.
    """

    def __init__(self, rng, refs):
        self.rng, self.refs = rng, refs  # a ChainMap: rows listed by `as` go in its first map
        self.serials, self.counts = defaultdict(itertools.count), Counter()
        # The operations that draw from the seeded random (FUNCTIONS draw nothing).
        self.draws = {
            "choice": lambda items: rng.choice(items) if items else None,  # empty: no draw
            "sample": rng.sample,
            "randint": rng.randint,
            "chance": lambda probability: rng.random() < probability,
            "weighted": lambda weights: rng.choices(list(weights), list(weights.values()))[0],
            "uuid": lambda: uuid.UUID(int=rng.getrandbits(128), version=4),
            "moments": self.moments,
        }

    def run(self, steps):
        """Every step in turn, each one's rows inserted before the next; returns the counts."""
        for step in steps:
            rows = Rows()
            self.step(step, self.refs, rows)
            rows.insert()
        return self.counts

    def step(self, step, context, rows):
        if "for" not in step and "model" not in step:
            context.update({name: self.value(v, context) for name, v in step["let"].items()})
            return
        items = self.value(step.get("for", 1), context)
        made = []
        for number, item in enumerate(range(items) if isinstance(items, int) else items):
            serial = next(self.serials[id(step)])
            local = context.new_child(
                {"item": item, "number": number, "ordinal": number + 1, "serial": serial}
            )
            for name, value in step.get("let", {}).items():
                local[name] = self.value(value, local)
            if "model" in step:
                fields = {name: self.value(v, local) for name, v in step["fields"].items()}
                row = apps.get_model(step["model"])(**fields)
                rows.add(row, self.value(step["parent"], local) if "parent" in step else None)
                local[step.get("name", "row")] = row
                made.append(row)
            for child in step.get("children", []):
                self.step(child, local, rows)
            for field, value in step.get("links", {}).items():
                rows.link(row, field, self.value(value, local))
        if "as" in step:  # a child step's rows of every parent, in order
            self.refs.setdefault(step["as"], []).extend(made)
        if "count" in step:
            self.counts[step["count"]] += len(made)

    def value(self, expr, context):
        if isinstance(expr, str) and expr.startswith("="):
            return FIELDS.get_field(expr[1:], (), context)[0]
        if isinstance(expr, str):
            return expr.format_map(context) if "{" in expr else expr
        if isinstance(expr, list):
            return [self.value(item, context) for item in expr]
        if not isinstance(expr, dict):
            return expr
        name, args = next(iter(expr.items())) if len(expr) == 1 else (None, None)
        if name == "if":  # only the branch taken is evaluated: its draws alone are made
            test, then, *otherwise = args
            branch = then if self.value(test, context) else (otherwise or [None])[0]
            return self.value(branch, context)
        if name == "format":  # a template drawn from a list, filled in
            return self.value(args, context).format_map(context)
        function = self.operation(name, context)
        if function is None:  # a mapping of values, not an operation
            return {key: self.value(item, context) for key, item in expr.items()}
        if args is None:
            return function()
        args = self.value(args, context)
        spread = takes_several(function) and isinstance(args, list)
        return function(*args) if spread else function(args)

    def operation(self, name, context):
        """A function the app's context gives, a draw or one of FUNCTIONS, or None."""
        given = context.get(name)
        return given if callable(given) else self.draws.get(name) or FUNCTIONS.get(name)

    def moments(self, count):
        """`count` distinct publication times over the past five years, newest first."""
        now = timezone.now()
        minutes = sorted(self.rng.sample(range(60, 5 * 365 * 24 * 60), count))
        return [now - datetime.timedelta(minutes=minute) for minute in minutes]


FIELDS = string.Formatter()  # its get_field finds `=name[key].attribute` as format() would


def paragraph(text):
    """A rich-text paragraph of a sentence or of sentences."""
    return f"<p>{text if isinstance(text, str) else ' '.join(text)}</p>"


def stream_data(blocks):
    """StreamField raw data from [type, value] pairs (a pair an `if` left out is skipped),
    with the ids Wagtail gives blocks."""
    return json.dumps(
        [
            {"type": kind, "value": value, "id": str(uuid.uuid4())}
            for kind, value in filter(None, blocks)
        ]
    )


def list_items(items):
    return [{"type": "item", "value": item, "id": str(uuid.uuid4())} for item in items]


# The operations that draw nothing (the draws are Recipe's).
FUNCTIONS = {
    "range": lambda start, stop: range(start, stop),
    "batched": synthetic.batched,
    "join": " ".join,
    "p": paragraph,
    "stream": stream_data,
    "items": list_items,
    "slug": slugify,
    "capitalize": str.capitalize,
    "unmarked": lambda text: text.removesuffix(f" {synthetic.MARK}"),
    "get": lambda mapping, key, default=None: mapping.get(key, default),
    "cycle": lambda items, number: items[number % len(items)],
    "at": lambda items, number: items[number],
    "first": lambda items, count: items[:count],
    "equals": lambda first, second: first == second,
    "time": lambda hour: datetime.time(hour),
    "date": lambda year, month, day: datetime.date(year, month, day),
    "days_ago": lambda days: datetime.date.today() - datetime.timedelta(days=days),
}


@functools.cache
def takes_several(function):
    """Whether an operation needs several arguments (a list of them), else one (a list too)."""
    parameters = inspect.signature(function).parameters.values()
    return sum(parameter.default is inspect.Parameter.empty for parameter in parameters) > 1


class Rows:
    """The rows a step made, inserted together: each model's rows in the order first made
    (parents before children), pages below their parents, then the many-to-many links.
    Rows are keyed by id(): unsaved model instances cannot be hashed."""

    def __init__(self):
        self.rows = defaultdict(list)
        self.families = defaultdict(dict)  # page model -> {id(parent): (parent, [pages])}
        self.links = defaultdict(dict)  # (model, field) -> {ids: (row, other)}, in order

    def add(self, row, parent):
        self.rows[type(row)].append(row)
        if parent is not None:
            self.families[type(row)].setdefault(id(parent), (parent, []))[1].append(row)

    def link(self, row, field, others):
        for other in others if isinstance(others, list) else [others]:
            if other is not None:  # a link an `if` left out; a repeated one is made once
                self.links[type(row), field][id(row), id(other)] = (row, other)

    def insert(self):
        for model, rows in self.rows.items():
            for row in rows:  # foreign keys to rows inserted before take their ids
                row._prepare_related_fields_for_save(operation_name="bulk_create")
            if model in self.families:
                synthetic.add_children(model, list(self.families[model].values()))
            else:
                model.objects.bulk_create(rows, batch_size=synthetic.BATCH)
        for (model, field), pairs in self.links.items():
            synthetic.link_many(model, field, [(row.pk, other.pk) for row, other in pairs.values()])
