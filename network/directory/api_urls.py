"""HSDS API routes, mounted at /api/hsds/ outside the language prefixes."""

from django.urls import path

from network.directory import api

app_name = "hsds"
urlpatterns = [
    path("", api.root, name="root"),
    path("services", api.services, name="services"),
    path("services/<uuid:pk>", api.service, name="service"),
    path("organizations", api.organizations, name="organizations"),
    path("organizations/<uuid:pk>", api.organization, name="organization"),
    path("service_at_locations", api.service_at_locations, name="service_at_locations"),
    path("taxonomy_terms", api.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<uuid:pk>", api.taxonomy_term, name="taxonomy_term"),
    path("taxonomies", api.taxonomies, name="taxonomies"),
    path("taxonomies/<uuid:pk>", api.taxonomy, name="taxonomy"),
]
