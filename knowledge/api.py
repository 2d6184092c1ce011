"""Read-only Wagtail API v2: pages (narrow with ?type=knowledge.ArticlePage), images, documents.

Mounted by portal/urls.py as `path("api/v2/", include("knowledge.api"))`.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

# Relations the API fields of our page types read: fetched once per listing, not per page.
PREFETCHED_RELATIONS = ("topics", "municipalities", "tagged_items__tag")


class PortalPagesAPIViewSet(PagesAPIViewSet):
    def get_queryset(self):
        queryset = super().get_queryset()
        if getattr(self, "action", None) != "listing_view":
            return queryset  # one page: prefetching would only add queries
        queryset = queryset.select_related("locale")
        model = queryset.model
        related = [name for name in PREFETCHED_RELATIONS if hasattr(model, name.split("__")[0])]
        return queryset.prefetch_related(*related) if related else queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)

app_name = "wagtailapi"
urlpatterns = api_router.get_urlpatterns()
