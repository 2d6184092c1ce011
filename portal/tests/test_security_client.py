"""Who is asking and how often: login lockouts and rate limits follow the client's address."""

import datetime
import importlib
import threading

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from portal.core.client import count_request, requests_counted

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.5"
OWNER = "198.51.100.7"


def login(client, password, forwarded_for):
    # REMOTE_ADDR stays the test client's 127.0.0.1 throughout: the proxy.
    return client.post(
        "/admin/login/",
        {"username": "mediators", "password": password},
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_a_lockout_behind_the_proxy_is_keyed_on_the_forwarded_address(
    client, settings, django_user_model
):
    settings.AXES_ENABLED = True
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    django_user_model.objects.create_user("mediators", password="a-correct-password-1")
    for number in range(settings.AXES_FAILURE_LIMIT):
        # Whatever the attacker writes in the header, the proxy appends their real address.
        login(client, "wrong", f"10.0.0.{number}, {ATTACKER}")

    assert login(client, "a-correct-password-1", ATTACKER).status_code == 429
    assert login(client, "a-correct-password-1", OWNER).status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


@pytest.mark.postgres
def test_a_malformed_forwarded_address_falls_back_to_the_connection(
    client, settings, django_user_model
):
    settings.AXES_ENABLED = True
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    django_user_model.objects.create_user("mediators", password="a-correct-password-1")
    # PostgreSQL's address column would refuse it: a 500 instead of the login form.
    assert login(client, "wrong", "203.0.113.5, not-an-address").status_code == 200
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["127.0.0.1"]


@pytest.fixture
def production_cache(settings, monkeypatch):
    """The rate-limit cache as production configures it (a table in the database)."""
    monkeypatch.setenv("SECRET_KEY", "only-to-import-the-production-settings")
    production = importlib.import_module("portal.settings.production")
    settings.CACHES = {**settings.CACHES, "default": production.CACHES["default"]}
    call_command("createcachetable", verbosity=0)
    cache.clear()
    yield cache
    cache.clear()


# Production's database cache is PostgreSQL's (compose); its expiry handling is PostgreSQL's.
@pytest.mark.postgres
def test_a_count_in_the_production_cache_ends_with_its_window(production_cache, rf):
    request = rf.get("/")
    started = timezone.now()
    for _ in range(3):
        count_request("test", request, window=3)
    assert requests_counted("test", request) == 3
    # Django's own incr of the database cache gives the key the default 5 minutes.
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM portal_cache")
        (expires,) = cursor.fetchone()
    assert expires <= started + datetime.timedelta(seconds=4)
    # Once the window has passed, counting starts again (the clock moved on, not slept).
    with connection.cursor() as cursor:
        cursor.execute("UPDATE portal_cache SET expires = %s", [started - datetime.timedelta(1)])
    assert count_request("test", request, window=3) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_counts_in_the_production_cache_are_not_lost(production_cache, rf):
    request = rf.get("/")
    start = threading.Barrier(8)

    def count_ten():
        try:
            start.wait()
            for _ in range(10):
                count_request("test", request, window=60)
        finally:
            connection.close()

    threads = [threading.Thread(target=count_ten) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert requests_counted("test", request) == 80
