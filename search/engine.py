"""Searching Elasticsearch: the query, filters, boosts, facets, highlights and spelling.

Request bodies are plain dicts and responses are read as plain dicts: the DSL's objects cost
more Python time per search than the rest of the request together (bench/README.md).
"""

from . import documents
from . import text as latvian
from .registry import PASSAGE_KIND
from .results import (
    ANY_WORD_SCORE,
    BROADER_CONCEPT_SCORE,
    CONCEPT_SCORE,
    CONTACTS_WEIGHT_WITH_PLACE,
    MEDIATOR_INTENT,
    MEDIATOR_KIND,
    MEDIATOR_PLACE_SCORE,
    MEDIATOR_WEIGHT,
    MUNICIPALITY_WEIGHT,
    ORGANIZATION_WEIGHT,
    PASSAGE_WEIGHT,
    PLACE_PAGE_WEIGHT,
    RELAXED_CONTACTS,
    TOPIC_ONLY_SCORE,
    Hit,
    SearchResults,
    facet_values,
    locales,
    topic_weights,
)

# With one or two words all must match; with more, three of four will do.
MINIMUM_SHOULD_MATCH = "2<75%"
FACETS = {"type": "kind", "municipality": "municipalities", "topic": "topics"}
SUGGEST_SIZE = 8
# Fewer matches than this without typo tolerance: the search is asked again with it.
TYPOS_BELOW = 3
SOURCE_FIELDS = [
    "kind",
    "group",
    "title",
    "page_title",
    "url",
    "summary",
    "municipalities",
    "topics",
    "body",
    "phone",
    "details",
]
HIGHLIGHT = {
    # The plain highlighter: the default (unified) one, without offsets in the index, took up to
    # 0.7 s for a question over long articles and posts (p95 310 ms against 53, scale 0.3).
    # Exact forms only: re-analysing each hit with hunspell for `body.stem` was half of a
    # search's time; a hit matched by stems gets latvian.snippet(), which knows them too.
    "type": "plain",
    "fields": {"body": {}},
    "number_of_fragments": 1,
    "fragment_size": 200,
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",
}


def term(field, value):
    return {"term": {field: value}}


def text_query(text, typos):
    """Exact forms score above dictionary stems, above folded forms, above folded stems; with
    `typos`, folded words within an edit or two match too."""
    folded, stems, roots = latvian.copies(text)
    tiers = [
        (text, ["title^3", "body"], 4.0),
        (text, ["title.stem^3", "body.stem"], 3.0),
        (folded, ["title_folded^3", "body_folded"], 2.0),
        (stems, ["title_stems^3", "body_stems"], 1.0),
        (roots, ["title_roots^3", "body_roots"], 0.5),
    ]
    queries = [
        {
            "multi_match": {
                "query": query,
                "fields": fields,
                "minimum_should_match": MINIMUM_SHOULD_MATCH,
                "operator": "or",
                "type": "cross_fields",
                "boost": boost,
            }
        }
        for query, fields, boost in tiers
        if query
    ]
    if folded and typos:
        # Typing mistakes: folded words within an edit or two (best_fields: cross_fields can't).
        queries.append(
            {
                "multi_match": {
                    "query": folded,
                    "fields": ["title_folded^3", "body_folded"],
                    "fuzziness": "AUTO",
                    "minimum_should_match": MINIMUM_SHOULD_MATCH,
                    "prefix_length": 1,
                    "boost": 0.3,
                }
            }
        )
    return {"dis_max": {"queries": queries, "tie_breaker": 0.3}}


def filters(plan):
    clauses = [{"terms": {"locale": locales(plan)}}]
    if plan.municipality:
        clauses.append(term("municipalities", plan.municipality))
    if plan.near_municipality:
        # Another municipality's contacts are of no use; its experience may be.
        clauses.append(
            {
                "bool": {
                    "should": [
                        {"bool": {"must_not": [{"exists": {"field": "municipalities"}}]}},
                        term("municipalities", plan.near_municipality),
                        {"bool": {"must_not": [term("group", "contacts")]}},
                    ]
                }
            }
        )
    if plan.topic:
        clauses.append(term("topics", plan.topic))
    if plan.kind:
        clauses.append(term("kind", plan.kind))
    if plan.group:
        clauses.append(term("group", plan.group))
    return clauses


