"""What a search answers, the same from Elasticsearch and from the database fallback."""

import math
from dataclasses import dataclass, field

from .params import PER_GROUP, PER_PAGE
from .query import MEDIATOR as MEDIATOR_INTENT
from .query import understand, vocabulary
from .registry import GROUPS, KINDS

# Multipliers shared by both engines, so their rankings agree.
MUNICIPALITY_WEIGHT = 4.0
MAIN_TOPIC_WEIGHT = 2.0  # the topic most of the question's cue words point to
TOPIC_WEIGHT = 1.3
CONTACTS_WEIGHT_WITH_PLACE = 1.5
# An organisation's own entry below its services': those say what it does.
ORGANIZATION_WEIGHT = 0.6
# A long page's section below whole pages that match as well: a short text scores high on
# words every section shares (one page's sections would fill a group).
PASSAGE_WEIGHT = 0.5
PLACE_PAGE_WEIGHT = 2.0  # a question that is only a place name: the municipality's page
# Score of a contact found by place and topic alone (text matches score far higher), plus a
# little for each question word it has in any form.
TOPIC_ONLY_SCORE = 1.0
ANY_WORD_SCORE = 0.2
# A document sharing a concept with the question, and one sharing only a broader concept.
CONCEPT_SCORE = 3.0
BROADER_CONCEPT_SCORE = 1.0
# "mediatore Viļakā": the mediator profiles first, in their group shown first.
MEDIATOR_KIND = "mediator"
MEDIATOR_WEIGHT = 6.0
MEDIATOR_PLACE_SCORE = 10.0  # the asked place's mediator matches whatever else is asked
# The relaxed pass fills "Kam zvanīt" up to this many.
RELAXED_CONTACTS = 3
CONTACTS_GROUP = "contacts"


def locales(plan):
    """Languages a search answers in: the interface's, untranslated entries, and for English
    also the Latvian content (marked lang="lv"), which is most of the portal."""
    return [plan.locale, "", "lv"] if plan.locale == "en" else [plan.locale, ""]


def topic_weights(plan):
    """(topic slug, multiplier) for the recognised topics."""
    return [
        (slug, MAIN_TOPIC_WEIGHT if position == 0 else TOPIC_WEIGHT)
        for position, slug in enumerate(plan.boost_topics)
    ]


@dataclass
class Plan:
    """A search after query understanding: what to match, filter and boost."""

    understanding: object
    variants: list
    locale: str
    municipality: str = ""  # filter: only this municipality
    near_municipality: str = ""  # recognised: its contacts only, its other content first
    topic: str = ""  # filter
    boost_topics: list = field(default_factory=list)
    concepts: list = field(default_factory=list)  # named by the question
    broader_concepts: list = field(default_factory=list)  # above those, weaker
    intent: str = ""  # query.CONTACTS, query.MEDIATOR or ""
    kind: str = ""  # filter
    group: str = ""  # filter
    page: int = 1

    @property
    def grouped(self):
        """All groups side by side (each paged by PER_GROUP), or one list (by PER_PAGE)."""
        return not (self.kind or self.group)

    @property
    def per_page(self):
        return PER_GROUP if self.grouped else PER_PAGE

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


def make_plan(params, locale):
    understanding = understand(params.q)
    ignored = set(params.ignore)
    variants = understanding.variants
    near = ""
    if understanding.municipality is not None:
        slug = understanding.municipality.slug
        if f"municipality:{slug}" in ignored:
            # The visitor removed the place: its word is searched as plain text again.
            variants = [f"{v} {understanding.municipality_words}".strip() for v in variants] or [
                understanding.municipality_words
            ]
            understanding.municipality = None
        elif slug != params.municipality:
            near = slug
    understanding.topics = [t for t in understanding.topics if f"topic:{t}" not in ignored]
    understanding.concepts = [
        match for match in understanding.concepts if f"concept:{match.slug}" not in ignored
    ]
    concepts = list(dict.fromkeys(match.slug for match in understanding.concepts))
    broader = vocabulary.concepts.with_broader(concepts) - set(concepts)
    return Plan(
        understanding=understanding,
        variants=variants,
        locale=locale,
        municipality=params.municipality,
        near_municipality="" if params.municipality else near,
        topic=params.topic,
        boost_topics=[t for t in understanding.topics if t != params.topic],
        concepts=concepts,
        broader_concepts=sorted(broader),
        intent=understanding.intent,
        kind=params.type,
        group=params.group,
        page=params.page,
    )


