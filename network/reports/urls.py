from django.urls import path

from network.reports import views

urlpatterns = [
    path("atskaites/", views.report_list, name="report_list"),
    path("atskaites/jauna/", views.report_create, name="report_create"),
    path("atskaites/<int:pk>/", views.report_edit, name="report_edit"),
    path("atskaites/<int:pk>/iesniegt/", views.report_confirm, name="report_confirm"),
]
