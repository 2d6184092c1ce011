"""Documents built from rows equal those built from models, and renaming a municipality or a
topic reindexes the documents that refer to it."""

import pytest
from django.apps import apps

from search import documents, indexing
from search.models import PendingIndexUpdate
from search.registry import active_sources
from search.sources import Source, all_documents

pytestmark = pytest.mark.django_db

# Nothing listens on port 9 (discard) here: connections are refused at once.
DOWN_URL = "http://127.0.0.1:9"


@pytest.fixture
def with_contacts(directory):
    """Contacts and an address on one service, so every part of the text is exercised."""
    service = directory["services"]["Ventspils pilsētas sociālā pārvalde"]
    location_model = apps.get_model("network", "Location")
    location = location_model.objects.create(
        name="Birojs", address_1="Parauga iela 1", city="Ventspils", postal_code="LV-0000"
    )
    # sort_order as the admin sets it (ties have no defined order).
    service.contacts.create(
        name="", title="sociālā darbiniece", department="Dzīvokļu nodaļa", sort_order=0
    )
    service.contacts.create(name="Demo Persona", title="vadītāja", department="", sort_order=1)
    service.service_at_locations.create(location=location, sort_order=0)
    service.save()
    return directory


def test_directory_documents_from_rows_equal_those_from_models(with_contacts):
    """The row-based directory sources say the same as the models' search_text() & co."""
    for source in active_sources():
        if source.model_label not in ("network.Service", "network.Organization"):
            continue
        from_rows = dict(source.documents(source.queryset()))
        from_models = {
            source.doc_id(obj): Source.to_document(source, obj) for obj in source.queryset()
        }
        assert from_rows == from_models
        assert len(from_rows) == 5
    body = next(
        document["body"]
        for _doc_id, document in all_documents()
        if document["title"] == "Dzīvokļu nodaļa — Ventspils pilsētas sociālā pārvalde"
    )
    assert "sociālā darbiniece Dzīvokļu nodaļa" in body
    assert "Parauga iela 1, Ventspils, LV-0000" in body


def test_referrers_of_a_municipality_and_a_topic(directory):
    ventspils = directory["municipalities"]["ventspils"]
    found = {
        source.model_label: ids
        for source, ids in indexing.referrers("network.MunicipalityPage", ventspils.pk)
    }
    service = directory["services"]["Ventspils pilsētas sociālā pārvalde"]
    assert found == {
        "network.Service": [str(service.pk)],
        "network.Organization": [str(service.organization_id)],
    }
    housing = directory["topics"]["majoklis"]
    found = {
        source.model_label: len(ids)
        for source, ids in indexing.referrers("taxonomy.Topic", housing.pk)
    }
    assert found == {"network.Service": 2, "network.Organization": 2}


def test_renaming_sends_the_referring_documents_in_batches(
    directory, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = DOWN_URL
    settings.ELASTICSEARCH_INDEX = "test-down"
    monkeypatch.setattr(indexing, "REFERRER_BATCH", 1)
    sent = []
    monkeypatch.setattr(indexing, "apply_changes", lambda label, ids: sent.append((label, ids)))
    housing = directory["topics"]["majoklis"]
    with django_capture_on_commit_callbacks(execute=True):
        housing.sort_order = 9  # not copied into documents: nothing to reindex
        housing.save()
    assert sent == []
    with django_capture_on_commit_callbacks(execute=True):
        housing.slug = "dzivesvieta"
        housing.save()
    assert sorted(label for label, _ids in sent) == [
        "network.Organization",
        "network.Organization",
        "network.Service",
        "network.Service",
    ]
    assert all(len(ids) == 1 for _label, ids in sent)


def test_renaming_while_the_engine_is_down_keeps_the_updates(
    directory, settings, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = DOWN_URL
    settings.ELASTICSEARCH_INDEX = "test-down"
    jelgava = directory["municipalities"]["jelgava"]
    with django_capture_on_commit_callbacks(execute=True):
        jelgava.title = "Jelgavas valstspilsēta"
        jelgava.save_revision().publish()
    pending = set(PendingIndexUpdate.objects.values_list("model_label", flat=True))
    # The page itself, and the two services and organisations that name it.
    assert pending == {"network.MunicipalityPage", "network.Service", "network.Organization"}
    assert PendingIndexUpdate.objects.filter(model_label="network.Service").count() == 2


@pytest.mark.elasticsearch
def test_renaming_a_municipality_and_a_topic_updates_the_index(
    directory, search_index, es_client, django_capture_on_commit_callbacks
):
    indexing.rebuild()
    ventspils = directory["municipalities"]["ventspils"]
    service = directory["services"]["Ventspils pilsētas sociālā pārvalde"]
    with django_capture_on_commit_callbacks(execute=True):
        ventspils.title = "Ventspils valstspilsēta"
        ventspils.slug = "ventspils-valstspilseta"
        ventspils.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        topic = directory["topics"]["majoklis"]
        topic.slug = "dzivesvieta"
        topic.save()
    es_client.indices.refresh(index=search_index)
    indexed = es_client.get(index=search_index, id=f"network.service:{service.pk}")["_source"]
    assert indexed["municipalities"] == ["ventspils-valstspilseta"]
    assert indexed["topics"] == ["dzivesvieta", "socialie-jautajumi"]
    organization = es_client.get(
        index=search_index, id=f"network.organization:{service.organization_id}"
    )["_source"]
    # Its own page's address stays; its place follows the renamed municipality.
    assert organization["url"] == f"/iestades/{service.organization_id}/"
    assert organization["municipalities"] == ["ventspils-valstspilseta"]
    report = indexing.check()
    assert report.ok, (report.missing, report.extra, report.stale)
    assert not PendingIndexUpdate.objects.exists()
    assert documents.current_indices(es_client)
