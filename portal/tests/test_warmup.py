"""A worker's warm-up (portal/warmup.py, run by portal/wsgi.py in each gunicorn worker)."""

import pytest
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import OperationalError, close_old_connections

from portal import warmup
from portal.core import process_tables
from portal.tests.fixtures import forget_process_caches

pytestmark = pytest.mark.django_db


def test_warm_up_renders_a_page_of_every_type_outside_the_page_cache(demo_site, settings):
    settings.ELASTICSEARCH_URL = ""
    settings.PAGE_CACHE_SECONDS = 300
    forget_process_caches()
    application = get_wsgi_application()
    warmup.load_catalogues_and_urls()
    warmup.compile_templates()
    warmup.load_tables()
    assert process_tables.content_types_loaded()
    assert set(process_tables.locales()) == {"lv", "en"}
    # As Django's test client does: the requests must not close the test's connection.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        statuses = warmup.render_pages(application)
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    assert {"/", "/en/", "/zinasanas/", "/pasvaldibas/"} <= set(statuses)
    assert len(statuses) >= 12  # the home page in each language and every other page type
    assert set(statuses.values()) == {200}
    # Kept out of the page cache: a visitor's first request is a real render.
    stored = [key for key in caches["pages"]._cache if ":page:" in key]
    assert stored == []


def test_warm_up_without_a_database_leaves_the_worker_serving(settings, monkeypatch, caplog):
    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setattr(warmup, "load_tables", unreachable)
    warmup.warm_up(application=None)
    assert "warm-up without the database" in caplog.text
