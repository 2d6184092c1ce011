"""Keeping the index true when Elasticsearch is down: saves never fail, changes wait."""

import time

import pytest
from django.core.management import CommandError, call_command

from search import indexing
from search.models import PendingIndexUpdate

pytestmark = pytest.mark.django_db

# Nothing listens on port 9 (discard) here: connections are refused at once.
DOWN_URL = "http://127.0.0.1:9"


@pytest.fixture
def engine_down(settings):
    settings.ELASTICSEARCH_URL = DOWN_URL
    settings.ELASTICSEARCH_INDEX = "test-down"


def test_saving_a_snippet_while_the_engine_is_down(
    directory, engine_down, django_capture_on_commit_callbacks
):
    service = directory["services"]["Rīgas sociālais dienests"]
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        service.description = "Jauns apraksts."
        service.save()
    assert time.monotonic() - started < 5
    pending = PendingIndexUpdate.objects.get()
    assert pending.doc_id == f"network.service:{service.pk}"
    assert pending.action == "update"
    assert pending.attempts == 1
    assert pending.last_error
    # A second change while still down: the same entry, one more attempt.
    indexing.mark_up()
    with django_capture_on_commit_callbacks(execute=True):
        service.save()
    pending.refresh_from_db()
    assert pending.attempts == 2


def test_publishing_and_deleting_pages_while_down(
    directory, engine_down, django_capture_on_commit_callbacks
):
    page = directory["municipalities"]["riga"]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert PendingIndexUpdate.objects.get().action == "update"
    page_id = page.pk
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    pending = PendingIndexUpdate.objects.get(doc_id=f"network.municipalitypage:{page_id}")
    assert pending.action == "delete"


def test_moving_a_page_reindexes_it_and_its_subtree(
    directory, engine_down, django_capture_on_commit_callbacks
):
    site = directory["site"]
    index_page = directory["municipalities"]["riga"].get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        index_page.move(site.root_page, pos="last-child")
    pending = set(PendingIndexUpdate.objects.values_list("doc_id", flat=True))
    expected = {f"network.municipalitypage:{m.pk}" for m in directory["municipalities"].values()}
    assert expected <= pending


def test_the_search_page_answers_from_the_database(directory, engine_down, client):
    data = client.get("/api/search/", {"q": "īres parādi Ventspilī"}).json()
    assert data["engine"] == "database"
    assert data["results"][0]["title"].startswith("Dzīvokļu nodaļa")
    html = client.get("/meklet/", {"q": "īres parādi Ventspilī"}).content.decode()
    assert "vienkāršotā režīmā" in html
    assert client.get("/api/search/suggest/", {"q": "dien"}).json()["engine"] == "database"


def test_nothing_is_queued_without_an_engine(
    directory, settings, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        directory["services"]["Rīgas sociālais dienests"].save()
    assert not PendingIndexUpdate.objects.exists()


def test_commands_explain_what_is_wrong(directory, settings, engine_down):
    with pytest.raises(CommandError, match="Elasticsearch"):
        call_command("search_index", "--check")
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is empty"):
        call_command("search_index", "--rebuild")
