"""Mediators' profile pages are searchable as colleagues' experience."""

from django.utils.translation import gettext_lazy as _

from network.posts.search_documents import EXPERIENCE
from search.sources import PageSource

SOURCES = [
    PageSource(
        "network.MediatorProfilePage", kind="mediator", group=EXPERIENCE, label=_("Mediators")
    )
]
