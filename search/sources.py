"""How objects become search documents: the source classes apps declare theirs with.

An app makes a model searchable by registering a source in `<app>/search_documents.py`
(see registry.py). Models are looked up lazily by label, so a source whose model does not
exist (yet) is simply left out. Content models may offer these accessors, all optional:

- `search_text()` → the text to search besides the title (else summary/intro/description…),
- `topics` → taxonomy.Topic objects (a manager, a list, or a callable),
- `municipalities` → place pages (same), or `municipality` → one,
- `get_absolute_url()` for snippets that have a page of their own,
- `search_passages()` → (the object's own text, [Passage]) on sources with `passages=True`:
  a long page is also indexed per section, one document of kind "passage" each, linking to
  the section's anchor; with passages, that text (intro and headings) replaces the object's
  search_text(), so a question about one section ranks the section, not the whole page.

Sources with many objects (the directory) may read plain rows in batches (DirectorySource)
with the same text as their models' search_text(); a test compares.
"""

import hashlib
import logging
import uuid
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import orjson
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Page

from . import text as latvian
from .concepts import current as concept_index
from .concepts import document_concepts
from .registry import PASSAGE_KIND, Group, active_sources, source_for

logger = logging.getLogger(__name__)

# Fields read as the text of an object without `search_text()`, in this order.
TEXT_FIELDS = ("summary", "intro", "description", "search_description", "body")
MAX_BODY_CHARS = 20_000
SUMMARY_LENGTH = 280
# Objects read from the database per batch when indexing many.
BATCH_SIZE = 500


@dataclass(frozen=True)
class Passage:
    """One section of a long object: its anchor in the object's page, heading and text."""

    anchor: str
    title: str
    text: str


@dataclass(frozen=True)
class Source:
    model_label: str
    kind: str
    group: Group
    label: str = ""  # of the kind, for the type facet
    # Relations read by search_text() & co., fetched in bulk when indexing everything.
    select_related: tuple = ()
    prefetch_related: tuple = ()
    # Fields other documents copy (titles, slugs, addresses): a change reindexes those.
    referenced_fields: tuple = ()
    # The same for models that are no source: (("app.Model", (field, ...)), ...) whose fields
    # this source's documents copy; reference_lookups() must reach them.
    copied_fields: tuple = ()
    # Set on the source of places: the fields holding a place's name in each form.
    name_fields: tuple = ()
    # Objects also yield one document per section (their `search_passages()`).
    passages: bool = False

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

    def doc_id(self, obj):
        return f"{self.model_label.lower()}:{obj.pk}"

    def hit_details(self, object_ids):
        """{object id: {name: value}} shown with a result but not indexed, because it changes
        by the minute (is it open now?); read for one page of results. None by default."""
        return {}

    def stored_hit_details(self, stored):
        """hit_details() of one result from what its document stores (`details`, not indexed):
        the same answer without reading the database."""
        return {}

    def reference_lookups(self, model):
        """Lookups from this source's objects to a `model` object whose slug, title or URL
        their documents copy (a municipality, a topic)."""
        return field_lookups(self.model, model)

    def documents(self, queryset):
        """(document id, document) for the objects of `queryset` (a subset of queryset())."""
        queryset = queryset.select_related(*self.select_related).prefetch_related(
            *self.prefetch_related
        )
        for obj in queryset.iterator(chunk_size=BATCH_SIZE):
            try:
                # Stored addresses are the default language's, whoever's request saved it.
                with translation.override(settings.LANGUAGE_CODE):
                    found = list(self.object_documents(obj))
            except Exception:  # one broken object must not stop a rebuild
                logger.exception("search: could not turn %s %s into a document", self, obj.pk)
                continue
            yield from found

    def object_documents(self, obj):
        """(document id, document) of one object: its own, then one per passage."""
        text, passages = obj.search_passages() if self.passages else ("", [])
        if not passages:
            yield self.doc_id(obj), self.to_document(obj)
            return
        document = self.to_document(obj, body=clean_body(text))
        yield self.doc_id(obj), document
        for passage in passages:
            yield self.passage_id(obj, passage), self.passage_document(document, passage)

    def passage_id(self, obj, passage):
        """Derived from the object's own id, so its documents are found by that id's object."""
        return f"{self.doc_id(obj)}#{passage.anchor}"

    def passage_document(self, document, passage):
        """A passage's document: the section's heading and text, the rest from its object's.
        Its concepts are those its own text names: the object's chosen ones stay on the
        object's document, or every section would match them."""
        body = clean_body(passage.text)
        return make_document(
            self,
            kind=PASSAGE_KIND,
            object_id=document["object_id"],
            title=passage.title,
            body=body,
            summary=summary_from("", body),
            url=f"{document['url']}#{passage.anchor}" if document["url"] else "",
            locale=document["locale"],
            municipalities=document["municipalities"],
            topics=document["topics"],
            page_title=document["title"],
        )

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

    def concept_slugs(self, obj):
        """The concepts editors gave the object (the text's own are found in make_document)."""
        return {concept.slug for concept in related_objects(obj, "concepts")}

    def to_document(self, obj, body=None):
        """The indexed fields of one object (see documents.SearchDocument)."""
        body = body_text(obj) if body is None else body
        places = self.places(obj)
        return make_document(
            self,
            object_id=obj.pk,
            title=self.title(obj),
            body=body,
            summary=summary_text(obj, body),
            url=self.url(obj, places),
            locale=self.locale(obj),
            municipalities=sorted({p.slug for p in places if getattr(p, "slug", None)}),
            topics=self.topic_slugs(obj),
            concepts=self.concept_slugs(obj),
            details=self.details_of(obj),
        )

    def details_of(self, obj):
        """What the document stores for stored_hit_details(), from the object; None: nothing."""
        return None


