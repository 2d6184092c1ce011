"""The search page and API answer one client at most SEARCH_RATE_LIMIT times a minute."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

API_URL = "/api/search/"
LIMIT = 60


@pytest.fixture(autouse=True)
def _limit_on(settings):
    """Off in test settings (tests send many searches from 127.0.0.1); on here, from zero."""
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_RATE_LIMIT = LIMIT
    cache.clear()
    yield
    cache.clear()


def test_the_61st_search_in_a_minute_is_refused_with_retry_after(client):
    for number in range(LIMIT):
        assert client.get(API_URL, {"q": f"jautājums {number}"}).status_code == 200
    response = client.get(API_URL, {"q": "vēl viens jautājums"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 60
    assert "Pārāk daudz meklēšanas pieprasījumu" in response.json()["error"]
    other = client.get(API_URL, {"q": "vēl viens jautājums"}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_the_search_page_answers_a_page_when_over_the_limit(client, settings):
    settings.SEARCH_RATE_LIMIT = 2
    for _ in range(2):
        assert client.get("/meklet/", {"q": "bāriņtiesa"}).status_code == 200
    response = client.get("/meklet/", {"q": "bāriņtiesa"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Pārāk daudz meklēšanas pieprasījumu" in html
    assert 'value="bāriņtiesa"' in html  # the question stays in the box for a later try


def test_suggestions_are_limited_too(client, settings):
    settings.SEARCH_RATE_LIMIT = 1
    assert client.get(f"{API_URL}suggest/", {"q": "bā"}).status_code == 200
    response = client.get(f"{API_URL}suggest/", {"q": "bār"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"


def test_behind_the_proxy_each_forwarded_client_has_its_own_count(client, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.SEARCH_RATE_LIMIT = 1
    # REMOTE_ADDR is the proxy's (127.0.0.1) every time; the proxy appends the client last.
    assert client.get(API_URL, {"q": "a"}, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 200
    forged = client.get(API_URL, {"q": "a"}, HTTP_X_FORWARDED_FOR="10.1.1.1, 203.0.113.9")
    assert forged.status_code == 429
    assert client.get(API_URL, {"q": "a"}, HTTP_X_FORWARDED_FOR="203.0.113.10").status_code == 200


def test_zero_turns_the_limit_off(client, settings):
    settings.SEARCH_RATE_LIMIT = 0
    for _ in range(3):
        assert client.get(API_URL, {"q": "a"}).status_code == 200
