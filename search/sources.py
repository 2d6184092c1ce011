"""The one list of what is searchable: each source turns one model's objects into documents.

To make a new model searchable, add a `PageSource` or `SnippetSource` line to `SOURCES`.
Models are looked up lazily by label, so a source whose app or model does not exist (yet)
is simply left out. Content models may offer these accessors, all optional:

- `search_text()` → the text to search besides the title (else summary/intro/description…),
- `topics` → knowledge.Topic objects (a manager, a list, or a callable),
- `municipalities` → network.MunicipalityPage objects (same), or `municipality` → one,
- `get_absolute_url()` for snippets that have a page of their own.
"""

import hashlib
import json
import logging
from dataclasses import dataclass
from functools import lru_cache

from django.apps import apps
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from . import text as latvian

logger = logging.getLogger(__name__)

# Result groups, in the order the search page shows them.
GROUPS = {
    "contacts": _("Kam zvanīt"),
    "knowledge": _("Vadlīnijas un labā prakse"),
    "experience": _("Kolēģu pieredze"),
}
# Kinds of documents, for the type facet and `type=` filter.
KINDS = {
    "service": _("Pakalpojums"),
    "organization": _("Iestāde"),
    "municipality": _("Pašvaldība"),
    "article": _("Labā prakse"),
    "guide": _("Vadlīnijas"),
    "seminar": _("Seminārs"),
    "mediator": _("Mediators"),
    "post": _("Pieredzes stāsts"),
}
# Fields read as the text of an object without `search_text()`, in this order.
TEXT_FIELDS = ("summary", "intro", "description", "search_description", "body")
MAX_BODY_CHARS = 20_000


@dataclass(frozen=True)
class Source:
    model_label: str
    kind: str
    group: str
    # Relations read by search_text() & co., fetched in bulk when indexing everything.
    select_related: tuple = ()
    prefetch_related: tuple = ()

    @property
    def model(self):
        """The model class, or None when that app/model does not exist."""
        try:
            return apps.get_model(self.model_label)
        except (LookupError, ValueError):
            return None

    def queryset(self):
        """What should be searchable; a manager's `public()` (if any) decides for snippets."""
        manager = self.model._default_manager
        queryset = manager.public() if hasattr(manager, "public") else manager.all()
        return queryset

    def bulk_queryset(self):
        return (
            self.queryset()
            .select_related(*self.select_related)
            .prefetch_related(*self.prefetch_related)
        )

    def doc_id(self, obj):
        return f"{self.model_label.lower()}:{obj.pk}"

    def url(self, obj, places):
        get_url = getattr(obj, "get_absolute_url", None)
        if callable(get_url):
            return get_url() or ""
        return ""

    def locale(self, obj):
        locale = getattr(obj, "locale", None)
        return locale.language_code if locale is not None else ""

    def title(self, obj):
        return str(getattr(obj, "title", None) or obj)

    def places(self, obj):
        """The municipality pages an object belongs to."""
        return related_objects(obj, "municipalities") or related_objects(obj, "municipality")

    def topic_slugs(self, obj):
        return sorted({topic.slug for topic in related_objects(obj, "topics")})

    def to_document(self, obj):
        """The indexed fields of one object (see documents.SearchDocument)."""
        title = self.title(obj)
        body = body_text(obj)
        places = self.places(obj)
        title_folded, title_stems, title_roots = latvian.copies(title)
        body_folded, body_stems, body_roots = latvian.copies(body)
        document = {
            "kind": self.kind,
            "group": self.group,
            "model": self.model_label.lower(),
            "object_id": str(obj.pk),
            "title": title,
            "body": body,
            "title_folded": title_folded,
            "body_folded": body_folded,
            "title_stems": title_stems,
            "body_stems": body_stems,
            "title_roots": title_roots,
            "body_roots": body_roots,
            "summary": summary_text(obj, body),
            "url": self.url(obj, places),
            "locale": self.locale(obj),
            "municipalities": sorted({p.slug for p in places if getattr(p, "slug", None)}),
            "topics": self.topic_slugs(obj),
            "suggest": suggest_inputs(title),
        }
        document["content_hash"] = content_hash(document)
        return document


class PageSource(Source):
    def queryset(self):
        return self.model.objects.live().public().select_related("locale")

    def url(self, obj, places):
        return obj.get_url() or ""

    def places(self, obj):
        return [obj] if self.kind == "municipality" else super().places(obj)


class SnippetSource(Source):
    def url(self, obj, places):
        # A directory entry without a page of its own is shown on its municipality's page.
        return super().url(obj, places) or next(filter(None, (page_url(p.pk) for p in places)), "")

    def locale(self, obj):
        # Untranslated snippets answer in every language.
        return super().locale(obj) if hasattr(obj, "locale_id") else ""


