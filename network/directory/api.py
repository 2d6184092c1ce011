"""A read-only Open Referral HSDS 3 API of the directory (JSON, paginated)."""

import uuid

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from network.directory import hsds
from network.directory.models import Organization, Service, ServiceAtLocation
from portal.core.params import BadParameter, int_param, moment_param
from taxonomy.models import Concept, Topic

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_SEARCH_LENGTH = 200


class BadRequest(BadParameter):
    """A query parameter people can fix; answered with 400 and the message."""


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _error(message, status=400):
    return _json({"error": str(message)}, status=status)


def api_view(view):
    """GET only; BadRequest becomes a 400 JSON answer."""

    @require_GET
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadParameter as error:  # BadRequest here, or from portal.core.params
            return _error(error)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _paginated(request, queryset, to_data):
    """HSDS 3 paginated response: page numbers from 1, `per_page` up to 100."""
    per_page = int_param(request.GET, "per_page", DEFAULT_PER_PAGE, maximum=MAX_PER_PAGE)
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
    """The topic or concept whose HSDS term id this is, or None."""
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
    return hsds.taxonomy_term_data(term)


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
        relation = "concepts" if isinstance(term, Concept) else "topics"
        queryset = queryset.filter(**{f"{prefix}{relation}": term})
    organization_id = _uuid_param(request, "organization_id")
    if organization_id is not None:
        queryset = queryset.filter(**{f"{prefix}organization_id": organization_id})
    moment = moment_param(request.GET, "modified_after")
    if moment is not None:
        queryset = queryset.filter(**{f"{prefix}last_modified__gte": moment})
    return queryset.distinct()


@api_view
def root(request):
    """Version information (HSDS 3 API root)."""
    data = {
        "version": hsds.HSDS_VERSION,
        "profile": hsds.HSDS_PROFILE,
        "openapi_url": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json",
        "endpoints": {
            "services": request.build_absolute_uri(reverse("hsds:services")),
            "organizations": request.build_absolute_uri(reverse("hsds:organizations")),
            "service_at_locations": request.build_absolute_uri(
                reverse("hsds:service_at_locations")
            ),
            "taxonomy_terms": request.build_absolute_uri(reverse("hsds:taxonomy_terms")),
            "taxonomies": request.build_absolute_uri(reverse("hsds:taxonomies")),
        },
    }
    if Service.objects.filter(is_demo=True).exists():
        data["notice"] = _("Demo dati: kontaktinformācija nav pārbaudīta.")
    return _json(data)


@api_view
def services(request):
    """Services with one-to-one fields; `full=true` nests everything (HSDS 3)."""
    full = _flag(request, "full")
    queryset = hsds.services_queryset() if full else Service.objects.all()
    queryset = _filter_services(request, queryset).order_by("name", "id")
    return _paginated(request, queryset, hsds.service_data if full else hsds.service_list_data)


@api_view
def service(request, pk):
    found = hsds.services_queryset().filter(pk=pk).first()
    if found is None:
        return _error(_("Pakalpojums nav atrasts."), status=404)
    return _json(hsds.service_data(found))


@api_view
def organizations(request):
    queryset = Organization.objects.all()
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
    return _paginated(request, queryset.order_by("name", "id"), hsds.organization_data)


@api_view
def organization(request, pk):
    found = Organization.objects.filter(pk=pk).first()
    if found is None:
        return _error(_("Organizācija nav atrasta."), status=404)
    return _json(hsds.organization_data(found, with_services=True))


@api_view
def service_at_locations(request):
    """Where services are given; `full=true` nests the service and the location."""
    full = _flag(request, "full")
    queryset = ServiceAtLocation.objects.select_related("service", "location")
    queryset = _filter_services(request, queryset, prefix="service__")
    to_data = hsds.service_at_location_data if full else hsds.service_at_location_list_data
    return _paginated(request, queryset.order_by("service__name", "id"), to_data)


@api_view
def taxonomy_terms(request):
    """The portal's topics, then its vocabulary's concepts, as HSDS taxonomy terms (their ids
    are what taxonomy_term_id takes); `taxonomy_id`, `parent_id` and `top_only` filter them."""
    topics = Topic.objects.order_by("sort_order", "name")
    concepts = Concept.objects.select_related("broader").order_by("label")
    query = _search(request)
    if query:
        topics = topics.filter(name__icontains=query)
        concepts = concepts.filter(label__icontains=query)
    wanted_taxonomy = _taxonomy_param(request)
    if wanted_taxonomy == hsds.CONCEPT_TAXONOMY:
        topics = topics.none()
    elif wanted_taxonomy == hsds.TAXONOMY:
        concepts = concepts.none()
    parent = _term_for_filter(request, "parent_id")
    if parent is not None:  # only concepts have parents, and only concepts are parents
        topics = topics.none()
        is_concept = isinstance(parent, Concept)
        concepts = concepts.filter(broader=parent) if is_concept else concepts.none()
    if _flag(request, "top_only"):
        concepts = concepts.filter(broader__isnull=True)
    return _paginated(request, [*topics, *concepts], _term_data)


@api_view
def taxonomy_term(request, pk):
    term = _find_term(str(pk))
    if term is None:
        return _error(_("Taksonomijas termins nav atrasts."), status=404)
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
    """The portal's two taxonomies: topics and the human-services vocabulary."""
    return _paginated(request, list(hsds.TAXONOMY_NAMES), hsds.taxonomy_data)


@api_view
def taxonomy(request, pk):
    for name in hsds.TAXONOMY_NAMES:
        if hsds.taxonomy_id(name) == str(pk):
            return _json(hsds.taxonomy_data(name))
    return _error(_("Taksonomija nav atrasta."), status=404)