def search_body(plan, typos=False):
    """The `_search` request body of a search: hits and facets together."""
    variants = [v for v in plan.variants if v.strip()]
    place = plan.municipality or plan.near_municipality
    body = {
        "query": {
            "function_score": {
                "boost_mode": "multiply",
                "functions": score_functions(plan, variants, place),
                "query": {
                    "bool": {
                        "filter": filters(plan),
                        "must": [matching(plan, variants, place, typos)],
                    }
                },
                "score_mode": "multiply",
            }
        },
        "aggs": {},
        "track_total_hits": True,
    }
    add_hits(body, plan)
    for name, field in FACETS.items():
        body["aggs"][name] = {"terms": {"field": field, "size": 50}}
    return body


def spelling_body(plan):
    """Corrections of the question's words that are in no document (add_spelling)."""
    return {
        "size": 0,
        "track_total_hits": False,
        "suggest": {
            "spelling": {
                "text": plan.variants[0],
                "term": {"field": "body", "suggest_mode": "missing", "min_word_length": 4},
            }
        },
    }


def matching(plan, variants, place, typos):
    """What a document must match: the question's words, or a concept it names, or (with a
    place) the place's contacts on its topics; everything when nothing is asked."""
    if not variants and not plan.concepts and plan.intent != MEDIATOR_INTENT:
        return {"match_all": {}}
    should = [concept_query(plan)] if plan.concepts else []
    if plan.intent == MEDIATOR_INTENT and place:
        # "mediatore Viļakā": the place's mediator, whatever else the question says.
        place_mediator = [term("kind", MEDIATOR_KIND), term("municipalities", place)]
        should.append(
            {
                "constant_score": {
                    "filter": {"bool": {"filter": place_mediator}},
                    "boost": MEDIATOR_PLACE_SCORE,
                }
            }
        )
    if variants:
        should.append({"dis_max": {"queries": [text_query(v, typos) for v in variants]}})
        if place and plan.boost_topics:
            # "Who to call in X about Y": X's contacts for topic Y, even without the words.
            should.append(place_and_topic(plan, variants[0], place))
    return should[0] if len(should) == 1 else {"bool": {"should": should}}


def concept_query(plan):
    """A document sharing a concept with the question matches even without its words; each
    shared concept adds the same score, a broader one less."""
    clauses = [
        {"constant_score": {"filter": term("concepts", slug), "boost": CONCEPT_SCORE}}
        for slug in plan.concepts
    ]
    clauses += [
        {"constant_score": {"filter": term("concepts", slug), "boost": BROADER_CONCEPT_SCORE}}
        for slug in plan.broader_concepts
    ]
    return {"bool": {"should": clauses}}


def relaxed_body(plan, exclude):
    """Nearest contacts when the strict pass found too few: any word, concept or topic of the
    question in the asked place (or anywhere when no place is named)."""
    place = plan.municipality or plan.near_municipality
    should = []
    if place:
        # A named place always has an answer: at least its own page.
        should.append({"constant_score": {"filter": term("kind", "municipality"), "boost": 0.1}})
    for variant in filter(str.strip, plan.variants):
        should.append(
            {
                "multi_match": {
                    "query": latvian.stemmed_text(variant),
                    "fields": ["title_stems^3", "body_stems"],
                    "operator": "or",
                }
            }
        )
    should += concept_query(plan)["bool"]["should"]
    should += [
        {"constant_score": {"filter": term("topics", slug), "boost": TOPIC_ONLY_SCORE}}
        for slug in plan.boost_topics
    ]
    clauses = [*filters(plan), term("group", "contacts")]
    if place:
        clauses.append(term("municipalities", place))
    return {
        "query": {
            "bool": {
                "filter": clauses,
                "should": should,
                "minimum_should_match": 1,
                "must_not": [{"ids": {"values": list(exclude)}}],
            }
        },
        "size": RELAXED_CONTACTS,
        "_source": SOURCE_FIELDS,
        # No count of all matches: Elasticsearch may then skip documents that can't reach
        # the top three (block-max WAND), the bulk of this broad query's time.
        "track_total_hits": False,
    }


