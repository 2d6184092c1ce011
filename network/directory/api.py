"""A read-only Open Referral HSDS 3 API of the directory (JSON, paginated)."""

import json
import math
import re
import uuid
from pathlib import Path

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from network.directory import hsds
from network.directory.models import Location, Organization, Service, ServiceAtLocation
from portal.core.params import BadParameter, int_param, moment_param
from taxonomy.models import Concept, Topic

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
# `minimal=true` answers with all services in one page (the reference asks for one call).
MAX_MINIMAL_PER_PAGE = 1000
MAX_SEARCH_LENGTH = 200
MAX_PROXIMITY_METRES = 1_000_000
EARTH_RADIUS_METRES = 6_371_000
OPENAPI = Path(__file__).resolve().parent / "hsds_spec" / "schema" / "openapi.json"
# A Latvian postcode as people write it: "LV-3601", "lv 3601", "3601".
LATVIAN_POSTCODE = re.compile(r"(?:LV)?[ -]*([0-9]{4})", re.IGNORECASE)


class BadRequest(BadParameter):
    """A query parameter people can fix; answered with 400 and the message."""


class NotFound(Exception):
    """No such object: answered with 404 and the message."""


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _error(message, status=400):
    return _json({"error": str(message)}, status=status)


def api_view(view):
    """GET only; BadRequest becomes a 400 JSON answer, NotFound a 404 one."""

    @require_GET
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadParameter as error:  # BadRequest here, or from portal.core.params
            return _error(error)
        except NotFound as error:
            return _error(error, status=404)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _check_format(request):
    """Only JSON is served (the reference's `ndjson` stream is not)."""
    wanted = request.GET.get("format", "").strip().lower()
    if wanted not in ("", "json"):
        raise BadRequest(
            _("Formāts %(format)s netiek atbalstīts; ir tikai format=json.")
            % {"format": wanted[:20]}
        )


def _paginated(request, queryset, to_data, default_per_page=DEFAULT_PER_PAGE, maximum=MAX_PER_PAGE):
    """HSDS 3 paginated response: page numbers from 1, `per_page` up to `maximum`."""
    _check_format(request)
    per_page = int_param(request.GET, "per_page", default_per_page, maximum=maximum)
    number = int_param(request.GET, "page", 1)
    paginator = Paginator(queryset, per_page)
    total_pages = max(paginator.num_pages, 1)
    items = list(paginator.page(number).object_list) if number <= paginator.num_pages else []
    return _json(
        {
            "total_items": paginator.count,
            "total_pages": total_pages,
            "page_number": number,
            "size": len(items),
            "first_page": number == 1,
            "last_page": number >= total_pages,
            "empty": not items,
            "contents": [to_data(item) for item in items],
        }
    )


def _flag(request, name):
    raw = request.GET.get(name, "").strip().lower()
    if raw in ("", "false", "0"):
        return False
    if raw in ("true", "1"):
        return True
    raise BadRequest(_("Parametram %(name)s jābūt true vai false.") % {"name": name})


def _uuid_param(request, name):
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise BadRequest(_("Parametram %(name)s jābūt UUID.") % {"name": name}) from None


def _search(request):
    query = request.GET.get("search", "").strip()
    if len(query) > MAX_SEARCH_LENGTH:
        raise BadRequest(_("Meklējamais teksts ir pārāk garš."))
    return query


def _term_id_param(request, name):
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise BadRequest(_("Parametram %(name)s jābūt UUID.") % {"name": name}) from None


def _find_term(term_id):
    """The topic, concept or mark (hsds.DEMO_CODE) whose HSDS term id this is, or None."""
    if term_id == hsds.demo_term_data()["id"]:
        return hsds.DEMO_CODE
    for topic in Topic.objects.all():
        if hsds.taxonomy_term_id(topic) == term_id:
            return topic
    for concept in Concept.objects.select_related("broader"):
        if hsds.concept_term_id(concept) == term_id:
            return concept
    return None


