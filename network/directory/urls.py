from django.urls import path

from network.directory import views

urlpatterns = [
    path("iestades/<uuid:pk>/", views.organization_detail, name="organization"),
    path("pakalpojumi/<uuid:pk>/", views.service_detail, name="service"),
    path("pakalpojumi/<uuid:pk>/vcard/", views.service_vcard_download, name="service_vcard"),
    path("pakalpojumi/<uuid:pk>/drukat/", views.service_print, name="service_print"),
    path("pakalpojumi/<uuid:pk>/labot/", views.suggest_edit, name="suggest_edit"),
]