def place_and_topic(plan, text, place):
    return {
        "bool": {
            "filter": [
                term("group", "contacts"),
                term("municipalities", place),
                {"terms": {"topics": plan.boost_topics}},
            ],
            "should": [
                {"constant_score": {"filter": {"match_all": {}}, "boost": TOPIC_ONLY_SCORE}},
                {
                    "multi_match": {
                        "query": latvian.stemmed_text(text),
                        "fields": ["title_stems", "body_stems"],
                        "boost": ANY_WORD_SCORE,
                    }
                },
            ],
        }
    }


def score_functions(plan, variants, place):
    """Multipliers: the asked place, contacts there, the question's topics, organisations."""
    functions = []
    if not variants and place:
        # Only a place asked: its own page first.
        functions.append({"filter": term("kind", "municipality"), "weight": PLACE_PAGE_WEIGHT})
    if place:
        functions.append({"filter": term("municipalities", place), "weight": MUNICIPALITY_WEIGHT})
        functions.append(
            {"filter": term("group", "contacts"), "weight": CONTACTS_WEIGHT_WITH_PLACE}
        )
    for topic, weight in topic_weights(plan):
        functions.append({"filter": term("topics", topic), "weight": weight})
    functions.append({"filter": term("kind", "organization"), "weight": ORGANIZATION_WEIGHT})
    functions.append({"filter": term("kind", PASSAGE_KIND), "weight": PASSAGE_WEIGHT})
    if plan.intent == MEDIATOR_INTENT:
        functions.append({"filter": term("kind", MEDIATOR_KIND), "weight": MEDIATOR_WEIGHT})
    return functions


def add_hits(body, plan):
    """The page of hits: one list, or each group's page from one request."""
    if plan.grouped:
        top_hits = {
            "highlight": HIGHLIGHT,
            "size": plan.per_page,
            "_source": SOURCE_FIELDS,
            "from": plan.offset,
        }
        body["aggs"]["groups"] = {
            "terms": {"field": "group", "size": 10},
            "aggs": {"top": {"top_hits": top_hits}},
        }
        body["size"] = 0
    else:
        body.update(
            {"from": plan.offset, "size": plan.per_page, "_source": SOURCE_FIELDS},
            highlight=HIGHLIGHT,
        )


def run(plan):
    """Search the index; engine errors propagate to the caller (which falls back)."""
    es = documents.client(timeout=5)
    has_text = any(variant.strip() for variant in plan.variants)
    response = es.search(index=documents.alias_name(), body=search_body(plan)).body
    if response["hits"]["total"]["value"] < TYPOS_BELOW and has_text:
        # Few matches: perhaps a typing mistake. The fuzzy clause is a third of a search's time,
        # so only questions that need it pay for it.
        body = search_body(plan, typos=True)
        response = es.search(index=documents.alias_name(), body=body).body
    results = SearchResults(
        plan=plan, engine="elasticsearch", total=response["hits"]["total"]["value"]
    )
    aggregations = response["aggregations"]
    if plan.grouped:
        for bucket in aggregations["groups"]["buckets"]:
            results.group_totals[bucket["key"]] = bucket["doc_count"]
            results.hits += [to_hit(hit, plan) for hit in bucket["top"]["hits"]["hits"]]
    else:
        results.hits = [to_hit(hit, plan) for hit in response["hits"]["hits"]]
    if results.needs_nearest_contacts:
        add_nearest_contacts(es, results)
    selected = {"type": plan.kind, "municipality": plan.municipality, "topic": plan.topic}
    for name in FACETS:
        buckets = aggregations[name]["buckets"]
        results.facets[name] = facet_values(
            name, [(b["key"], b["doc_count"]) for b in buckets], selected[name]
        )
    if results.total < 3 and has_text:
        add_spelling(es, results)
    return results


