"""The network's public routes, each room's under one `network:` namespace (posts and profiles
are Wagtail pages and route themselves)."""

from network.directory import urls as directory_urls
from network.evaluation import urls as evaluation_urls
from network.mediators import urls as mediators_urls
from network.posts import urls as posts_urls
from network.reports import urls as reports_urls

app_name = "network"
urlpatterns = [
    *directory_urls.urlpatterns,
    *mediators_urls.urlpatterns,
    *posts_urls.urlpatterns,
    *evaluation_urls.urlpatterns,
    *reports_urls.urlpatterns,
]