@dataclass
class Hit:
    doc_id: str
    kind: str
    group: str
    title: str
    url: str
    snippet: str  # HTML: escaped text with <mark>
    municipalities: list
    topics: list
    score: float = 0.0
    locale: str = ""
    nearest: bool = False  # found by the relaxed pass, not by the question itself
    phone: str = ""  # a contact's number, to call from the result
    page_title: str = ""  # a passage's page: the title is then the section's heading
    details: dict = field(default_factory=dict)  # its source's hit_details(): open now, address
    stored_details: dict | None = None  # what its indexed document stores for those details

    @property
    def language(self):
        """The language of the title and snippet; directory records carry none and are Latvian."""
        return self.locale or "lv"

    @property
    def kind_label(self):
        return KINDS.get(self.kind, self.kind)

    @property
    def municipality_titles(self):
        return [vocabulary.municipality_title(slug) for slug in self.municipalities]

    def as_json(self):
        return {
            "id": self.doc_id,
            "type": self.kind,
            "type_label": str(self.kind_label),
            "group": self.group,
            "title": self.title,
            "page_title": self.page_title,
            "url": self.url,
            "snippet": self.snippet,
            "municipalities": self.municipalities,
            "topics": self.topics,
            "score": round(self.score, 4),
            "nearest": self.nearest,
            "phone": self.phone or None,
        }


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    plan: Plan
    engine: str  # "elasticsearch" or "database"
    total: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # name → [FacetValue]
    group_totals: dict = field(default_factory=dict)  # group → matches in all pages
    did_you_mean: str = ""

    @property
    def num_pages(self):
        counts = self.group_totals.values() if self.plan.grouped else [self.total]
        return max([1, *(math.ceil(count / self.plan.per_page) for count in counts)])

    @property
    def ordered_hits(self):
        """The page's hits in the order the page shows them (group by group)."""
        return [hit for group in self.groups for hit in group["hits"]]

    @property
    def needs_nearest_contacts(self):
        """Fewer than three contacts on the first page of a question: try the relaxed pass."""
        plan = self.plan
        asked = any(v.strip() for v in plan.variants) or plan.concepts or plan.intent
        return (
            plan.grouped
            and plan.page == 1
            and asked
            and self.group_totals.get(CONTACTS_GROUP, 0) < RELAXED_CONTACTS
        )

    def add_nearest(self, hits):
        """Add relaxed-pass contacts (marked) up to RELAXED_CONTACTS in "Kam zvanīt"; totals
        keep counting only what matched the question."""
        have = self.group_totals.get(CONTACTS_GROUP, 0)
        added = hits[: max(0, RELAXED_CONTACTS - have)]
        for hit in added:
            hit.nearest = True
        self.hits += added

    @property
    def groups(self):
        """The page's hits by group, whom to call first (the mediators first when a place's
        mediator is asked), with each group's total; one hit per page (see one_per_page)."""
        grouped = []
        keys = list(GROUPS)
        if self.plan.intent == MEDIATOR_INTENT:
            mediator_groups = [h.group for h in self.hits if h.kind == MEDIATOR_KIND]
            keys.sort(key=lambda key: key not in mediator_groups[:1])
        for key in keys:
            label = GROUPS[key]
            members = one_per_page([hit for hit in self.hits if hit.group == key])
            if members:
                matched = [hit for hit in members if not hit.nearest]
                total = self.group_totals.get(key, len(matched))
                grouped.append({"key": key, "label": label, "hits": members, "total": total})
        return grouped

    @property
    def is_fallback(self):
        return self.engine != "elasticsearch"


def one_per_page(hits):
    """The hits without the later ones of a page already there: a long page's passages (ids
    "<page's id>#<anchor>") would otherwise fill a group with one page's sections, and a page
    and its translation share one address in the reader's language."""
    seen = set()
    kept = []
    for hit in hits:
        page = (hit.url or hit.doc_id).partition("#")[0]
        if page not in seen:
            seen.add(page)
            kept.append(hit)
    return kept


def facet_values(name, counts, selected):
    """Facet values with labels, most frequent first."""
    if name == "type":
        label = lambda value: str(KINDS.get(value, value))  # noqa: E731
    elif name == "municipality":
        label = vocabulary.municipality_title
    else:
        label = vocabulary.topic_label
    values = [
        FacetValue(value, label(value), count, value == selected)
        for value, count in counts
        if count
    ]
    return sorted(values, key=lambda v: (-v.count, v.label))
