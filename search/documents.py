"""The Elasticsearch index: one document type behind an alias, and the client.

The alias (settings.ELASTICSEARCH_INDEX) points at one versioned index
`<alias>-v<MAPPING_VERSION>-<timestamp>`; a rebuild fills a new one and swaps the alias in
one request, so searches never see a half-built index.

The mapping uses only what Elasticsearch's integ-test-zip has (standard tokenizer,
lowercase, stop `_latvian_`, hunspell lv_LV, completion), so it runs there and on the
official image alike. Diacritic folding and light stemming come from search/text.py.
"""

from functools import lru_cache

from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    Keyword,
    Object,
    Text,
    analyzer,
    token_filter,
)
from elasticsearch.serializer import OrjsonSerializer

# Bump when the mapping or the analysis changes: `search_index --rebuild` then makes a new index.
MAPPING_VERSION = 5

latvian_stop = token_filter("lv_stop", type="stop", stopwords="_latvian_")
latvian_hunspell = token_filter("lv_hunspell", type="hunspell", locale="lv_LV", dedup=True)

# Word forms exactly as written (lowercased): ranks above everything else.
exact_analyzer = analyzer("lv_exact", tokenizer="standard", filter=["lowercase"])
# Dictionary stems: dzīvokļu, dzīvokļa → dzīvoklis.
stem_analyzer = analyzer(
    "lv_stem", tokenizer="standard", filter=["lowercase", latvian_stop, latvian_hunspell]
)
# For the Python-folded copies (already folded, stemmed and without stop words).
plain_analyzer = analyzer("lv_plain", tokenizer="standard", filter=["lowercase"])


def text_field():
    return Text(analyzer=exact_analyzer, fields={"stem": Text(analyzer=stem_analyzer)})


class SearchDocument(Document):
    kind = Keyword()
    group = Keyword()
    model = Keyword()
    object_id = Keyword()
    title = text_field()
    body = text_field()
    title_folded = Text(analyzer=plain_analyzer)
    body_folded = Text(analyzer=plain_analyzer)
    title_stems = Text(analyzer=plain_analyzer)
    body_stems = Text(analyzer=plain_analyzer)
    title_roots = Text(analyzer=plain_analyzer)
    body_roots = Text(analyzer=plain_analyzer)
    summary = Text(index=False)
    url = Keyword(index=False)
    locale = Keyword()
    municipalities = Keyword()
    topics = Keyword()
    concepts = Keyword()
    phone = Keyword(index=False)  # a contact's first number, shown with the result
    # Shown with a result, never searched: a service's weekly hours and first address.
    details = Object(enabled=False)
    # A passage's page (kind "passage": one section of a long page); empty for the others.
    page_title = Keyword()
    suggest = Completion(analyzer=plain_analyzer, preserve_separators=False)
    content_hash = Keyword()
    indexed_at = Date()

    class Index:
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


def is_configured():
    return bool(settings.ELASTICSEARCH_URL)


def alias_name():
    return settings.ELASTICSEARCH_INDEX


def new_index_name():
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    return f"{alias_name()}-v{MAPPING_VERSION}-{stamp}"


def index_pattern():
    return f"{alias_name()}-v*"


@lru_cache(maxsize=8)
def _client(url, timeout):
    return Elasticsearch(
        url,
        request_timeout=timeout,
        max_retries=0,
        retry_on_timeout=False,
        serializer=OrjsonSerializer(),
    )


def client(timeout=5):
    """The client for settings.ELASTICSEARCH_URL; short timeouts so nothing waits long."""
    return _client(settings.ELASTICSEARCH_URL, timeout)


def create_index(es, name):
    """An empty index with the mapping, tuned for bulk loading until `finish_index`."""
    index = SearchDocument._index.clone(name)
    index.settings(refresh_interval="-1")
    index.create(using=es)


def finish_index(es, name):
    es.indices.put_settings(index=name, settings={"refresh_interval": "1s"})
    es.indices.refresh(index=name)


def current_indices(es):
    """Names of the indices the alias points at now (normally one)."""
    try:
        return sorted(es.indices.get_alias(name=alias_name()).keys())
    except NotFoundError:
        return []


def swap_alias(es, new_index):
    """Point the alias at `new_index` in one atomic request; returns the previous indices."""
    alias = alias_name()
    old = current_indices(es)
    actions = [{"add": {"index": new_index, "alias": alias}}]
    if not old and es.indices.exists(index=alias):
        # A concrete index with the alias' name (auto-created by mistake) is in the way.
        actions.append({"remove_index": {"index": alias}})
    actions += [{"remove": {"index": name, "alias": alias}} for name in old]
    es.indices.update_aliases(actions=actions)
    return old


def delete_old_indices(es, keep):
    """Remove this alias' versioned indices other than `keep` (one request)."""
    names = es.indices.get(index=index_pattern(), expand_wildcards="open,closed").keys()
    old = sorted(name for name in names if name != keep)
    if old:
        # By name: wildcard deletes are refused (action.destructive_requires_name).
        es.indices.delete(index=",".join(old))


def document_source(document):
    """The _source to store: the document plus the time it was indexed."""
    return {**document, "indexed_at": timezone.now().isoformat()}
