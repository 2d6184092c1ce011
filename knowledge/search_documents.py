"""Guides, their steps, good-practice articles and seminars are searchable as knowledge;
long steps, articles and seminars also per section (passages, see knowledge/sections.py)."""

from django.utils.translation import gettext_lazy as _

from search.registry import Group, register
from search.sources import PageSource

# After whom to call, before colleagues' experience on the search page.
KNOWLEDGE = Group("knowledge", _("Vadlīnijas un labā prakse"), order=2)

register(
    PageSource("knowledge.GuidePage", kind="guide", group=KNOWLEDGE, label=_("Vadlīnijas")),
    PageSource(
        "knowledge.GuideStepPage",
        kind="guide",
        group=KNOWLEDGE,
        label=_("Vadlīnijas"),
        passages=True,
    ),
    PageSource(
        "knowledge.ArticlePage",
        kind="article",
        group=KNOWLEDGE,
        label=_("Labā prakse"),
        passages=True,
    ),
    PageSource(
        "knowledge.SeminarPage",
        kind="seminar",
        group=KNOWLEDGE,
        label=_("Seminārs"),
        passages=True,
    ),
)
