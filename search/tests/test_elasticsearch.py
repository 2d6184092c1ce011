"""The index on a real Elasticsearch: analysis, rebuild, sync, searching, suggesting."""

import gc
import io

import pytest
from django.core.management import CommandError, call_command
from elasticsearch.helpers import BulkIndexError

from search import documents, indexing
from search.models import PendingIndexUpdate
from search.sources import all_documents

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]

API_URL = "/api/search/"


def analyze(es_client, index, analyzer, text):
    response = es_client.indices.analyze(index=index, analyzer=analyzer, text=text)
    return [token["token"] for token in response["tokens"]]


@pytest.fixture
def built(directory, search_index):
    indexing.rebuild()
    return directory


def test_mapping_analysis_on_this_engine(built, es_client, search_index):
    stems = analyze(es_client, search_index, "lv_stem", "dzīvokļu dzīvokļa bāriņtiesā un ir")
    assert stems == ["dzīvoklis", "dzīvoklis", "bāriņtiesa"]
    exact = analyze(es_client, search_index, "lv_exact", "Dzīvokļu Bāriņtiesā")
    assert exact == ["dzīvokļu", "bāriņtiesā"]


def test_rebuild_swaps_the_alias_and_removes_the_old_index(built, es_client, search_index):
    first = documents.current_indices(es_client)
    assert len(first) == 1
    assert first[0].startswith(f"{search_index}-v{documents.MAPPING_VERSION}-")
    name, count = indexing.rebuild()
    assert count == indexing.expected_count() == 4 + 5 + 5
    assert documents.current_indices(es_client) == [name]
    assert not es_client.indices.exists(index=first[0])


def test_a_document_the_engine_refuses_stops_the_rebuild_and_keeps_the_index(
    built, es_client, search_index, monkeypatch
):
    before = documents.current_indices(es_client)
    (refused_id, refused), *others = all_documents()
    refused = {**refused, "municipalities": {"not": "a keyword"}}
    monkeypatch.setattr(indexing, "all_documents", lambda: iter([(refused_id, refused), *others]))
    with pytest.raises(BulkIndexError, match="1 document") as raised:
        indexing.rebuild()
    assert [item["index"]["_id"] for item in raised.value.errors] == [refused_id]
    assert "municipalities" in raised.value.errors[0]["index"]["error"]["reason"]
    # The alias and its index are as they were; the half-built index is gone.
    assert documents.current_indices(es_client) == before
    assert list(es_client.indices.get(index=documents.index_pattern())) == before
    with pytest.raises(CommandError, match="failed to index"):
        call_command("search_index", "--rebuild", "--no-progress", stdout=io.StringIO())
    assert documents.current_indices(es_client) == before


def test_the_rebuild_command_holds_its_start_up_heap_out_of_garbage_collection(built, monkeypatch):
    events = []
    monkeypatch.setattr(gc, "freeze", lambda: events.append("heap frozen"))
    rebuild = indexing.rebuild
    monkeypatch.setattr(
        indexing, "rebuild", lambda **kwargs: events.append("rebuild") or rebuild(**kwargs)
    )
    out = io.StringIO()
    call_command("search_index", "--rebuild", "--no-progress", stdout=out)
    assert events == ["heap frozen", "rebuild"]
    assert "Indexed 14 documents" in out.getvalue()


def test_check_and_sync_find_and_fix_differences(built, es_client, search_index):
    assert indexing.check().ok
    service = built["services"]["Rīgas sociālais dienests"]
    service.description = "Jauns apraksts par komunālajiem maksājumiem."
    service.save()
    es_client.delete(
        index=search_index,
        id="network.municipalitypage:" + str(built["municipalities"]["vilaka"].pk),
        refresh=True,
    )
    es_client.index(
        index=search_index, id="network.service:gone", document={"kind": "service"}, refresh=True
    )
    report = indexing.check()
    assert report.stale == [f"network.service:{service.pk}"]
    assert report.missing == [f"network.municipalitypage:{built['municipalities']['vilaka'].pk}"]
    assert report.extra == ["network.service:gone"]
    indexing.sync()
    assert indexing.check().ok


def test_the_heart_of_it_rent_debts_in_ventspils(client, built):
    data = client.get(API_URL, {"q": "ģimenei Ventspilī ir īres parādi"}).json()
    assert data["engine"] == "elasticsearch"
    assert data["fallback"] is False
    assert data["results"][0]["title"] == "Dzīvokļu nodaļa — Ventspils pilsētas sociālā pārvalde"
    assert all("riga" not in hit["municipalities"] for hit in data["results"])
    assert "<mark>" in data["results"][0]["snippet"]


