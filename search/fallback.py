"""Searching without Elasticsearch: the same documents, ranked in Python from the database.

Used when ELASTICSEARCH_URL is empty (the embedded default) or the engine is down. The
documents come from the same sources as the index (long pages' passages included, ranked like
any document) and are kept in memory for a short while
(content changes clear them), which is fine for a portal of hundreds of pages and entries.
"""

import difflib
import threading
import time
from collections import Counter
from dataclasses import dataclass

from . import text as latvian
from .engine import replace_words
from .query import vocabulary
from .registry import GROUPS, PASSAGE_KIND
from .results import (
    ANY_WORD_SCORE,
    BROADER_CONCEPT_SCORE,
    CONCEPT_SCORE,
    CONTACTS_GROUP,
    CONTACTS_WEIGHT_WITH_PLACE,
    MEDIATOR_INTENT,
    MEDIATOR_KIND,
    MEDIATOR_PLACE_SCORE,
    MEDIATOR_WEIGHT,
    MUNICIPALITY_WEIGHT,
    ORGANIZATION_WEIGHT,
    PASSAGE_WEIGHT,
    PLACE_PAGE_WEIGHT,
    TOPIC_ONLY_SCORE,
    Hit,
    SearchResults,
    facet_values,
    locales,
    topic_weights,
)
from .sources import all_documents, page_url

CACHE_SECONDS = 60
_lock = threading.Lock()
_cache = {"loaded_at": None, "documents": []}


@dataclass
class Entry:
    """A document prepared for matching: word sets of each field tier."""

    doc_id: str
    document: dict
    title_words: frozenset
    body_words: frozenset
    title_stems: frozenset
    body_stems: frozenset
    title_roots: frozenset
    body_roots: frozenset


def prepare(doc_id, document):
    return Entry(
        doc_id=doc_id,
        document=document,
        title_words=frozenset(latvian.words(document["title"])),
        body_words=frozenset(latvian.words(document["body"])),
        title_stems=frozenset(document["title_stems"].split()),
        body_stems=frozenset(document["body_stems"].split()),
        title_roots=frozenset(document["title_roots"].split()),
        body_roots=frozenset(document["body_roots"].split()),
    )


def forget_documents():
    """Called on content changes: the next search reads the database again."""
    _cache["loaded_at"] = None
    vocabulary.forget()
    page_url.cache_clear()


def entries():
    with _lock:
        loaded_at = _cache["loaded_at"]
        if loaded_at is None or time.monotonic() - loaded_at > CACHE_SECONDS:
            _cache["documents"] = [prepare(*item) for item in all_documents()]
            _cache["loaded_at"] = time.monotonic()
        return _cache["documents"]


def required_matches(count):
    """Mirror of the engine's minimum_should_match "2<75%"."""
    return count if count <= 2 else int(count * 0.75)


def text_score(entry, text):
    """Exact word forms count more than matching stems; title more than body."""
    words = [w for w in latvian.words(text) if latvian.fold(w) not in latvian.STOPWORDS]
    if not words:
        return 0.0
    score = 0.0
    matched = 0
    for word in words:
        word_stem = latvian.stem(latvian.fold(word))
        if word in entry.title_words:
            score += 4 * 3
        elif word_stem in entry.title_stems:
            score += 2 * 3
        elif word in entry.body_words:
            score += 4
        elif word_stem in entry.body_stems:
            score += 2
        elif word_stem[: latvian.ROOT_LENGTH] in entry.title_roots:
            score += 0.5 * 3
        elif word_stem[: latvian.ROOT_LENGTH] in entry.body_roots:
            score += 0.5
        else:
            continue
        matched += 1
    return score if matched >= required_matches(len(words)) else 0.0


def passes_filters(document, plan):
    if document["locale"] not in locales(plan):
        return False
    municipalities = document["municipalities"]
    if plan.municipality and plan.municipality not in municipalities:
        return False
    if (
        plan.near_municipality
        and document["group"] == "contacts"
        and municipalities
        and plan.near_municipality not in municipalities
    ):
        return False
    if plan.topic and plan.topic not in document["topics"]:
        return False
    if plan.group and document["group"] != plan.group:
        return False
    return not (plan.kind and document["kind"] != plan.kind)


def weight(document, plan):
    factor = 1.0
    place = plan.municipality or plan.near_municipality
    if place:
        if place in document["municipalities"]:
            factor *= MUNICIPALITY_WEIGHT
        if document["group"] == "contacts":
            factor *= CONTACTS_WEIGHT_WITH_PLACE
    for topic, topic_weight in topic_weights(plan):
        if topic in document["topics"]:
            factor *= topic_weight
    if document["kind"] == "organization":
        factor *= ORGANIZATION_WEIGHT
    if document["kind"] == PASSAGE_KIND:
        factor *= PASSAGE_WEIGHT
    if plan.intent == MEDIATOR_INTENT and document["kind"] == MEDIATOR_KIND:
        factor *= MEDIATOR_WEIGHT
    if place and not any(v.strip() for v in plan.variants) and document["kind"] == "municipality":
        factor *= PLACE_PAGE_WEIGHT
    return factor


def topic_only_match(document, plan):
    """Mirror of the engine: a place's contacts on the question's topics match anyway."""
    place = plan.municipality or plan.near_municipality
    return (
        place
        and document["group"] == "contacts"
        and place in document["municipalities"]
        and bool(set(plan.boost_topics) & set(document["topics"]))
    )


