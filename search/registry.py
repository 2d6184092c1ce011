"""Which models are searchable: each app registers its sources in `<app>/search_documents.py`.

Like Wagtail's `search_fields`, an app says how its objects become documents; search/ only
keeps the mechanism. SearchConfig.ready() imports every app's `search_documents` module.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

# Result groups {key: label}, in the order the search page shows them: filled by the sources.
GROUPS = {}
# Kinds of documents, for the type facet and `type=` filter: filled by the sources.
KINDS = {}
# {model label: fields documents copy of its objects}: a change to one reindexes the documents
# that refer to the object (signals.py). Topics are the search's own; sources add theirs.
REFERENCED_FIELDS = {"taxonomy.topic": ("name", "slug"), "taxonomy.concept": ("slug",)}
# The kind of a long object's section documents (sources with `passages=True`).
PASSAGE_KIND = "passage"

_sources = []


@dataclass(frozen=True)
class Group:
    """A section of the search page's results; `order` places it among the others."""

    key: str
    label: str
    order: int


def register(*sources):
    """Make these sources' models searchable (call from `<app>/search_documents.py`)."""
    for source in sources:
        if source.model_label.lower() in {s.model_label.lower() for s in _sources}:
            continue  # a module imported twice registers nothing new
        _sources.append(source)
        KINDS.setdefault(source.kind, source.label or source.kind)
        if source.passages:
            KINDS.setdefault(PASSAGE_KIND, _("Fragments"))
        if source.referenced_fields:
            REFERENCED_FIELDS[source.model_label.lower()] = source.referenced_fields
        for label, fields in source.copied_fields:
            REFERENCED_FIELDS[label.lower()] = fields
    # Group order, then registration order: the index and the fallback read them like this.
    _sources.sort(key=lambda s: s.group.order)
    groups = {s.group.key: s.group.label for s in _sources}
    GROUPS.clear()  # other modules hold this dict: update it in place
    GROUPS.update(groups)
    _sources_by_label.cache_clear()


def autodiscover():
    autodiscover_modules("search_documents")


def active_sources():
    """The registered sources whose model exists in this project."""
    return [source for source in _sources if source.model is not None]


def place_sources():
    """The sources whose objects are places (their names are understood in questions)."""
    return [source for source in active_sources() if source.name_fields]


@lru_cache(maxsize=1)
def _sources_by_label():
    return {source.model_label.lower(): source for source in active_sources()}


def source_by_label(label):
    """The source whose documents' ids start with `label` ("network.service"), or None."""
    return _sources_by_label().get(label)


def source_for(model):
    """The source of a model class, or None when it is not searchable."""
    return _sources_by_label().get(model._meta.label_lower)
