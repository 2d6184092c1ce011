"""Query understanding: the place, the intent, the concepts and the topics of a question.

"ģimenei Ventspilī ir īres parādi" → municipality Ventspils (from the locative), concept
"īres parāds" and topic mājoklis; "Ringla kontakti" → contacts wanted, "Ringla" is searched;
"mediatore Viļakā" → Viļaka's mediator wanted. The place and request words leave the text.
"""

import time
from dataclasses import dataclass, field
from functools import lru_cache

from django.apps import apps

from . import concepts as vocabulary_concepts
from . import text as latvian
from .registry import place_sources

VOCABULARY_SECONDS = 300
# Words that say what the asker wants, not what about: they leave the text.
CONTACT_WORDS = """kontakti kontaktinformācija tālrunis telefons numurs adrese epasts e-pasts
zvanīt piezvanīt kur kam contacts contact phone telephone number address email where"""
REQUEST_WORDS = """vajag vajadzīgs nepieciešams nepieciešama meklēju gribu atrast lūdzu
palīdzēt kas kā kāds kāda ko kurš kura need looking who what how please"""
MEDIATOR_WORDS = """mediators mediatore mediatori mediatoru mediatoram mediatorei mediator
mediators"""
CONTACTS, MEDIATOR = "contacts", "mediator"


@dataclass
class Municipality:
    slug: str
    title: str
    url: str = ""


@dataclass
class Understanding:
    query: str
    text: str = ""
    municipality: Municipality | None = None
    municipality_words: str = ""
    topics: list = field(default_factory=list)
    abbreviations: dict = field(default_factory=dict)
    concepts: list = field(default_factory=list)  # ConceptMatch, best first
    intent: str = ""  # CONTACTS, MEDIATOR or ""
    request_words: list = field(default_factory=list)

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
        self.municipalities = {}  # slug → Municipality
        self.topic_labels = {}
        self.cues = {}
        self.concepts = vocabulary_concepts.ConceptIndex()

    def forget(self):
        self.loaded_at = None
        vocabulary_concepts.forget()

    def ensure(self):
        if self.loaded_at is not None and time.monotonic() - self.loaded_at < VOCABULARY_SECONDS:
            return
        forms, stems, municipalities = {}, {}, {}
        for source in place_sources():
            for slug, title, names, url in source.place_names():
                municipality = Municipality(slug, title, url)
                municipalities[slug] = municipality
                for name in filter(None, names):
                    forms[latvian.fold(name).strip()] = municipality
                    stems[stem_phrase(name)] = municipality
        topic_labels = {
            topic.slug: topic for topic in apps.get_model("taxonomy", "Topic").objects.all()
        }
        self.municipality_forms, self.municipality_stems = forms, stems
        self.municipalities, self.topic_labels = municipalities, topic_labels
        self.cues = cue_index(topic_labels.values())
        self.concepts = vocabulary_concepts.current()
        self.loaded_at = time.monotonic()

    def topic_label(self, slug):
        self.ensure()
        topic = self.topic_labels.get(slug)
        return topic.label if topic is not None else slug

    def municipality(self, slug):
        self.ensure()
        return self.municipalities.get(slug)

    def municipality_title(self, slug):
        self.ensure()
        municipality = self.municipalities.get(slug)
        return municipality.title if municipality is not None else slug


def stems_of(words):
    """Folded stems of whitespace-separated words (how the lists above are compared)."""
    return {latvian.word_stem(word) for word in latvian.words(words)}


CONTACT_STEMS, REQUEST_STEMS = stems_of(CONTACT_WORDS), stems_of(REQUEST_WORDS)
MEDIATOR_STEMS = stems_of(MEDIATOR_WORDS)


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
    """Find the municipality, intent, concepts, topics and abbreviations in a question."""
    vocabulary.ensure()
    found = Understanding(query=query)
    words = latvian.words(query)
    skip = find_municipality(found, words)
    remaining = [word for i, word in enumerate(words) if i not in skip]
    remaining = find_intent(found, remaining)
    content = [w for w in remaining if latvian.fold(w) not in latvian.STOPWORDS]
    found.concepts, _covered = vocabulary.concepts.find(content)
    for word in content:
        label = vocabulary.concepts.abbreviations.get(latvian.fold(word))
        if label:
            found.abbreviations[word] = label
    found.topics = question_topics(content, found.concepts)
    found.text = " ".join(content)
    return found


def find_municipality(found, words):
    """Set the municipality the words name; returns the positions of its words."""
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
    return skip


def find_intent(found, words):
    """Take out the words that say what is wanted; returns the words left."""
    left = []
    for word in words:
        word_stem = latvian.word_stem(word)
        if word_stem in CONTACT_STEMS:
            found.intent = found.intent or CONTACTS
        elif word_stem in MEDIATOR_STEMS and found.municipality is not None:
            # "mediatore Viļakā": the place's mediator; without a place it is a plain word.
            found.intent = MEDIATOR
        elif word_stem not in REQUEST_STEMS:
            left.append(word)
            continue
        found.request_words.append(word)
    return left


def question_topics(words, concept_matches):
    """Topic slugs, the one most cue words and concepts point to first."""
    counts = {}
    for word in words:
        for slug in sorted(vocabulary.cues.get(latvian.word_stem(word), ())):
            counts[slug] = counts.get(slug, 0) + 1
    for match in concept_matches:
        slug = vocabulary.concepts.topic_of(match.slug)
        if slug and slug in vocabulary.topic_labels:
            counts[slug] = counts.get(slug, 0) + 1
    return sorted(counts, key=lambda slug: -counts[slug])