BARINTIESA = {"Bāriņtiesas konsultācijas — Jelgavas bāriņtiesa", "Jelgavas bāriņtiesa"}
NVA = {"Jelgavas filiāle — Nodarbinātības valsts aģentūra", "Nodarbinātības valsts aģentūra"}


@pytest.mark.parametrize(
    ("question", "titles"),
    [
        ("barintiesa", BARINTIESA),
        ("bāriņtiesai Jelgavā", BARINTIESA),
        ("dzivoklu parads riga", {"Palīdzība dzīvokļa jautājumos — Rīgas sociālais dienests"}),
        ("NVA Jelgavā", NVA),
        ("nodarbinatibas agentura jelgava", NVA),
        ("skolas kavējumi Viļakā", {"Sociālais pedagogs — Viļakas pamatskola"}),
    ],
)
def test_word_forms_diacritics_places_abbreviations(client, built, question, titles):
    data = client.get(API_URL, {"q": question}).json()
    assert {hit["title"] for hit in data["results"][: len(titles)]} == titles


def test_exact_form_ranks_above_folded(client, built, es_client, search_index):
    # Two documents differing only in diacritics: the one written as typed comes first.
    organization_model = built["services"]["Rīgas sociālais dienests"].organization.__class__
    organization_model.objects.create(name="Sāta kopiena")
    organization_model.objects.create(name="Sata kopiena")
    indexing.rebuild()
    titles = [hit["title"] for hit in client.get(API_URL, {"q": "sāta"}).json()["results"]]
    assert titles == ["Sāta kopiena", "Sata kopiena"]
    titles = [hit["title"] for hit in client.get(API_URL, {"q": "sata"}).json()["results"]]
    assert titles == ["Sata kopiena", "Sāta kopiena"]


def test_facets_filters_and_paging(client, built):
    data = client.get(API_URL, {"q": "konsultācijas"}).json()
    assert {f["value"]: f["count"] for f in data["facets"]["municipality"]} == {
        "jelgava": 2,
        "riga": 1,
    }
    data = client.get(API_URL, {"q": "konsultācijas", "municipality": "riga"}).json()
    assert data["total"] == 1
    data = client.get(API_URL, {"q": "konsultācijas", "page": "7"}).json()
    assert data["results"] == [] and data["total"] == 3


def test_did_you_mean_and_suggest(client, built):
    data = client.get(API_URL, {"q": "pabalssts"}).json()
    assert data["did_you_mean"] == "pabalsts"
    suggestions = client.get("/api/search/suggest/", {"q": "barin"}).json()
    assert suggestions["engine"] == "elasticsearch"
    assert "Jelgavas bāriņtiesa" in [s["title"] for s in suggestions["suggestions"]]
    suggestions = client.get("/api/search/suggest/", {"q": "dien"}).json()
    assert "Rīgas sociālais dienests" in [s["title"] for s in suggestions["suggestions"]]


def test_a_typing_mistake_still_finds_the_answer(client, built):
    # No form, stem or root of "agnetura" is indexed: the search finds nothing without typo
    # tolerance, so it is asked again with it, and finds the employment agency.
    data = client.get(API_URL, {"q": "agnetura"}).json()
    assert data["total"] == 2
    assert data["results"][0]["title"] == "Jelgavas filiāle — Nodarbinātības valsts aģentūra"


