"""Read-only Wagtail API v2: pages (narrow with ?type=knowledge.ArticlePage), images, documents.

Mounted by portal/urls.py as `path("api/v2/", include("knowledge.api"))`.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)

app_name = "wagtailapi"
urlpatterns = api_router.get_urlpatterns()
