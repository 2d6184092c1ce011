from django.urls import path

from . import evaluation_views, report_views, views

app_name = "network"
urlpatterns = [
    path("pakalpojumi/<uuid:pk>/", views.service_detail, name="service"),
    path("pakalpojumi/<uuid:pk>/vcard/", views.service_vcard_download, name="service_vcard"),
    path("pakalpojumi/<uuid:pk>/drukat/", views.service_print, name="service_print"),
    path("pakalpojumi/<uuid:pk>/labot/", views.suggest_edit, name="suggest_edit"),
    path("aptauja/<str:token>/", evaluation_views.evaluation_form, name="evaluation_form"),
    path(
        "aptauja/<str:token>/paldies/", evaluation_views.evaluation_thanks, name="evaluation_thanks"
    ),
    path("atskaites/", report_views.report_list, name="report_list"),
    path("atskaites/jauna/", report_views.report_create, name="report_create"),
    path("atskaites/<int:pk>/", report_views.report_edit, name="report_edit"),
]
