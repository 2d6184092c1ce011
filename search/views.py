"""The search page and its JSON API; both read only from the index or the database fallback."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.core.client import is_local_url, over_limit
from portal.core.params import BadParameter

from . import promotions, registry, searchlog, service
from .models import SearchLog
from .params import MAX_SUGGEST_LENGTH, BadSearch, parse
from .query import vocabulary
from .registry import GROUPS

TEMPLATE = "search/search.html"
# SEARCH_RATE_LIMIT counts a client's requests per this many seconds.
SEARCH_WINDOW = 60


def fallback_notice():
    return _(
        "Meklēšana darbojas vienkāršotā režīmā: rezultāti nāk tieši no datubāzes, "
        "un to secība var būt mazāk precīza."
    )


def over_search_limit(request, scope="search"):
    """Counts this request; True once the client is over SEARCH_RATE_LIMIT for the window."""
    return over_limit(f"search:{scope}", request, settings.SEARCH_RATE_LIMIT, SEARCH_WINDOW)


def rate_limit_message():
    return _(
        "Pārāk daudz meklēšanas pieprasījumu no šīs adreses. Lūdzu, mēģiniet vēlreiz pēc minūtes."
    )


def refused(response):
    """A 429 response, with when to try again (at most one window from now)."""
    response["Retry-After"] = str(SEARCH_WINDOW)
    return response


def url_with(query_dict, drop=(), add=()):
    """The current query string without the `drop` keys (and page), plus `add` pairs; as
    QueryDict.urlencode() writes it, from plain lists (a page builds dozens of these, and
    QueryDict.copy() deep-copies)."""
    params = {key: values for key, values in query_dict.lists() if key not in (*drop, "page")}
    for key, value in add:
        params[key] = [*params.get(key, ()), value]
    encoded = urlencode([(key, value) for key, values in params.items() for value in values])
    return f"?{encoded}" if encoded else "?"


def attach_hit_details(hits):
    """What each hit's source shows beside it but never searches (open now, an address): from
    its indexed document when it stores them, else read from the database (the fallback)."""
    by_label = {}
    for hit in hits:
        label, _sep, object_id = hit.doc_id.partition(":")
        by_label.setdefault(label, []).append((hit, object_id))
    for label, pairs in by_label.items():
        source = registry.source_by_label(label)
        if source is None:
            continue
        unread = []
        for hit, object_id in pairs:
            if hit.stored_details is None:
                unread.append((hit, object_id))
            else:
                hit.details = source.stored_hit_details(hit.stored_details)
        details = source.hit_details([object_id for _hit, object_id in unread]) if unread else {}
        for hit, object_id in unread:
            hit.details = details.get(object_id, {})


def chips(request, results):
    """What the search understood or was told, each with a link that removes it. A filter
    ("Tikai") leaves everything else out; a priority ("Vispirms") only ranks its matches first."""
    plan, understood, get = results.plan, results.plan.understanding, request.GET
    found = []
    if plan.municipality:
        name = vocabulary.municipality_title(plan.municipality)
        found.append(chip(_("Tikai: %(name)s") % {"name": name}, url_with(get, ["municipality"])))
    elif understood.municipality is not None:
        place = understood.municipality
        found.append(
            chip(
                _("Vispirms: %(name)s") % {"name": place.title},
                url_with(get, add=[("ignore", f"municipality:{place.slug}")]),
                note=_(
                    "Kontakti — tikai %(name)s; zināšanas un pieredze — %(name)s vispirms, "
                    "arī no citām pašvaldībām."
                )
                % {"name": place.title},
                narrow_url=url_with(get, add=[("municipality", place.slug)]),
                narrow_label=_("Rādīt tikai %(name)s") % {"name": place.title},
            )
        )
    if plan.topic:
        label = _("Tikai tēma: %(name)s") % {"name": vocabulary.topic_label(plan.topic)}
        found.append(chip(label, url_with(get, ["topic"])))
    for slug in plan.boost_topics:
        label = _("Vispirms tēma: %(name)s") % {"name": vocabulary.topic_label(slug)}
        found.append(chip(label, url_with(get, add=[("ignore", f"topic:{slug}")])))
    for slug in plan.concepts:
        label = _("Jēdziens: %(name)s") % {"name": vocabulary.concepts.label(slug)}
        found.append(chip(label, url_with(get, add=[("ignore", f"concept:{slug}")])))
    if plan.group:
        label = _("Tikai grupa: %(name)s") % {"name": GROUPS[plan.group]}
        found.append(chip(label, url_with(get, ["group"])))
    if plan.kind:
        name = next((f.label for f in results.facets.get("type", []) if f.selected), plan.kind)
        found.append(chip(_("Tikai veids: %(name)s") % {"name": name}, url_with(get, ["type"])))
    return found


def chip(label, remove_url, **extra):
    return {"label": label, "remove_url": remove_url, **extra}


def empty_state_links(request, results):
    """Where to go when nothing matched: the place's own page, and whom to call by topic."""
    plan = results.plan
    place = vocabulary.municipality(plan.municipality or plan.near_municipality or "")
    topics = [
        {
            "label": vocabulary.topic_label(slug),
            "url": url_with(
                request.GET,
                drop=["q", "ignore", "topic", "group", "type", "page"],
                add=[("topic", slug), ("group", "contacts")],
            ),
        }
        for slug in vocabulary.topic_labels
    ]
    return {"place": place if place and place.url else None, "topics": topics}