class OrganizationSource(SnippetSource):
    """Organisations: places and topics are their services' (prefetched, not a query each)."""

    def places(self, obj):
        return [place for service in obj.services.all() for place in service.service_areas.all()]

    def topic_slugs(self, obj):
        return sorted({t.slug for service in obj.services.all() for t in service.topics.all()})


SOURCES = [
    PageSource("network.MunicipalityPage", kind="municipality", group="contacts"),
    SnippetSource(
        "network.Service",
        kind="service",
        group="contacts",
        select_related=("organization",),
        prefetch_related=(
            "contacts",
            "service_at_locations__location",
            "topics",
            "service_areas",
        ),
    ),
    OrganizationSource(
        "network.Organization",
        kind="organization",
        group="contacts",
        prefetch_related=("services__contacts", "services__service_areas", "services__topics"),
    ),
    PageSource("knowledge.GuidePage", kind="guide", group="knowledge"),
    PageSource("knowledge.GuideStepPage", kind="guide", group="knowledge"),
    PageSource("knowledge.ArticlePage", kind="article", group="knowledge"),
    PageSource("knowledge.SeminarPage", kind="seminar", group="knowledge"),
    PageSource("network.MediatorProfilePage", kind="mediator", group="experience"),
    PageSource("network.ExperiencePostPage", kind="post", group="experience"),
]


def active_sources():
    """The sources whose model exists in this project."""
    return [source for source in SOURCES if source.model is not None]


@lru_cache(maxsize=1)
def _sources_by_label():
    return {source.model_label.lower(): source for source in active_sources()}


def source_for(model):
    """The source of a model class, or None when it is not searchable."""
    return _sources_by_label().get(model._meta.label_lower)


def all_documents():
    """(document id, document) for everything that should be in the index."""
    for source in active_sources():
        for obj in source.bulk_queryset().iterator(chunk_size=500):
            try:
                document = source.to_document(obj)
            except Exception:  # one broken object must not stop a rebuild
                logger.exception("search: could not turn %s %s into a document", source, obj.pk)
                continue
            yield source.doc_id(obj), document


def document_for(obj):
    """(document id, document or None): None when the object should not be in the index."""
    obj = getattr(obj, "specific", obj)
    source = source_for(type(obj))
    if source is None:
        return None, None
    doc_id = source.doc_id(obj)
    if not source.queryset().filter(pk=obj.pk).exists():
        return doc_id, None
    return doc_id, source.to_document(obj)


# ---------------------------------------------------------------- helpers


@lru_cache(maxsize=1024)
def page_url(page_id):
    """A page's URL by id, cached: many directory entries point at one municipality page."""
    page = Page.objects.filter(pk=page_id).first()
    return (page.get_url() or "") if page is not None else ""


def related_objects(obj, name):
    """Objects behind an accessor that may be a manager, a callable, one object or a list."""
    value = getattr(obj, name, None)
    if value is None:
        return []
    if hasattr(value, "all") and callable(value.all):
        return list(value.all())
    if callable(value):
        value = value()
    if value is None or isinstance(value, str):
        return []
    if isinstance(value, list | tuple | set) or hasattr(value, "__iter__"):
        return [item for item in value if item is not None]
    return [value]


def body_text(obj):
    search_text = getattr(obj, "search_text", None)
    if callable(search_text):
        text = search_text() or ""
    else:
        text = "\n".join(plain(getattr(obj, field, "")) for field in TEXT_FIELDS)
    # Lines become visible separators in snippets; words are unaffected.
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return " · ".join(line for line in lines if line)[:MAX_BODY_CHARS]


def plain(value):
    """Readable text of a field value: strings, rich text, StreamField."""
    if not value:
        return ""
    if hasattr(value, "render_as_block") or hasattr(value, "raw_data"):
        value = value.render_as_block() if hasattr(value, "render_as_block") else str(value)
    return " ".join(strip_tags(str(value)).split())


def summary_text(obj, body, length=280):
    for field in ("summary", "search_description", "intro", "description"):
        value = plain(getattr(obj, field, ""))
        if value:
            return value[:length]
    return " ".join(body.split())[:length]


def suggest_inputs(title):
    """Completion inputs: the folded title from each of its words, so 'dien' finds
    'Sociālais dienests'."""
    title_words = latvian.words(latvian.fold(title))
    return sorted({" ".join(title_words[i:]) for i in range(min(len(title_words), 6))} - {""})


def content_hash(document):
    """A fingerprint of a document, to find stale ones without comparing every field."""
    payload = json.dumps(document, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(payload.encode(), usedforsecurity=False).hexdigest()
