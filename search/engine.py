"""Searching Elasticsearch: the query, filters, boosts, facets, highlights and spelling."""

from elasticsearch.dsl import Q, Search

from . import documents
from . import text as latvian
from .results import (
    ANY_WORD_SCORE,
    CONTACTS_WEIGHT_WITH_PLACE,
    MUNICIPALITY_WEIGHT,
    ORGANIZATION_WEIGHT,
    PLACE_PAGE_WEIGHT,
    TOPIC_ONLY_SCORE,
    Hit,
    SearchResults,
    facet_values,
    topic_weights,
)

# With one or two words all must match; with more, three of four will do.
MINIMUM_SHOULD_MATCH = "2<75%"
FACETS = {"type": "kind", "municipality": "municipalities", "topic": "topics"}
SUGGEST_SIZE = 8
HIT_OPTIONS = {
    "_source": ["kind", "group", "title", "url", "summary", "municipalities", "topics", "body"],
    "highlight": {
        "fields": {"body": {}, "body.stem": {}},
        "number_of_fragments": 1,
        "fragment_size": 200,
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "encoder": "html",
    },
}


def text_query(text):
    """Exact forms score above dictionary stems, above folded forms, above folded stems."""
    tiers = [
        (text, ["title^3", "body"], 4.0),
        (text, ["title.stem^3", "body.stem"], 3.0),
        (latvian.folded_text(text), ["title_folded^3", "body_folded"], 2.0),
        (latvian.stemmed_text(text), ["title_stems^3", "body_stems"], 1.0),
        (latvian.roots_text(text), ["title_roots^3", "body_roots"], 0.5),
    ]
    folded = latvian.folded_text(text)
    # Typing mistakes: folded words within an edit or two (best_fields: cross_fields can't).
    fuzzy = Q(
        "multi_match",
        query=folded,
        fields=["title_folded^3", "body_folded"],
        fuzziness="AUTO",
        prefix_length=1,
        minimum_should_match=MINIMUM_SHOULD_MATCH,
        boost=0.3,
    )
    queries = [
        Q(
            "multi_match",
            query=query,
            fields=fields,
            type="cross_fields",
            operator="or",
            minimum_should_match=MINIMUM_SHOULD_MATCH,
            boost=boost,
        )
        for query, fields, boost in tiers
        if query
    ]
    if folded:
        queries.append(fuzzy)
    return Q("dis_max", tie_breaker=0.3, queries=queries)


def filters(plan):
    clauses = [Q("terms", locale=[plan.locale, ""])]
    if plan.municipality:
        clauses.append(Q("term", municipalities=plan.municipality))
    if plan.near_municipality:
        # Another municipality's contacts are of no use; its experience may be.
        clauses.append(
            Q("term", municipalities=plan.near_municipality)
            | ~Q("exists", field="municipalities")
            | ~Q("term", group="contacts")
        )
    if plan.topic:
        clauses.append(Q("term", topics=plan.topic))
    if plan.kind:
        clauses.append(Q("term", kind=plan.kind))
    if plan.group:
        clauses.append(Q("term", group=plan.group))
    return clauses


def build_search(plan, alias):
    variants = [v for v in plan.variants if v.strip()]
    place = plan.municipality or plan.near_municipality
    if variants:
        matching = Q("dis_max", queries=[text_query(v) for v in variants])
        if place and plan.boost_topics:
            # "Who to call in X about Y": X's contacts for topic Y, even without the words.
            matching |= Q(
                "bool",
                filter=[
                    Q("term", group="contacts"),
                    Q("term", municipalities=place),
                    Q("terms", topics=plan.boost_topics),
                ],
                should=[
                    Q("constant_score", filter=Q("match_all"), boost=TOPIC_ONLY_SCORE),
                    Q(
                        "multi_match",
                        query=latvian.stemmed_text(variants[0]),
                        fields=["title_stems", "body_stems"],
                        boost=ANY_WORD_SCORE,
                    ),
                ],
            )
    else:
        matching = Q("match_all")
    functions = []
    if not variants and place:
        # Only a place asked: its own page first.
        functions.append({"filter": Q("term", kind="municipality"), "weight": PLACE_PAGE_WEIGHT})
    if place:
        functions.append({"filter": Q("term", municipalities=place), "weight": MUNICIPALITY_WEIGHT})
        functions.append(
            {"filter": Q("term", group="contacts"), "weight": CONTACTS_WEIGHT_WITH_PLACE}
        )
    for topic, weight in topic_weights(plan):
        functions.append({"filter": Q("term", topics=topic), "weight": weight})
    functions.append({"filter": Q("term", kind="organization"), "weight": ORGANIZATION_WEIGHT})
    query = Q("bool", must=[matching], filter=filters(plan))
    query = Q(
        "function_score",
        query=query,
        functions=functions,
        score_mode="multiply",
        boost_mode="multiply",
    )
    search = Search(index=alias).query(query).extra(track_total_hits=True)
    if plan.grouped:
        # Each group's page of hits from one request.
        search = search.extra(size=0)
        search.aggs.bucket("groups", "terms", field="group", size=10).metric(
            "top", "top_hits", **{"from": plan.offset}, size=plan.per_page, **HIT_OPTIONS
        )
    else:
        search = search.update_from_dict(HIT_OPTIONS)[plan.offset : plan.offset + plan.per_page]
    for name, field in FACETS.items():
        search.aggs.bucket(name, "terms", field=field, size=50)
    if variants:
        search = search.suggest(
            "spelling",
            plan.variants[0],
            term={"field": "body", "suggest_mode": "missing", "min_word_length": 4},
        )
    return search