def facet_links(request, results):
    """Facets as links: a value narrows the search, a selected value widens it again."""
    names = {"type": _("Veids"), "municipality": _("Pašvaldība"), "topic": _("Tēma")}
    facets = []
    for name, label in names.items():
        values = []
        for value in results.facets.get(name, []):
            if value.selected:
                url = url_with(request.GET, drop=[name])
            else:
                url = url_with(request.GET, drop=[name], add=[(name, value.value)])
            values.append({"value": value, "url": url})
        if values:
            facets.append({"name": name, "label": label, "values": values})
    return facets


def shown_promotions(params):
    """Pinned results above the first page's groups."""
    return promotions.promoted_for(params.q) if params.q and params.page == 1 else []


def log_search(request, params, results, promoted, source):
    """The search's log row (None when not logged); pinned results count as results."""
    total = results.total + len(promoted)
    return searchlog.record(
        request, params, total, results.engine, service.current_locale(), source
    )


def click_links(request, log, promoted, hits):
    """Links through the click log, numbered in the order the page shows them (pinned
    results first); a hit's link is looked up by its id (search_links.result_link)."""
    links = searchlog.click_urls(request, log, [item.url for item in (*promoted, *hits)])
    for item, link in zip(promoted, links, strict=False):
        item.link = link
    return {hit.doc_id: link for hit, link in zip(hits, links[len(promoted) :], strict=True)}


@require_GET
def open_result(request, log_id, position):
    """/meklet/atvert/<log>/<position>/?to=<url>: notes the result opened, then goes there.
    Only addresses on this site, so it can't send anyone elsewhere."""
    target = request.GET.get("to", "")
    if not target or not is_local_url(request, target):
        raise BadParameter(_("Šī saite neved uz lapu portālā."))
    searchlog.record_click(log_id, position)
    return HttpResponseRedirect(target)


