"""Experience posts are searchable as colleagues' experience."""

from django.utils.translation import gettext_lazy as _

from network.mediators.search_documents import EXPERIENCE
from search.registry import register
from search.sources import PageSource

register(
    PageSource(
        "network.ExperiencePostPage", kind="post", group=EXPERIENCE, label=_("Pieredzes stāsts")
    )
)