def add_spelling(es, results):
    """“Did you mean”: asked only when fewer than three results came (3 questions in 200 of
    the relevance set), not with every search (1–3 ms of each)."""
    plan = results.plan
    response = es.search(index=documents.alias_name(), body=spelling_body(plan)).body
    corrected = correction(plan.understanding.query, response["suggest"]["spelling"])
    # Only real misspellings: restoring diacritics alone is not worth a prompt.
    if latvian.fold(corrected) != latvian.fold(plan.understanding.query) or not results.total:
        results.did_you_mean = corrected


def add_nearest_contacts(es, results):
    """The relaxed pass: fill "Kam zvanīt" up to three with the nearest matches, labelled."""
    found = {hit.doc_id for hit in results.hits}
    body = relaxed_body(results.plan, found)
    response = es.search(index=documents.alias_name(), body=body).body
    results.add_nearest([to_hit(hit, results.plan) for hit in response["hits"]["hits"]])


def to_hit(hit, plan):
    """A Hit from one hit of the response (in `hits` or a group's `top_hits`)."""
    source = hit["_source"]
    fragment = ""
    highlight = hit.get("highlight")
    if highlight and "body" in highlight:
        fragment = highlight["body"][0]
    if not fragment:
        # Matched by stems or folded forms only, or no query text: excerpt in Python.
        query = " ".join(plan.variants)
        fragment = latvian.snippet(source.get("body") or source.get("summary", ""), query)
    return Hit(
        doc_id=hit["_id"],
        kind=source.get("kind", ""),
        group=source.get("group", ""),
        title=source.get("title", ""),
        url=source.get("url", ""),
        snippet=fragment,
        municipalities=list(source.get("municipalities", [])),
        topics=list(source.get("topics", [])),
        score=hit.get("_score") or 0.0,
        locale=source.get("locale", ""),
        phone=source.get("phone", ""),
        page_title=source.get("page_title", ""),
        stored_details=source.get("details"),
    )


def correction(query, suggestions):
    """The question with misspelt words replaced by their most likely indexed forms."""
    replacements = {
        entry["text"]: entry["options"][0]["text"]
        for entry in suggestions
        # Another form of the same word (grafiks → grafiku) is not a misspelling.
        if entry["options"] and stem_of(entry["text"]) != stem_of(entry["options"][0]["text"])
    }
    return replace_words(query, replacements)


def stem_of(word):
    return latvian.stem(latvian.fold(word))


def replace_words(query, replacements):
    """`query` with words replaced (compared lowercased); "" when nothing changed."""
    if not replacements:
        return ""
    corrected = latvian.WORD_RE.sub(lambda m: replacements.get(m.group().lower(), m.group()), query)
    return corrected if corrected != query else ""


def suggest(prefix, locale, size=SUGGEST_SIZE):
    """Autocomplete: titles whose words start with the typed (folded) prefix."""
    es = documents.client(timeout=3)
    body = {
        "_source": ["title", "url", "kind"],
        "suggest": {
            "titles": {
                "prefix": latvian.fold(prefix),
                "completion": {
                    "field": "suggest",
                    # Several inputs of one document may match; duplicates are dropped below.
                    "size": size * 3,
                    "fuzzy": {"fuzziness": "AUTO", "min_length": 4},
                },
            }
        },
    }
    response = es.search(index=documents.alias_name(), body=body).body
    found = {}
    for option in response["suggest"]["titles"][0]["options"]:
        source = option["_source"]
        found.setdefault(
            option["_id"],
            {"title": source.get("title"), "url": source.get("url"), "type": source.get("kind")},
        )
    return list(found.values())[:size]
