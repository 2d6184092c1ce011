"""The seed's topics and concepts, as data (`data/topics.json`, `data/concepts.yaml`)."""

import json
from functools import cache
from pathlib import Path

import yaml

from portal.core.bulk_saves import deferred_indexing

from .models import TERM_FIELDS, Concept, Topic

DATA = Path(__file__).resolve().parent / "data"
TOPICS_FILE = DATA / "topics.json"
CONCEPTS_FILE = DATA / "concepts.yaml"
# The concept fields written only where blank, so what editors wrote stays.
EDITABLE_FIELDS = ("definition", *(field for field in TERM_FIELDS if field != "label"))


@cache
def seed_topics():
    """The seed's topics in their order: dicts with slug, name, name_en and cue_words."""
    return json.loads(TOPICS_FILE.read_text(encoding="utf-8"))


@cache
def seed_concepts():
    """The seed's concepts: dicts with slug, label, topic, broader, related, definition and
    the term fields as lists."""
    text = CONCEPTS_FILE.read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.CSafeLoader)["concepts"]  # libyaml: 10x faster, as safe


def load_topics():
    """Create or update the seed's topics (idempotent); returns them by slug.

    Cue words are written only where a topic has none, so the words an editor changed stay."""
    topics = {}
    for order, row in enumerate(seed_topics()):
        topic, _created = Topic.objects.update_or_create(
            slug=row["slug"],
            defaults={"name": row["name"], "name_en": row["name_en"], "sort_order": order},
        )
        if not topic.cue_words:
            topic.cue_words = row["cue_words"]
            topic.save(update_fields=["cue_words"])
        topics[topic.slug] = topic
    return topics


def seed_value(row, field):
    """A seed field as the model stores it: a term list becomes one term per line."""
    value = row.get(field) or ""
    return "\n".join(value) if isinstance(value, list) else value


def load_concepts():
    """Create or update the seed's concepts by slug (idempotent); returns them by slug.

    Label, topic and broader follow the seed; definition and term fields are written only
    where blank and "see also" links are only added, so editors' words and links stay."""
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    # One read of what exists, links included: a second load saves only what changed.
    existing = {concept.slug: concept for concept in Concept.objects.prefetch_related("related")}
    with deferred_indexing():
        concepts = {
            row["slug"]: load_concept(row, existing.get(row["slug"]), topics)
            for row in seed_concepts()
        }
        for row in seed_concepts():  # links, once every concept exists
            link_concept(concepts[row["slug"]], row, concepts)
    return concepts


def load_concept(row, concept, topics):
    """The seed's row written onto `concept` (a new one when None); saved only if it changes."""
    topic = topics.get(row.get("topic"))
    if concept is None:
        concept = Concept(slug=row["slug"])
    changed = [
        name
        for name, now, seed in (
            ("label", concept.label, row["label"]),
            ("topic", concept.topic_id, topic.pk if topic else None),
        )
        if now != seed
    ]
    concept.label, concept.topic = row["label"], topic
    for field in EDITABLE_FIELDS:
        if not getattr(concept, field) and seed_value(row, field):
            setattr(concept, field, seed_value(row, field))
            changed.append(field)
    if concept.pk is None:
        concept.save()
    elif changed:
        concept.save(update_fields=changed)
    return concept


def link_concept(concept, row, concepts):
    """Broader as the seed says, the seed's "see also" links added; saved only if they change."""
    broader = concepts.get(row.get("broader"))
    related = {concepts[slug] for slug in row.get("related", []) if slug in concepts}
    current = set(concept.related.all())
    if concept.broader_id == (broader.pk if broader else None) and related <= current:
        return
    concept.broader = broader
    concept.related.set(current | related)
    concept.save()
