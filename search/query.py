"""Query understanding: which municipality and which topics a Latvian question is about.

"ģimenei Ventspilī ir īres parādi" → municipality Ventspils (from the locative), topic
mājoklis (from "īres", "parādi"); the place word leaves the text, the rest is searched.
"""

import time
from dataclasses import dataclass, field
from functools import lru_cache

from django.apps import apps

from . import text as latvian
from .registry import place_sources

ABBREVIATIONS = {
    "nva": "Nodarbinātības valsts aģentūra",
    "vsaa": "Valsts sociālās apdrošināšanas aģentūra",
    "pii": "pirmsskolas izglītības iestāde",
}
VOCABULARY_SECONDS = 300


@dataclass
class Municipality:
    slug: str
    title: str


@dataclass
class Understanding:
    query: str
    text: str = ""
    municipality: Municipality | None = None
    municipality_words: str = ""
    topics: list = field(default_factory=list)
    abbreviations: dict = field(default_factory=dict)

    @property
    def variants(self):
        """The text to search, and the same with abbreviations written out."""
        if not self.abbreviations:
            return [self.text] if self.text else []
        expanded = " ".join(
            self.abbreviations.get(word.lower(), word) for word in self.text.split()
        )
        return [self.text, expanded]


class Vocabulary:
    """Municipality names (all forms), topic labels and topic cue words, read from the database,
    cached (saving a topic or a municipality forgets them: see registry.REFERENCED_FIELDS)."""

    def __init__(self):
        self.loaded_at = None
        self.municipality_forms = {}
        self.municipality_stems = {}
        self.municipality_titles = {}
        self.topic_labels = {}
        self.cues = {}

    def forget(self):
        self.loaded_at = None

    def ensure(self):
        if self.loaded_at is not None and time.monotonic() - self.loaded_at < VOCABULARY_SECONDS:
            return
        forms, stems, titles = {}, {}, {}
        for source in place_sources():
            for slug, title, names in source.place_names():
                municipality = Municipality(slug, title)
                titles[slug] = title
                for name in filter(None, names):
                    forms[latvian.fold(name).strip()] = municipality
                    stems[stem_phrase(name)] = municipality
        topic_labels = {
            topic.slug: topic for topic in apps.get_model("taxonomy", "Topic").objects.all()
        }
        self.municipality_forms, self.municipality_stems = forms, stems
        self.municipality_titles, self.topic_labels = titles, topic_labels
        self.cues = cue_index(topic_labels.values())
        self.loaded_at = time.monotonic()

    def topic_label(self, slug):
        self.ensure()
        topic = self.topic_labels.get(slug)
        return topic.label if topic is not None else slug

    def municipality_title(self, slug):
        self.ensure()
        return self.municipality_titles.get(slug, slug)


def cue_index(topics):
    """Folded stem of each topic's cue word → the slugs of the topics it points to (the words
    are the editors': any form, with or without diacritics)."""
    index = {}
    for topic in topics:
        for word in topic.cue_word_list:
            index.setdefault(latvian.stem(latvian.fold(word)), set()).add(topic.slug)
    return index


vocabulary = Vocabulary()


@lru_cache(maxsize=20_000)
def stem_phrase(phrase):
    """Folded stems of a phrase; cached: questions try every one-to-three-word phrase."""
    return " ".join(latvian.stem(word) for word in latvian.fold(phrase).split())


def understand(query):
    """Find the municipality, topics and abbreviations in a question."""
    vocabulary.ensure()
    found = Understanding(query=query)
    words = latvian.words(query)
    skip = set()
    # Longest names first: "Rēzeknes novadā" before "Rēzeknes".
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            if found.municipality or skip & set(range(start, start + size)):
                continue
            phrase = " ".join(words[start : start + size])
            municipality = vocabulary.municipality_forms.get(
                latvian.fold(phrase)
            ) or vocabulary.municipality_stems.get(stem_phrase(phrase))
            if municipality is not None:
                found.municipality = municipality
                found.municipality_words = phrase
                skip |= set(range(start, start + size))
    remaining = [word for i, word in enumerate(words) if i not in skip]
    cue_counts = {}
    for word in remaining:
        folded = latvian.fold(word)
        if folded in ABBREVIATIONS:
            found.abbreviations[word] = ABBREVIATIONS[folded]
        for slug in sorted(vocabulary.cues.get(latvian.stem(folded), ())):
            cue_counts[slug] = cue_counts.get(slug, 0) + 1
    # The topic with the most cue words first: it is what the question is mainly about.
    found.topics = sorted(cue_counts, key=lambda slug: -cue_counts[slug])
    found.text = " ".join(w for w in remaining if latvian.fold(w) not in latvian.STOPWORDS)
    return found
