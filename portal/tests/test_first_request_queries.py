"""The first request after every cache is emptied, of every public page type, runs a bounded
number of SQL queries (test_query_counts.py counts the second one, and the growth with the
corpus). Emptied: every Django cache (the page cache with the menu, footer and filter lists
it keeps; Wagtail's site root paths) and every per-process table (content types, locales, the
search vocabulary), as for a fresh worker after a content change. The search page is counted
with search's own tests."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.tests.fixtures import forget_process_caches
from portal.tests.test_query_counts import public_urls

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

FIRST_REQUEST_LIMIT = 15
# Measured on the demo, every routed page's first request runs 7 that no page can share with an
# earlier one: the per-process tables (content types, locales: one query each), the sites with
# their root pages and the footer's settings, the home page in each language (which also gives
# Wagtail's site root paths: portal.core.sites), the pages on the path with whether any has a
# view restriction, the page's specific row, and the main menu. Every page type stays within 15.
PAGE_TYPES = (
    "home",
    "home (en)",
    "article",
    "seminar",
    "guide",
    "guide step",
    "knowledge listing",
    "knowledge topic",
    "municipality index",
    "municipality",
    "municipality services",
    "compare",
    "service",
    "mediator index",
    "mediator profile",
    "experience index",
    "experience post",
    "404",
)


def queries_of(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, [query["sql"] for query in context.captured_queries]


def test_first_request_after_every_cache_is_emptied(client, demo_site, settings):
    settings.ELASTICSEARCH_URL = ""  # the database fallback
    urls = public_urls()
    counts, failures = {}, []
    for name in PAGE_TYPES:
        forget_process_caches()
        response, first = queries_of(client, urls[name])
        assert response.status_code == (404 if name == "404" else 200), urls[name]
        _response, second = queries_of(client, urls[name])
        counts[name] = (len(first), len(second))
        # The caches really were empty: the same request again finds them full.
        assert len(second) < len(first), name
        if len(first) > FIRST_REQUEST_LIMIT:
            failures.append("\n".join([f"{name}: {len(first)} queries", *first]))
    table = "\n".join(f"{name:24} {first:3} {second:3}" for name, (first, second) in counts.items())
    print(f"\nqueries: first request, second\n{table}")
    assert not failures, table + "\n\n" + "\n\n".join(failures)
