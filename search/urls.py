from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("meklet/", views.search_page, name="search"),
    path("meklet/atvert/<int:log_id>/<int:position>/", views.open_result, name="open"),
]
