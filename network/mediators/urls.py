from django.urls import path

from network.mediators import verification

urlpatterns = [
    path(
        "pakalpojumi/<uuid:pk>/parbaudits/",
        verification.verify_service,
        name="verify_service",
    ),
]
