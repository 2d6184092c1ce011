from django.urls import path

from . import accounts

urlpatterns = [
    path("konts/uzaicinat/", accounts.invite, name="invite"),
    path("konts/uzaicinajums/<str:token>/", accounts.accept_invitation, name="accept_invitation"),
]
