"""The search page and API on the demo with every cache empty: Django's caches and the
in-process tables (vocabulary, concepts, places and topics, pinned questions, locales, content
types). The first request loads them in a few bulk queries; later ones run only the page's own."""

from urllib.parse import urlencode

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.core import process_tables
from search import fallback, indexing, promotions, searchlog
from search.registry import _sources_by_label

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]

FIRST_REQUEST_LIMIT = 15
QUESTIONS = ["ģimenei Ventspilī ir īres parādi", "bāriņtiesa Jelgavā", "mediatore Viļakā"]
URLS = [
    *(f"/meklet/?{urlencode({'q': question})}" for question in QUESTIONS),
    *(f"/api/search/?{urlencode({'q': question})}" for question in QUESTIONS),
]


def forget_everything():
    for cache in caches.all():
        cache.clear()
    fallback.forget_documents()  # the vocabulary, its concepts and cached page addresses
    promotions.forget_pinned()
    process_tables.forget()  # locales and content types
    _sources_by_label.cache_clear()


def queries_of(client, url):
    """The request's statements, without the savepoints of the test's own transaction (the
    log row's atomic block is a plain transaction in production, no statement of its own)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    sql = [query["sql"] for query in context.captured_queries]
    return [statement for statement in sql if "SAVEPOINT" not in statement]


def test_first_request_with_every_cache_empty_runs_few_queries(demo_site, search_index, client):
    indexing.rebuild()
    counts = {}
    for url in URLS:
        forget_everything()
        first = queries_of(client, url)
        again = queries_of(client, url)
        counts[url] = (len(first), len(again))
        assert len(first) <= FIRST_REQUEST_LIMIT, "\n".join([url, *first])
        # Afterwards: the page's result details and its log row; the API buffers its row.
        assert len(again) <= (3 if url.startswith("/meklet/") else 0), "\n".join([url, *again])
    searchlog.flush()
    print("\n".join(f"{first:3} {again:3}  {url}" for url, (first, again) in counts.items()))
