"""The seed's topics, as data (`data/topics.json`): names, English names and cue words."""

import json
from functools import cache
from pathlib import Path

from .models import Topic

TOPICS_FILE = Path(__file__).resolve().parent / "data" / "topics.json"


@cache
def seed_topics():
    """The seed's topics in their order: dicts with slug, name, name_en and cue_words."""
    return json.loads(TOPICS_FILE.read_text(encoding="utf-8"))


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
