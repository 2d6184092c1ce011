"""Fuzzed search and suggest requests never get a 5xx, on the real engine and the fallback."""

import io

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from portal.tests import fuzz
from portal.tests.fuzz import FUZZ, get_without_server_error

pytestmark = pytest.mark.django_db

hostile_text = fuzz.hostile_text(
    ['"*:()~/\\', "ventspilī AND (", "a" * 400, "\x00", "-1", "1e309", "ž~2"], max_size=250
)
search_params = st.dictionaries(
    st.sampled_from(["q", "municipality", "topic", "type", "group", "page", "ignore", "zzz"]),
    hostile_text,
    max_size=5,
)


@pytest.fixture
def engine_with_index(directory, search_index):
    call_command("search_index", "--rebuild", "--no-progress", stdout=io.StringIO())


@FUZZ
@given(params=search_params)
def test_search_api_on_elasticsearch(client, engine_with_index, params):
    get_without_server_error(client, "/api/search/", params)


@FUZZ
@given(prefix=hostile_text)
def test_suggest_api_on_elasticsearch(client, engine_with_index, prefix):
    get_without_server_error(client, "/api/search/suggest/", {"q": prefix})


@FUZZ
@given(params=search_params)
def test_search_page_on_the_database_fallback(client, directory, settings, params):
    settings.ELASTICSEARCH_URL = ""
    get_without_server_error(client, "/meklet/", params)