def test_a_result_shows_its_address_and_todays_hours_from_the_index(
    client, directory, search_index, es_client, django_capture_on_commit_callbacks
):
    from datetime import time

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from network.factories import LocationFactory, ScheduleFactory, ServiceAtLocationFactory

    service = directory["services"]["Jelgavas bāriņtiesa"]
    today = timezone.localdate().isoweekday()
    ScheduleFactory(service=service, weekday=today, opens_at=time(0, 0), closes_at=time(0, 1))
    place = LocationFactory(address_1="Pasta iela 37", city="Jelgava", postal_code="LV-3001")
    ServiceAtLocationFactory(service=service, sort_order=1, location=place)
    indexing.rebuild()
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/meklet/", {"q": "bāriņtiesa Jelgavā"}).content.decode()
    assert '<p class="result__address meta">Pasta iela 37, Jelgava, LV-3001</p>' in html
    assert "Šodien" in html and "00:00–00:01" in html
    # Stored in its document: the page reads neither hours nor locations.
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "network_schedule" not in read and "network_location" not in read
    # A location's new address reaches the services there (their text and their results).
    with django_capture_on_commit_callbacks(execute=True):
        place.address_1 = "Lielā iela 1"
        place.save()
    es_client.indices.refresh(index=search_index)
    html = client.get("/meklet/", {"q": "bāriņtiesa Jelgavā"}).content.decode()
    assert '<p class="result__address meta">Lielā iela 1, Jelgava, LV-3001</p>' in html
    titles = [hit["title"] for hit in client.get(API_URL, {"q": "Lielā iela"}).json()["results"]]
    assert f"{service.name} — {service.organization.name}" in titles


@pytest.mark.parametrize("question", ['"īres" * : ( ) ~ / \\', "parādi) OR (*", "a:b~2 \\ ["])
def test_query_syntax_is_text(client, built, question):
    response = client.get(API_URL, {"q": question})
    assert response.status_code == 200
    assert response.json()["engine"] == "elasticsearch"


def test_saving_updates_the_index_through_the_task(
    built, client, django_capture_on_commit_callbacks, es_client, search_index
):
    service = built["services"]["Viļakas pamatskola"]
    with django_capture_on_commit_callbacks(execute=True):
        service.description = "Palīdzība ar mājasdarbiem un liecībām."
        service.save()
    es_client.indices.refresh(index=search_index)
    titles = [h["title"] for h in client.get(API_URL, {"q": "mājasdarbiem"}).json()["results"]]
    assert titles == ["Sociālais pedagogs — Viļakas pamatskola"]
    with django_capture_on_commit_callbacks(execute=True):
        service.contacts.all().delete()
        service.delete()
    es_client.indices.refresh(index=search_index)
    assert client.get(API_URL, {"q": "mājasdarbiem"}).json()["total"] == 0


def test_unpublishing_a_page_removes_it(
    built, client, django_capture_on_commit_callbacks, es_client, search_index
):
    page = built["municipalities"]["vilaka"]
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    es_client.indices.refresh(index=search_index)
    data = client.get(API_URL, {"q": "Viļaka", "type": "municipality"}).json()
    assert data["total"] == 0
    assert not PendingIndexUpdate.objects.exists()


def test_missing_index_falls_back_to_the_database(client, directory, search_index):
    data = client.get(API_URL, {"q": "ģimenei Ventspilī ir īres parādi"}).json()
    assert data["engine"] == "database"
    assert data["results"][0]["title"].startswith("Dzīvokļu nodaļa")


def test_changes_while_the_index_is_missing_are_kept_and_retried(
    directory, search_index, django_capture_on_commit_callbacks
):
    service = directory["services"]["Rīgas sociālais dienests"]
    with django_capture_on_commit_callbacks(execute=True):
        service.save()
    pending = PendingIndexUpdate.objects.get()
    assert pending.doc_id == f"network.service:{service.pk}"
    assert "alias" in pending.last_error
    indexing.rebuild()
    assert not PendingIndexUpdate.objects.exists()


def test_search_index_command(built, es_client, search_index):
    out = io.StringIO()
    call_command("search_index", "--check", stdout=out)
    assert "The index matches the database." in out.getvalue()
    es_client.delete(
        index=search_index,
        id=f"network.municipalitypage:{built['municipalities']['riga'].pk}",
        refresh=True,
    )
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("search_index", "--check", stdout=out)
    assert exit_info.value.code == 1
    assert "missing: 1" in out.getvalue()
    out = io.StringIO()
    call_command("search_index", "--sync", stdout=out)
    assert "Fixed" in out.getvalue()
    out = io.StringIO()
    call_command("search_index", "--rebuild", "--no-progress", stdout=out)
    assert "Indexed 14 documents" in out.getvalue()
    assert indexing.check().ok


def test_load_demo_builds_the_index_then_keeps_it_in_sync(
    directory, search_index, es_client, django_capture_on_commit_callbacks
):
    from search import demo

    messages = []
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(directory["site"], messages.append)
    assert messages[-1].startswith(f"search: built {search_index}-v")
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(directory["site"], messages.append)
    assert messages[-1] == "search: index synced (0 added, 0 updated, 0 removed)"