def run(plan):
    """Search the index; engine errors propagate to the caller (which falls back)."""
    es = documents.client(timeout=5)
    response = build_search(plan, documents.alias_name()).using(es).execute()
    results = SearchResults(plan=plan, engine="elasticsearch", total=response.hits.total.value)
    if plan.grouped:
        for bucket in response.aggregations.groups.buckets:
            results.group_totals[bucket.key] = bucket.doc_count
            results.hits += [to_hit(hit, plan) for hit in bucket.top.hits.hits]
    else:
        results.hits = [to_hit(hit, plan) for hit in response.hits]
    selected = {"type": plan.kind, "municipality": plan.municipality, "topic": plan.topic}
    for name in FACETS:
        buckets = response.aggregations[name].buckets
        results.facets[name] = facet_values(
            name, [(b.key, b.doc_count) for b in buckets], selected[name]
        )
    if results.total < 3 and "spelling" in (response.suggest or {}):
        corrected = correction(plan.understanding.query, response.suggest.spelling)
        # Only real misspellings: restoring diacritics alone is not worth a prompt.
        if latvian.fold(corrected) != latvian.fold(plan.understanding.query) or not results.total:
            results.did_you_mean = corrected
    return results


def to_hit(hit, plan):
    """A Hit from a search hit (a Document) or a top_hits entry (a plain AttrDict)."""
    if hasattr(hit, "meta"):
        source, doc_id, score = hit.to_dict(), hit.meta.id, hit.meta.score
        highlight = getattr(hit.meta, "highlight", None)
    else:
        source, doc_id, score = hit["_source"].to_dict(), hit["_id"], hit["_score"]
        highlight = getattr(hit, "highlight", None)
    fragment = ""
    if highlight is not None:
        for field in ("body", "body.stem"):
            if field in highlight:
                fragment = highlight[field][0]
                break
    if not fragment:
        # Matched in the folded fields only, or no query text: show the summary.
        query = " ".join(plan.variants)
        fragment = latvian.snippet(source.get("body") or source.get("summary", ""), query)
    return Hit(
        doc_id=doc_id,
        kind=source.get("kind", ""),
        group=source.get("group", ""),
        title=source.get("title", ""),
        url=source.get("url", ""),
        snippet=fragment,
        municipalities=list(source.get("municipalities", [])),
        topics=list(source.get("topics", [])),
        score=score or 0.0,
        locale=source.get("locale", ""),
    )


def correction(query, suggestions):
    """The question with misspelt words replaced by their most likely indexed forms."""
    replacements = {
        entry.text: entry.options[0].text
        for entry in suggestions
        # Another form of the same word (grafiks → grafiku) is not a misspelling.
        if entry.options and stem_of(entry.text) != stem_of(entry.options[0].text)
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
    search = (
        Search(index=documents.alias_name())
        .source(["title", "url", "kind"])
        .suggest(
            "titles",
            latvian.fold(prefix),
            completion={
                "field": "suggest",
                # Several inputs of one document may match; duplicates are dropped below.
                "size": size * 3,
                "fuzzy": {"fuzziness": "AUTO", "min_length": 4},
            },
        )
    )
    response = search.using(es).execute()
    found = {}
    for option in response.suggest.titles[0].options:
        source = option._source
        found.setdefault(
            option._id, {"title": source.title, "url": source.url, "type": source.kind}
        )
    return list(found.values())[:size]
