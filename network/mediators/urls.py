from django.urls import path

from network.mediators import profile_edit, verification

urlpatterns = [
    path("mans-darbs/profils/<int:pk>/", profile_edit.edit_profile, name="edit_profile"),
    path(
        "pakalpojumi/<uuid:pk>/parbaudits/",
        verification.verify_service,
        name="verify_service",
    ),
]
