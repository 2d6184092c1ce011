"""Mediators' profile pages are searchable as colleagues' experience."""

from django.utils.translation import gettext_lazy as _

from network.posts.search_documents import EXPERIENCE
from search.registry import register
from search.sources import PageSource

register(
    PageSource(
        "network.MediatorProfilePage", kind="mediator", group=EXPERIENCE, label=_("Mediators")
    )
)