def make_document(
    source,
    *,
    object_id,
    title,
    body,
    summary,
    url,
    locale,
    municipalities,
    topics,
    concepts=(),
    phone="",
    kind="",
    page_title="",
    details=None,
):
    """A document with its folded copies, concepts, suggestions and content hash; `kind` and
    `page_title` for the passages of a long object (no suggestions: a heading alone says
    little); `details` stored for the result's display only (Source.stored_hit_details)."""
    title_folded, title_stems, title_roots = latvian.copies(title)
    body_folded, body_stems, body_roots = latvian.copies(body)
    document = {
        "kind": kind or source.kind,
        "group": source.group.key,
        "model": source.model_label.lower(),
        "object_id": str(object_id),
        "title": title,
        "body": body,
        "title_folded": title_folded,
        "body_folded": body_folded,
        "title_stems": title_stems,
        "body_stems": body_stems,
        "title_roots": title_roots,
        "body_roots": body_roots,
        "summary": summary,
        "url": url,
        "locale": locale,
        "municipalities": municipalities,
        "topics": topics,
        "concepts": document_concepts(concept_index(), concepts, title, body),
        "phone": phone,
        "page_title": page_title,
        "suggest": [] if page_title else suggest_inputs(title),
    }
    if details is not None:
        document["details"] = details
    document["content_hash"] = content_hash(document)
    return document


class PageSource(Source):
    def queryset(self):
        return self.model.objects.live().public().select_related("locale")

    def url(self, obj, places):
        return obj.get_url() or ""

    def places(self, obj):
        return [obj] if self.name_fields else super().places(obj)

    def place_names(self):
        """(slug, title, names in every form, url) of each live place, for query understanding."""
        fields = ("slug", "title", "url_path", *self.name_fields)
        for page in self.model.objects.live().only(*fields):
            names = [getattr(page, name) for name in self.name_fields]
            yield page.slug, page.title, names, page.get_url() or ""


class SnippetSource(Source):
    def url(self, obj, places):
        # A directory entry without a page of its own is shown on its municipality's page.
        return super().url(obj, places) or next(filter(None, (page_url(p.pk) for p in places)), "")

    def locale(self, obj):
        # Untranslated snippets answer in every language.
        return super().locale(obj) if hasattr(obj, "locale_id") else ""


