"""Fuzzed search and suggest requests never get a 5xx, on the real engine and the fallback."""

import io
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=1000,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hostile_text = st.one_of(
    st.text(max_size=250),
    st.sampled_from(['"*:()~/\\', "ventspilī AND (", "a" * 400, "\x00", "-1", "1e309", "ž~2"]),
)
search_params = st.dictionaries(
    st.sampled_from(["q", "municipality", "topic", "type", "group", "page", "ignore", "zzz"]),
    hostile_text,
    max_size=5,
)


@pytest.fixture
def engine_with_index(directory, search_index):
    call_command("search_index", "--rebuild", "--no-progress", stdout=io.StringIO())


def _get(client, path, params):
    response = client.get(f"{path}?{urlencode(params)}")
    assert response.status_code < 500, (path, params, response.status_code)


@FUZZ
@given(params=search_params)
def test_search_api_on_elasticsearch(client, engine_with_index, params):
    _get(client, "/api/search/", params)


@FUZZ
@given(prefix=hostile_text)
def test_suggest_api_on_elasticsearch(client, engine_with_index, prefix):
    _get(client, "/api/search/suggest/", {"q": prefix})


@FUZZ
@given(params=search_params)
def test_search_page_on_the_database_fallback(client, directory, settings, params):
    settings.ELASTICSEARCH_URL = ""
    _get(client, "/meklet/", params)
