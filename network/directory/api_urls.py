"""HSDS API routes, mounted at /api/hsds/ outside the language prefixes.

Ids are taken as any text, so an unknown or malformed id is a JSON 404 like any other
address under the API (the last route), never the site's HTML page."""

from django.urls import path, re_path

from network.directory import api

app_name = "hsds"
urlpatterns = [
    path("", api.root, name="root"),
    path("openapi.json", api.openapi, name="openapi"),
    path("services", api.services, name="services"),
    path("services/<str:pk>", api.service, name="service"),
    path("organizations", api.organizations, name="organizations"),
    path("organizations/<str:pk>", api.organization, name="organization"),
    path("service_at_locations", api.service_at_locations, name="service_at_locations"),
    path("service_at_locations/<str:pk>", api.service_at_location, name="service_at_location"),
    path("taxonomy_terms", api.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<str:pk>", api.taxonomy_term, name="taxonomy_term"),
    path("taxonomies", api.taxonomies, name="taxonomies"),
    path("taxonomies/<str:pk>", api.taxonomy, name="taxonomy"),
    re_path(r"^(?P<path>.*)$", api.not_found, name="not_found"),
]
