"""Read-only Wagtail API v2: pages (narrow with ?type=knowledge.ArticlePage), images, documents.

Mounted by portal/urls.py as `path("api/v2/", include("knowledge.api_urls"))`.
"""

from django.utils.translation import gettext as _
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from portal.core.params import BadParameter, int_param

# Relations the API fields of our page types read: fetched once per listing, not per page.
PREFETCHED_RELATIONS = ("topics", "municipalities", "tagged_items__tag")
# Far beyond any listing; Wagtail would pass any number on, and the database's integers overflow.
MAX_OFFSET = 1_000_000


class CheckedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        try:
            int_param(request.GET, "offset", 0, minimum=0, maximum=MAX_OFFSET)
        except BadParameter as error:
            raise BadRequestError(str(error)) from None
        return super().paginate_queryset(queryset, request, view)


class CheckedParameters:
    """Bad values Wagtail lets through to the database answer 400 with a message instead."""

    pagination_class = CheckedPagination

    def check_query_parameters(self, queryset):
        # The database backend puts each search word in double quotes: one more breaks SQLite.
        if '"' in self.request.GET.get("search", ""):
            raise BadRequestError(_('Meklējamajā tekstā nedrīkst būt pēdiņas (").'))
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator.lower() not in ("and", "or"):
            raise BadRequestError(_("search_operator jābūt and vai or."))
        super().check_query_parameters(queryset)


class PortalPagesAPIViewSet(CheckedParameters, PagesAPIViewSet):
    def get_queryset(self):
        queryset = super().get_queryset()
        if getattr(self, "action", None) != "listing_view":
            return queryset  # one page: prefetching would only add queries
        queryset = queryset.select_related("locale")
        model = queryset.model
        related = [name for name in PREFETCHED_RELATIONS if hasattr(model, name.split("__")[0])]
        return queryset.prefetch_related(*related) if related else queryset


class PortalImagesAPIViewSet(CheckedParameters, ImagesAPIViewSet):
    """Wagtail's images endpoint with our parameter checks."""


class PortalDocumentsAPIViewSet(CheckedParameters, DocumentsAPIViewSet):
    """Wagtail's documents endpoint with our parameter checks."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)

app_name = "wagtailapi"
urlpatterns = api_router.get_urlpatterns()
