from django.urls import path

from network.evaluation import views

urlpatterns = [
    path("aptauja/<str:token>/", views.evaluation_form, name="evaluation_form"),
    path("aptauja/<str:token>/paldies/", views.evaluation_thanks, name="evaluation_thanks"),
]