def _term_for_filter(request, name="taxonomy_term_id"):
    term_id = _term_id_param(request, name)
    if term_id is None:
        return None
    term = _find_term(term_id)
    if term is None:
        raise BadRequest(_("Nezināms %(name)s.") % {"name": name})
    return term


def _term_data(term):
    if isinstance(term, Concept):
        return hsds.concept_term_data(term)
    if isinstance(term, Topic):
        return hsds.taxonomy_term_data(term)
    return hsds.demo_term_data()


def _term_condition(term, prefix):
    """Services that carry this term: a topic, a concept, or the demo mark."""
    if isinstance(term, Concept):
        return Q(**{f"{prefix}concepts": term})
    if isinstance(term, Topic):
        return Q(**{f"{prefix}topics": term})
    return Q(**{f"{prefix}is_demo": True})


def _taxonomy_condition(taxonomy, prefix):
    """Services that carry any term of this taxonomy."""
    if taxonomy == hsds.TAXONOMY:
        return Q(**{f"{prefix}topics__isnull": False})
    if taxonomy == hsds.CONCEPT_TAXONOMY:
        return Q(**{f"{prefix}concepts__isnull": False})
    return Q(**{f"{prefix}is_demo": True})


def _filter_services(request, queryset, prefix=""):
    """The filters /services and /service_at_locations share (`prefix` reaches the service)."""
    query = _search(request)
    if query:
        queryset = queryset.filter(
            Q(**{f"{prefix}name__icontains": query})
            | Q(**{f"{prefix}alternate_name__icontains": query})
            | Q(**{f"{prefix}description__icontains": query})
            | Q(**{f"{prefix}organization__name__icontains": query})
        )
    term = _term_for_filter(request)
    if term is not None:
        queryset = queryset.filter(_term_condition(term, prefix))
    taxonomy = _taxonomy_param(request)
    if taxonomy is not None:
        queryset = queryset.filter(_taxonomy_condition(taxonomy, prefix))
    organization_id = _uuid_param(request, "organization_id")
    if organization_id is not None:
        queryset = queryset.filter(**{f"{prefix}organization_id": organization_id})
    moment = moment_param(request.GET, "modified_after")
    if moment is not None:
        queryset = queryset.filter(**{f"{prefix}last_modified__gte": moment})
    return queryset.distinct()


def _path_id(pk):
    """The id in the address as a canonical UUID, or None (then nothing has it)."""
    try:
        return str(uuid.UUID(pk))
    except ValueError:
        return None


def _found(queryset, pk, not_found_message):
    """The object with this id, or NotFound (a malformed id is just not found)."""
    pk = _path_id(pk)
    found = queryset.filter(pk=pk).first() if pk else None
    if found is None:
        raise NotFound(not_found_message)
    return found


@api_view
def root(request):
    """Version information (HSDS 3 API root): the HSDS version, its profile, and the
    reference this API follows (the project's copy of the official openapi.json)."""
    return _json(
        {
            "version": hsds.HSDS_VERSION,
            "profile": hsds.HSDS_PROFILE,
            "openapi_url": request.build_absolute_uri(reverse("hsds:openapi")),
        }
    )


@api_view
def openapi(request):
    """The official HSDS 3.0 API reference, as kept in the project (hsds_spec/)."""
    return _json(json.loads(OPENAPI.read_text(encoding="utf-8")))


@api_view
def services(request):
    """Services with one-to-one fields; `full=true` nests everything, `minimal=true` gives
    only ids and change times (with what the schema requires), all in one page if it can."""
    full, minimal = _flag(request, "full"), _flag(request, "minimal")
    if full and minimal:
        raise BadRequest(_("Parametrus full un minimal nevar lietot kopā."))
    queryset = hsds.services_queryset() if full else Service.objects.all()
    queryset = _filter_services(request, queryset).order_by("name", "id")
    if minimal:
        return _paginated(
            request, queryset, hsds.service_minimal_data, MAX_MINIMAL_PER_PAGE, MAX_MINIMAL_PER_PAGE
        )
    return _paginated(request, queryset, hsds.api_service if full else hsds.service_list_data)


