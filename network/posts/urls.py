from django.urls import path

from network.posts import preview

urlpatterns = [
    path("mans-darbs/stasts/<int:pk>/", preview.preview_post, name="post_preview"),
]
