"""The vocabulary's concepts in questions and in documents, by one analysis at both ends.

The test distribution of Elasticsearch has no synonym filter, so the mapping from words to
concepts happens here: a document is indexed with the concepts its editors gave it and those
its title and text mention; a question is searched with the concepts its words name. A
question and a service that share no word but share a concept meet.
"""

import threading
import time
from dataclasses import dataclass, field
from itertools import pairwise

from django.apps import apps

from . import text as latvian

MAX_TERM_WORDS = 4
# Mentions are read from the start of a text only: a long page mentions everything.
MENTION_CHARS = 1_500
# How a question's words matched a term, best first ("exact word > stem > folded > concept").
EXACT, FOLDED, STEM = "exact", "folded", "stem"
CACHE_SECONDS = 300
_lock = threading.Lock()
_cache = {"loaded_at": None, "index": None}


@dataclass
class ConceptMatch:
    slug: str
    words: str  # the question's words that named it
    how: str  # EXACT, FOLDED or STEM


@dataclass
class ConceptIndex:
    """Every term of every concept, by its folded form and by its folded stems."""

    labels: dict = field(default_factory=dict)  # slug → Concept
    broader: dict = field(default_factory=dict)  # slug → broader slug
    by_exact: dict = field(default_factory=dict)  # lowercased term → slugs
    by_folded: dict = field(default_factory=dict)  # folded term → slugs
    by_stems: dict = field(default_factory=dict)  # folded stems → slugs
    topics: dict = field(default_factory=dict)  # slug → topic slug
    abbreviations: dict = field(default_factory=dict)  # folded abbreviation → concept label
    ancestors: dict = field(default_factory=dict)  # slug → broader slugs above it (above())
    # The first two stems of each term of several words: only there can a longer one start.
    phrase_pairs: set = field(default_factory=set)

    @classmethod
    def load(cls):
        index = cls()
        concept_model = apps.get_model("taxonomy", "Concept")
        for concept in concept_model.objects.select_related("broader", "topic"):
            index.add(concept)
        return index

    def add(self, concept):
        self.labels[concept.slug] = concept
        if concept.broader_id:
            self.broader[concept.slug] = concept.broader.slug
        if concept.topic_id:
            self.topics[concept.slug] = concept.topic.slug
        for term, kind in concept.terms():
            if kind == "abbreviations":
                self.abbreviations[latvian.fold(term).strip()] = concept.label
            words = latvian.words(term)
            if not words or len(words) > MAX_TERM_WORDS:
                continue
            stems = " ".join(latvian.word_stem(word) for word in words)
            if len(stems) < 2:
                continue  # one-letter terms would match everywhere
            self.by_exact.setdefault(" ".join(words).lower(), set()).add(concept.slug)
            self.by_folded.setdefault(latvian.fold(" ".join(words)), set()).add(concept.slug)
            self.by_stems.setdefault(stems, set()).add(concept.slug)
            if len(words) > 1:
                self.phrase_pairs.add(tuple(stems.split(" ", 2)[:2]))

    def lookup(self, words):
        """(slugs, how) for a phrase of words, or (set(), "")."""
        phrase = " ".join(words)
        for table, key, how in (
            (self.by_exact, phrase.lower(), EXACT),
            (self.by_folded, latvian.fold(phrase), FOLDED),
            (self.by_stems, " ".join(latvian.word_stem(w) for w in words), STEM),
        ):
            if key in table:
                return table[key], how
        return set(), ""

    def find(self, words):
        """Concepts a list of words names, longest phrases first; (matches, covered positions)."""
        matches, covered = [], set()
        for size in range(min(MAX_TERM_WORDS, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                positions = set(range(start, start + size))
                if positions & covered:
                    continue
                slugs, how = self.lookup(words[start : start + size])
                if slugs:
                    covered |= positions
                    phrase = " ".join(words[start : start + size])
                    matches += [ConceptMatch(slug, phrase, how) for slug in sorted(slugs)]
        return matches, covered

    def mentioned(self, text):
        """Slugs of the concepts a text names (by folded stems: any form of the words)."""
        stems = list(map(latvian.word_stem, latvian.words(text[:MENTION_CHARS])))
        found = set()
        # Set operations instead of a lookup per word: this runs for every indexed document.
        for stem in self.by_stems.keys() & stems:
            found |= self.by_stems[stem]
        pairs = list(pairwise(stems))
        if self.phrase_pairs.isdisjoint(pairs):
            return found  # most texts have no two words that begin a term of several
        for start, pair in enumerate(pairs):
            if pair in self.phrase_pairs:
                for size in range(2, MAX_TERM_WORDS + 1):
                    found |= self.by_stems.get(" ".join(stems[start : start + size]), set())
        return found

    def with_broader(self, slugs):
        """The slugs and every broader concept above them (a clothes bank is humanitarian aid)."""
        found = set(slugs)
        for slug in slugs:
            found |= self.above(slug)
        return found

    def above(self, slug):
        """The broader concepts above one, remembered: every indexed document asks."""
        if slug not in self.ancestors:
            found, parent = set(), slug
            while (parent := self.broader.get(parent)) and parent != slug and parent not in found:
                found.add(parent)
            self.ancestors[slug] = frozenset(found)
        return self.ancestors[slug]

    def topic_of(self, slug):
        return self.topics.get(slug, "")

    def label(self, slug):
        concept = self.labels.get(slug)
        return concept.display_label if concept is not None else slug


def document_concepts(index, given, title, body):
    """A document's concepts: those editors gave it and those its title and text mention, with
    their broader concepts, sorted."""
    found = set(given) | index.mentioned(title) | index.mentioned(body)
    return sorted(index.with_broader(found))


def current():
    """The concept index, read from the database at most every few minutes (saving a concept
    forgets it: search/signals.py)."""
    with _lock:
        loaded_at = _cache["loaded_at"]
        if loaded_at is None or time.monotonic() - loaded_at > CACHE_SECONDS:
            _cache["index"] = ConceptIndex.load()
            _cache["loaded_at"] = time.monotonic()
        return _cache["index"]


def forget():
    _cache["loaded_at"] = None
