"""Experience posts are searchable as colleagues' experience."""

from django.utils.translation import gettext_lazy as _

from search.registry import Group
from search.sources import PageSource

# Colleagues' experience, last on the search page; mediators' profiles share it.
EXPERIENCE = Group("experience", _("Kolēģu pieredze"), order=3)

SOURCES = [
    PageSource(
        "network.ExperiencePostPage", kind="post", group=EXPERIENCE, label=_("Pieredzes stāsts")
    )
]