def concept_score(document, plan):
    """Mirror of the engine's concept_query."""
    concepts = set(document.get("concepts", ()))
    return CONCEPT_SCORE * len(concepts & set(plan.concepts)) + BROADER_CONCEPT_SCORE * len(
        concepts & set(plan.broader_concepts)
    )


def match_score(entry, plan, variants):
    """The unweighted score of one document, 0 when it does not match."""
    document = entry.document
    if not variants and not plan.concepts and plan.intent != MEDIATOR_INTENT:
        return 1.0
    score = max((text_score(entry, v) for v in variants), default=0.0)
    if variants and not score and topic_only_match(document, plan):
        stems = latvian.query_stems(variants[0])
        shared = len(stems & (entry.title_stems | entry.body_stems))
        score = TOPIC_ONLY_SCORE + ANY_WORD_SCORE * shared
    place = plan.municipality or plan.near_municipality
    if plan.intent == MEDIATOR_INTENT and place and document["kind"] == MEDIATOR_KIND:
        score += MEDIATOR_PLACE_SCORE if place in document["municipalities"] else 0.0
    return score + concept_score(document, plan)


def nearest_contacts(plan, exclude):
    """Mirror of the engine's relaxed pass: contacts in the place sharing any word stem,
    concept or topic with the question (the place's own page at least)."""
    place = plan.municipality or plan.near_municipality
    stems = set().union(*(latvian.query_stems(v) for v in plan.variants if v.strip()))
    scored = []
    for entry in entries():
        document = entry.document
        if entry.doc_id in exclude or document["group"] != CONTACTS_GROUP:
            continue
        if not passes_filters(document, plan) or (
            place and place not in document["municipalities"]
        ):
            continue
        score = len(stems & (entry.title_stems | entry.body_stems)) + concept_score(document, plan)
        score += TOPIC_ONLY_SCORE * len(set(plan.boost_topics) & set(document["topics"]))
        if place and document["kind"] == "municipality":
            score += 0.1
        if score:
            scored.append((score * weight(document, plan), entry))
    scored.sort(key=lambda pair: (-pair[0], pair[1].document["title"]))
    return scored


def run(plan):
    variants = [v for v in plan.variants if v.strip()]
    scored = []
    for entry in entries():
        document = entry.document
        if not passes_filters(document, plan):
            continue
        score = match_score(entry, plan, variants)
        if score:
            scored.append((score * weight(document, plan), entry))
    scored.sort(key=lambda pair: (-pair[0], pair[1].document["title"]))
    results = SearchResults(plan=plan, engine="database", total=len(scored))
    query = " ".join(variants)
    if plan.grouped:
        page = []
        for group in GROUPS:
            members = [pair for pair in scored if pair[1].document["group"] == group]
            if members:
                results.group_totals[group] = len(members)
            page += members[plan.offset : plan.offset + plan.per_page]
    else:
        page = scored[plan.offset : plan.offset + plan.per_page]
    results.hits = [to_hit(score, entry, query) for score, entry in page]
    if results.needs_nearest_contacts:
        found = {hit.doc_id for hit in results.hits}
        nearest = nearest_contacts(plan, found)
        results.add_nearest([to_hit(score, entry, query) for score, entry in nearest[:3]])
    counts = {name: Counter() for name in ("type", "municipality", "topic")}
    for _score, entry in scored:
        counts["type"][entry.document["kind"]] += 1
        counts["municipality"].update(entry.document["municipalities"])
        counts["topic"].update(entry.document["topics"])
    selected = {"type": plan.kind, "municipality": plan.municipality, "topic": plan.topic}
    for name, counter in counts.items():
        results.facets[name] = facet_values(name, counter.items(), selected[name])
    if results.total < 3 and variants:
        corrected = spelling(plan.understanding.query)
        if latvian.fold(corrected) != latvian.fold(plan.understanding.query) or not results.total:
            results.did_you_mean = corrected
    return results


def to_hit(score, entry, query):
    document = entry.document
    return Hit(
        doc_id=entry.doc_id,
        kind=document["kind"],
        group=document["group"],
        title=document["title"],
        url=document["url"],
        snippet=latvian.snippet(document["body"] or document["summary"], query),
        municipalities=document["municipalities"],
        topics=document["topics"],
        score=score,
        locale=document.get("locale", ""),
        phone=document.get("phone", ""),
        page_title=document.get("page_title", ""),
    )


def spelling(query):
    """Replace words no document contains with the closest word that documents do contain."""
    known = {}
    known_stems = set()
    for entry in entries():
        for word in entry.title_words | entry.body_words:
            known.setdefault(latvian.fold(word), word)
        known_stems |= entry.title_stems | entry.body_stems
    replacements = {}
    for word in latvian.words(query):
        folded = latvian.fold(word)
        if len(word) < 4 or folded in known or latvian.stem(folded) in known_stems:
            continue
        close = difflib.get_close_matches(folded, known.keys(), n=1, cutoff=0.75)
        if close:
            replacements[word] = known[close[0]]
    return replace_words(query, replacements)


def suggest(prefix, locale, size=8):
    """Autocomplete from titles whose words start with the folded prefix."""
    folded = latvian.fold(prefix).strip()
    found = []
    for entry in entries():
        document = entry.document
        if document["locale"] not in (locale, "") or not document["suggest"]:
            continue  # passages are not suggested, as in the index
        title_words = latvian.fold(document["title"]).split()
        if any(word.startswith(folded) for word in title_words) or latvian.fold(
            document["title"]
        ).startswith(folded):
            found.append(
                {"title": document["title"], "url": document["url"], "type": document["kind"]}
            )
    found.sort(key=lambda item: item["title"])
    return found[:size]