@api_view
def service(request, pk):
    found = _found(hsds.services_queryset(), pk, _("Pakalpojums nav atrasts."))
    return _json(hsds.api_service(found))


def _organization_data(full_service):
    """Fully nested organisations; their services as summaries or, with full_service, whole."""

    def to_data(organization):
        services = organization.services.all()
        if full_service:
            return hsds.organization_data(organization, [hsds.api_service(s) for s in services])
        return hsds.organization_data(organization, list(map(hsds.service_summary_data, services)))

    return to_data


def _organizations_queryset(full_service):
    services = hsds.services_queryset() if full_service else Service.objects.all()
    return Organization.objects.prefetch_related(
        "locations", Prefetch("services", queryset=services.order_by("name", "id"))
    )


@api_view
def organizations(request):
    """Organisations' one-to-one fields; `full=true` nests their locations and services,
    `full_service=true` also each service whole."""
    full_service = _flag(request, "full_service")
    full = _flag(request, "full") or full_service
    queryset = _organizations_queryset(full_service) if full else Organization.objects.all()
    query = _search(request)
    if query:
        queryset = queryset.filter(
            Q(name__icontains=query)
            | Q(alternate_name__icontains=query)
            | Q(description__icontains=query)
        )
    moment = moment_param(request.GET, "modified_after")
    if moment is not None:
        queryset = queryset.filter(last_modified__gte=moment)
    to_data = _organization_data(full_service) if full else hsds.organization_list_data
    return _paginated(request, queryset.order_by("name", "id"), to_data)


@api_view
def organization(request, pk):
    full_service = _flag(request, "full_service")
    queryset = _organizations_queryset(full_service)
    found = _found(queryset, pk, _("Organizācija nav atrasta."))
    return _json(_organization_data(full_service)(found))


def _places_queryset(full):
    queryset = ServiceAtLocation.objects.select_related("location")
    if full:  # a service from select_related would not get its relations prefetched
        return queryset.prefetch_related(Prefetch("service", hsds.services_queryset()))
    return queryset.select_related("service")


@api_view
def service_at_locations(request):
    """Where services are given; `full=true` nests the service and the location.
    `postcode` keeps the places with that postcode; with `proximity` (metres), those within
    that distance of the postcode's centre (the mean of its places' coordinates)."""
    full = _flag(request, "full")
    queryset = _filter_services(request, _places_queryset(full), prefix="service__")
    queryset = places_near(request, queryset)
    to_data = hsds.service_at_location_data if full else hsds.place_data
    return _paginated(request, queryset.order_by("service__name", "id"), to_data)


@api_view
def service_at_location(request, pk):
    found = _found(_places_queryset(full=True), pk, _("Pakalpojuma vieta nav atrasta."))
    return _json(hsds.service_at_location_data(found))


@api_view
def taxonomy_terms(request):
    """The portal's topics, its vocabulary's concepts and its mark for demo records, as HSDS
    taxonomy terms (their ids are what taxonomy_term_id takes); `taxonomy_id`, `parent_id`
    and `top_only` filter them."""
    topics = Topic.objects.order_by("sort_order", "name")
    concepts = Concept.objects.select_related("broader").order_by("label")
    marks = [hsds.DEMO_CODE]
    query = _search(request)
    if query:
        topics = topics.filter(name__icontains=query)
        concepts = concepts.filter(label__icontains=query)
        marks = [m for m in marks if query.lower() in hsds.demo_term_data()["name"].lower()]
    wanted_taxonomy = _taxonomy_param(request)
    if wanted_taxonomy is not None:
        topics = topics if wanted_taxonomy == hsds.TAXONOMY else topics.none()
        concepts = concepts if wanted_taxonomy == hsds.CONCEPT_TAXONOMY else concepts.none()
        marks = marks if wanted_taxonomy == hsds.MARK_TAXONOMY else []
    parent = _term_for_filter(request, "parent_id")
    if parent is not None:  # only concepts have parents, and only concepts are parents
        topics, marks = topics.none(), []
        is_concept = isinstance(parent, Concept)
        concepts = concepts.filter(broader=parent) if is_concept else concepts.none()
    if _flag(request, "top_only"):
        concepts = concepts.filter(broader__isnull=True)
    return _paginated(request, [*topics, *concepts, *marks], _term_data)