class DirectorySource(SnippetSource):
    """Directory entries (the bulk of the index), built from plain rows fetched per batch.

    Model instances with prefetched relations cost ~1 ms each in Django; rows cost a tenth of
    that. The text is the same as the model's search_text() (tests compare the two), and
    single updates go through here too, so a rebuild and an update give the same document.
    """

    def documents(self, queryset):
        rows = queryset.order_by("pk").values_list(*self.row_fields)
        rows = rows.iterator(chunk_size=BATCH_SIZE)
        while batch := list(islice(rows, BATCH_SIZE)):
            # The batch as a subquery (a pk range of the same queryset), not a list of a
            # thousand ids: Django prepares each listed id, a tenth of a rebuild's time.
            in_batch = queryset.filter(pk__gte=batch[0][0], pk__lte=batch[-1][0]).values("pk")
            related = self.related_rows(in_batch)
            with translation.override(settings.LANGUAGE_CODE):  # once a batch, not a row
                built = [self.built(row, related) for row in batch]
            yield from filter(None, built)

    def built(self, row, related):
        """(document id, document), or None if the row cannot become one."""
        doc_id = f"{self.model_label.lower()}:{row[0]}"
        try:
            return doc_id, self.row_document(row, related)
        except Exception:  # one broken object must not stop a rebuild
            logger.exception("search: could not turn %s into a document", doc_id)
            return None

    def row_document(self, row, related):
        raise NotImplementedError

    def document(
        self,
        pk,
        title,
        text,
        description,
        place_rows,
        topic_slugs,
        url="",
        concept_slugs=(),
        phone="",
        details=None,
    ):
        """The indexed fields from a row's parts; place_rows are (page id, slug) pairs."""
        body = clean_body(text)
        if not url:
            url = next(filter(None, (page_url(page_id) for page_id, _slug in place_rows)), "")
        return make_document(
            self,
            object_id=pk,
            title=title,
            body=body,
            summary=summary_from(description, body),
            url=url,
            locale="",
            municipalities=sorted({slug for _page_id, slug in place_rows if slug}),
            topics=sorted(set(topic_slugs)),
            concepts=concept_slugs,
            phone=phone,
            details=details,
        )


class UrlTemplate:
    """reverse(viewname, kwargs={"pk": pk}) for many objects: one reverse() per batch."""

    PLACEHOLDER = uuid.UUID(int=0)

    def __init__(self, viewname):
        self.template = reverse(viewname, kwargs={"pk": self.PLACEHOLDER})

    def __call__(self, pk):
        return self.template.replace(str(self.PLACEHOLDER), str(pk))


def grouped(rows):
    """{first column: [rest of the row, ...]} in row order."""
    groups = {}
    for key, *rest in rows:
        groups.setdefault(key, []).append(rest)
    return groups


def join_parts(parts):
    """The model's search_text() joining: stripped, non-empty parts on lines."""
    return "\n".join(part.strip() for part in parts if part and part.strip())


def field_lookups(model, target):
    """Names of `model`'s foreign keys and many-to-many fields to `target`."""
    return [
        field.name
        for field in model._meta.get_fields()
        if (field.many_to_one or field.many_to_many)
        and not field.auto_created
        and field.related_model is target
    ]


def all_documents():
    """(document id, document) for everything that should be in the index."""
    for source in active_sources():
        yield from source.documents(source.queryset())


def documents_for(source, object_ids):
    """{document id: document} of these objects that should be in the index."""
    return dict(source.documents(source.queryset().filter(pk__in=list(object_ids))))


def document_for(obj):
    """(document id, document or None): None when the object should not be in the index."""
    obj = getattr(obj, "specific", obj)
    source = source_for(type(obj))
    if source is None:
        return None, None
    doc_id = source.doc_id(obj)
    return doc_id, documents_for(source, [obj.pk]).get(doc_id)


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
    return clean_body(text)


def clean_body(text):
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


def summary_text(obj, body, length=SUMMARY_LENGTH):
    for field in ("summary", "search_description", "intro", "description"):
        value = plain(getattr(obj, field, ""))
        if value:
            return value[:length]
    return " ".join(body.split())[:length]


def summary_from(description, body, length=SUMMARY_LENGTH):
    """summary_text() for an object whose only summary field is `description`."""
    return (plain(description) or " ".join(body.split()))[:length]


def suggest_inputs(title):
    """Completion inputs: the folded title from each of its words, so 'dien' finds
    'Sociālais dienests'."""
    title_words = latvian.words(latvian.fold(title))
    return sorted({" ".join(title_words[i:]) for i in range(min(len(title_words), 6))} - {""})


def content_hash(document):
    """A fingerprint of a document, to find stale ones without comparing every field."""
    payload = orjson.dumps(document, default=str, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha1(payload, usedforsecurity=False).hexdigest()
