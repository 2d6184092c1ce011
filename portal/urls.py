from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import offline
from portal.health import healthz
from search import api_urls as search_api_urls
from search import urls as search_urls

# A query parameter people can fix (portal.core.params.BadParameter): a 400 saying what is wrong.
handler400 = "portal.core.params.bad_request"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", include("knowledge.api_urls")),
    path("api/search/", include(search_api_urls)),
    path("api/hsds/", include("network.directory.api_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Latvian lives at /, English at /en/; Wagtail's page tree is last so it catches the rest.
urlpatterns += i18n_patterns(
    path("", include(search_urls)),
    path("", include("network.urls")),
    path("", include("portal.accounts_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