@api_view
def taxonomy_term(request, pk):
    term = _find_term(_path_id(pk))
    if term is None:
        raise NotFound(_("Taksonomijas termins nav atrasts."))
    return _json(_term_data(term))


def _taxonomy_param(request):
    wanted = _term_id_param(request, "taxonomy_id")
    if wanted is None:
        return None
    for taxonomy in hsds.TAXONOMY_NAMES:
        if hsds.taxonomy_id(taxonomy) == wanted:
            return taxonomy
    raise BadRequest(_("Nezināms taxonomy_id."))


@api_view
def taxonomies(request):
    """The portal's taxonomies: topics, the human-services vocabulary, and its marks."""
    names = list(hsds.TAXONOMY_NAMES)
    query = _search(request)
    if query:
        names = [n for n in names if query.lower() in hsds.TAXONOMY_NAMES[n].lower()]
    return _paginated(request, names, hsds.taxonomy_data)


@api_view
def taxonomy(request, pk):
    for name in hsds.TAXONOMY_NAMES:
        if hsds.taxonomy_id(name) == _path_id(pk):
            return _json(hsds.taxonomy_data(name))
    raise NotFound(_("Taksonomija nav atrasta."))


@api_view
def not_found(request, path=""):
    """Any other address under the API: a JSON 404, not the site's HTML page."""
    raise NotFound(_("Šādas HSDS API adreses nav."))


def _postcode_param(request):
    raw = request.GET.get("postcode", "").strip()
    if not raw:
        return None
    if len(raw) > 20:
        raise BadRequest(_("Pasta indekss ir pārāk garš."))
    match = LATVIAN_POSTCODE.fullmatch(raw)
    return f"LV-{match[1]}" if match else raw.upper()


def _proximity_param(request):
    raw = request.GET.get("proximity", "").strip()
    if not raw:
        return None
    try:
        metres = float(raw)
    except ValueError:
        metres = math.nan
    if not 0 < metres <= MAX_PROXIMITY_METRES:  # also false for nan
        raise BadRequest(
            _("Parametram proximity jābūt attālumam metros no 1 līdz %(max)s.")
            % {"max": MAX_PROXIMITY_METRES}
        )
    return metres


def _distance(a, b):
    """Metres between two (latitude, longitude) points on the globe (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_METRES * math.asin(math.sqrt(h))


def places_near(request, queryset):
    """`postcode`: places with that postcode; with `proximity`, places within that many
    metres of the postcode's centre. Proximity needs a postcode with known coordinates."""
    postcode, metres = _postcode_param(request), _proximity_param(request)
    if postcode is None:
        if metres is not None:
            raise BadRequest(_("Parametram proximity vajag arī postcode (attālumu mēra no tā)."))
        return queryset
    located = Location.objects.filter(latitude__isnull=False, longitude__isnull=False)
    if metres is None:
        return queryset.filter(location__postal_code__iexact=postcode)
    points = located.filter(postal_code__iexact=postcode).values_list("latitude", "longitude")
    if not points:
        raise BadRequest(
            _("Pasta indeksam %(postcode)s nav zināmu koordinātu; proximity nevar lietot.")
            % {"postcode": postcode}
        )
    centre = tuple(sum(float(p[i]) for p in points) / len(points) for i in (0, 1))
    near = [
        pk
        for pk, latitude, longitude in located.values_list("pk", "latitude", "longitude")
        if _distance(centre, (float(latitude), float(longitude))) <= metres
    ]
    return queryset.filter(location_id__in=near)
