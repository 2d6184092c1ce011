"""Long pages indexed per section: passage documents, their anchors, sync and results."""

import re
from html import unescape

import pytest
from elasticsearch.helpers import scan

from knowledge.models import SeminarPage
from search import documents, indexing
from search.models import PendingIndexUpdate

pytestmark = pytest.mark.django_db

API_URL = "/api/search/"
SEMINAR_TITLE = "Romu mediatoru pieredzes apmaiņas seminārs"
# Words of one section of the seminar page ("Romu mediatoru paveiktais").
SECTION_QUESTION = "Infektoloģijas centra pacienti"
SECTION_ANCHOR = "romu-mediatoru-paveiktais"


def seminar_documents(es_client, alias, seminar):
    """{doc id: source} of the (Latvian) seminar page's documents in the index (its English
    translation has its own)."""
    es_client.indices.refresh(index=alias)
    query = {"query": {"term": {"model": "knowledge.seminarpage"}}}
    page_id = f"knowledge.seminarpage:{seminar.pk}"
    return {
        hit["_id"]: hit["_source"]
        for hit in scan(es_client, index=alias, query=query)
        if hit["_id"].partition("#")[0] == page_id
    }


@pytest.fixture
def indexed_demo(demo_site, search_index):
    indexing.rebuild()
    return SeminarPage.objects.get(locale__language_code="lv")


@pytest.mark.elasticsearch
def test_the_seminars_passages_are_indexed_with_urls_to_their_anchors(
    indexed_demo, es_client, search_index, client
):
    seminar = indexed_demo
    found = seminar_documents(es_client, search_index, seminar)
    page_id = f"knowledge.seminarpage:{seminar.pk}"
    passages = {doc_id: source for doc_id, source in found.items() if doc_id != page_id}
    assert found[page_id]["kind"] == "seminar"
    assert f"{page_id}#{SECTION_ANCHOR}" in passages
    html = client.get(seminar.url).content.decode()
    for doc_id, source in passages.items():
        anchor = doc_id.split("#", 1)[1]
        assert source["kind"] == "passage"
        assert source["group"] == "knowledge"
        assert source["page_title"] == SEMINAR_TITLE
        assert source["url"] == f"{seminar.url}#{anchor}"
        assert f'id="{anchor}"' in html
        assert source["municipalities"] == found[page_id]["municipalities"]
        assert source["topics"] == found[page_id]["topics"]
        assert source["locale"] == "lv"
    assert indexing.check().ok


@pytest.mark.elasticsearch
def test_a_question_about_one_section_finds_that_passage(indexed_demo, client):
    data = client.get(API_URL, {"q": SECTION_QUESTION}).json()
    assert data["engine"] == "elasticsearch"
    knowledge = [hit for hit in data["results"] if hit["group"] == "knowledge"]
    first = knowledge[0]
    assert first["type"] == "passage"
    assert first["title"] == "Romu mediatoru paveiktais"
    assert first["page_title"] == SEMINAR_TITLE
    assert first["url"].endswith(f"/#{SECTION_ANCHOR}")
    assert "<mark>" in first["snippet"]
    # The page as a whole keeps only its intro and headings: the section ranks, not the page.
    assert "seminar" not in {hit["type"] for hit in knowledge}


def passage_link(html):
    """The href of the passage's result link (through the click log) on the search page."""
    link = re.search(r'<a href="([^"]+)">Romu mediatoru paveiktais</a>', html)
    return unescape(link.group(1)) if link else ""


@pytest.mark.elasticsearch
def test_the_search_page_shows_a_passage_with_its_page_title(indexed_demo, client):
    html = client.get("/meklet/", {"q": SECTION_QUESTION}).content.decode()
    assert f"no: <span>{SEMINAR_TITLE}</span>" in html
    # The link leads to the section's anchor on the page.
    response = client.get(passage_link(html))
    assert response.status_code == 302
    assert response["Location"] == f"{indexed_demo.url}#{SECTION_ANCHOR}"


def test_the_fallback_finds_passages_too(demo_site, settings, client):
    settings.ELASTICSEARCH_URL = ""
    data = client.get(API_URL, {"q": SECTION_QUESTION}).json()
    assert data["engine"] == "database"
    passage = next(hit for hit in data["results"] if hit["type"] == "passage")
    assert passage["url"].endswith(f"#{SECTION_ANCHOR}")
    assert passage["page_title"] == SEMINAR_TITLE
    html = client.get("/meklet/", {"q": SECTION_QUESTION}).content.decode()
    assert f"no: <span>{SEMINAR_TITLE}</span>" in html
    assert client.get(passage_link(html))["Location"].endswith(f"#{SECTION_ANCHOR}")


@pytest.mark.elasticsearch
def test_unpublishing_and_editing_the_page_update_its_passages(
    indexed_demo, es_client, search_index, django_capture_on_commit_callbacks
):
    seminar = indexed_demo
    page_id = f"knowledge.seminarpage:{seminar.pk}"
    before = seminar_documents(es_client, search_index, seminar)
    assert len(before) > 3
    # A section removed: its passage goes, the others stay.
    # Without its first heading, the first section's text joins the one before ("Uzdevumi").
    seminar.body = [(child.block_type, child.value) for child in seminar.body][1:]
    with django_capture_on_commit_callbacks(execute=True):
        seminar.save_revision().publish()
    after = seminar_documents(es_client, search_index, seminar)
    gone = set(before) - set(after)
    assert gone == {f"{page_id}#romu-mediatoru-darbibas-pamatvirzieni-un-uzdevumi"}
    assert indexing.check().ok
    with django_capture_on_commit_callbacks(execute=True):
        seminar.unpublish()
    assert seminar_documents(es_client, search_index, seminar) == {}
    assert not PendingIndexUpdate.objects.exists()


def test_a_long_page_published_while_the_engine_is_down_waits_as_one_change(
    demo_site, settings, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens: refused at once
    settings.ELASTICSEARCH_INDEX = "test-down"
    seminar = SeminarPage.objects.get(locale__language_code="lv")
    with django_capture_on_commit_callbacks(execute=True):
        seminar.save_revision().publish()
    pending = PendingIndexUpdate.objects.get()
    assert pending.doc_id == f"knowledge.seminarpage:{seminar.pk}"
    assert pending.action == "update"
    assert documents.alias_name() == "test-down"


@pytest.mark.elasticsearch
def test_a_page_shows_once_in_a_group_however_many_sections_match(indexed_demo, client):
    data = client.get(API_URL, {"q": "kā sākt darbu romu mediatoram"}).json()
    knowledge = [hit for hit in data["results"] if hit["group"] == "knowledge"]
    pages = [hit["id"].partition("#")[0] for hit in knowledge]
    assert len(pages) == len(set(pages))
    assert f"knowledge.seminarpage:{indexed_demo.pk}" in pages
    assert "Romu mediatora darba uzsākšana" in [hit["title"] for hit in knowledge[:3]]