def search_page(request):
    """The search page: grouped results, facets, chips; falls back to the database."""
    if over_search_limit(request):
        context = {"query": request.GET.get("q", "")[:200], "error": rate_limit_message()}
        return refused(render(request, TEMPLATE, context, status=429))
    try:
        params = parse(request.GET, vocabulary)
    except BadSearch as error:
        context = {"query": request.GET.get("q", "")[:200], "error": str(error)}
        return render(request, TEMPLATE, context, status=400)
    context = {"query": params.q, "params": params}
    if params.is_empty:
        return render(request, TEMPLATE, context)
    results = service.search(params)
    attach_hit_details(results.ordered_hits)
    promoted = shown_promotions(params)
    log = log_search(request, params, results, promoted, SearchLog.Source.PAGE)
    context.update(
        results=results,
        promoted=promoted,
        click_links=click_links(request, log, promoted, results.ordered_hits),
        chips=chips(request, results),
        facets=facet_links(request, results),
        notice=fallback_notice() if results.is_fallback else "",
        abbreviations=results.plan.understanding.abbreviations,
        did_you_mean_url=url_with(
            request.GET, drop=["q", "ignore"], add=[("q", results.did_you_mean)]
        )
        if results.did_you_mean
        else "",
        empty_links=empty_state_links(request, results)
        if not (results.hits or results.total)
        else None,
        out_of_range=results.total > 0 and params.page > results.num_pages,
        first_page_url=url_with(request.GET),
    )
    if results.total and params.page <= results.num_pages:
        # Only the navigation is paged here: one "item" per page.
        context["page_obj"] = Paginator(range(results.num_pages), 1).page(params.page)
    context["groups"] = [
        {
            **group,
            "strict": [hit for hit in group["hits"] if not hit.nearest],
            "nearest": [hit for hit in group["hits"] if hit.nearest],
            # "All of this group": one list, paged on its own.
            "more_url": url_with(request.GET, drop=["group"], add=[("group", group["key"])])
            if results.plan.grouped and group["total"] > len(group["hits"])
            else "",
        }
        for group in results.groups
    ]
    return render(request, TEMPLATE, context)


def json_error(message, status=400):
    return JsonResponse({"error": message}, status=status)


def understood_json(plan):
    """What the search understood from the question, for the API."""
    understood = plan.understanding
    municipality = understood.municipality
    return {
        "municipality": {"slug": municipality.slug, "title": municipality.title}
        if municipality
        else None,
        "topics": [
            {"slug": slug, "label": vocabulary.topic_label(slug)} for slug in plan.boost_topics
        ],
        "abbreviations": understood.abbreviations,
        "concepts": [
            {"slug": slug, "label": vocabulary.concepts.label(slug)} for slug in plan.concepts
        ],
        "intent": plan.intent or None,
    }


@require_GET
def api_search(request):
    """GET /api/search/?q=&municipality=&topic=&type=&page= → JSON results."""
    if over_search_limit(request):
        return refused(json_error(rate_limit_message(), status=429))
    try:
        params = parse(request.GET, vocabulary)
    except BadSearch as error:
        return json_error(str(error))
    if params.is_empty:
        return json_error(_("Norādiet jautājumu (q) vai filtru."))
    results = service.search(params)
    promoted = shown_promotions(params)
    log_search(request, params, results, promoted, SearchLog.Source.API)
    return JsonResponse(
        {
            "query": params.q,
            "engine": results.engine,
            "fallback": results.is_fallback,
            "notice": fallback_notice() if results.is_fallback else None,
            "total": results.total,
            "page": params.page,
            "num_pages": results.num_pages,
            "per_page": results.plan.per_page,
            "grouped": results.plan.grouped,
            "understood": understood_json(results.plan),
            "did_you_mean": results.did_you_mean or None,
            "promoted": [item.as_json() for item in promoted],
            # In the order the page shows them: whom to call, then guides, then experience.
            "results": [hit.as_json() for hit in results.ordered_hits],
            "groups": [
                {
                    "key": group["key"],
                    "label": str(group["label"]),
                    "total": group["total"],
                    "results": [hit.doc_id for hit in group["hits"]],
                }
                for group in results.groups
            ],
            "facets": {
                name: [
                    {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                    for v in values
                ]
                for name, values in results.facets.items()
            },
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def api_suggest(request):
    """GET /api/search/suggest/?q= → titles for autocomplete."""
    if over_search_limit(request, "suggest"):
        return refused(json_error(rate_limit_message(), status=429))
    prefix = " ".join(request.GET.get("q", "").split())
    if len(prefix) > MAX_SUGGEST_LENGTH:
        return json_error(
            _("Pārāk garš teksts: ne vairāk kā %(max)d rakstzīmes.") % {"max": MAX_SUGGEST_LENGTH}
        )
    if len(prefix) < 2:
        return JsonResponse({"query": prefix, "suggestions": []})
    suggestions, engine_name = service.suggest(prefix)
    return JsonResponse(
        {"query": prefix, "engine": engine_name, "suggestions": suggestions},
        json_dumps_params={"ensure_ascii": False},
    )
