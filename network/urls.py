from django.urls import path

from . import views

app_name = "network"
urlpatterns = [
    path("pakalpojumi/<uuid:pk>/", views.service_detail, name="service"),
    path("pakalpojumi/<uuid:pk>/vcard/", views.service_vcard_download, name="service_vcard"),
    path("pakalpojumi/<uuid:pk>/drukat/", views.service_print, name="service_print"),
    path("pakalpojumi/<uuid:pk>/labot/", views.suggest_edit, name="suggest_edit"),
]
