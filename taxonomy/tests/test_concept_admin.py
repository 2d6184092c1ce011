"""Editors keep the vocabulary in the admin: a "Vārdnīca" list searchable by any term, with
revisions, a CSV export and an import of the same CSV that saves all rows or none."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from taxonomy.concept_csv import COLUMNS, export_csv
from taxonomy.factories import ConceptFactory, TopicFactory
from taxonomy.models import Concept

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/taxonomy/concept/"
IMPORT = LIST + "import/"


@pytest.fixture
def vocabulary(seed_vocabulary):
    return seed_vocabulary


def snapshot():
    """Every concept as the CSV shows it, by slug."""
    rows = csv.DictReader(io.StringIO(export_csv(Concept.objects.all())))
    return {row["slug"]: row for row in rows}


def upload(client, text, name="jedzieni.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data, "text/csv")})


def test_the_list_searches_every_kind_of_term_and_filters_by_topic(admin_client, vocabulary):
    response = admin_client.get(LIST, {"q": "zupas virtuve"})
    assert response.status_code == 200
    assert "Bezmaksas maltītes" in response.text and "Apģērbu palīdzība" not in response.text
    response = admin_client.get(LIST, {"q": "VDEĀVK"})
    assert "Invaliditātes noteikšana" in response.text
    housing = vocabulary["ire"].topic
    response = admin_client.get(LIST, {"topic": housing.pk})
    assert "Īres parādi" in response.text and "Vakcinācija" not in response.text


def test_editing_a_concept_keeps_a_revision(admin_client):
    topic = TopicFactory(slug="majoklis", name="Mājoklis")
    concept = ConceptFactory(label="Īre", slug="ire", topic=topic)
    response = admin_client.post(
        f"{LIST}edit/{concept.pk}/",
        {"label": "Īre", "slug": "ire", "topic": topic.pk, "synonyms": "īrēt\nīres līgums"},
    )
    assert response.status_code == 302
    concept.refresh_from_db()
    assert concept.term_list("synonyms") == ["īrēt", "īres līgums"]
    assert concept.revisions.count() == 1
    assert admin_client.get(f"{LIST}history/{concept.pk}/").status_code == 200


def test_the_csv_export_imports_back_into_an_empty_vocabulary(admin_client, vocabulary):
    response = admin_client.get(LIST, {"export": "csv"})
    assert response.status_code == 200
    exported = b"".join(response.streaming_content).decode("utf-8")
    assert exported.splitlines()[0] == ",".join(COLUMNS)
    before = snapshot()
    Concept.objects.all().delete()

    response = upload(admin_client, exported)

    assert response.status_code == 302
    assert snapshot() == before
    assert len(before) == len(vocabulary)
    meals = Concept.objects.get(slug="bezmaksas-maltites")
    assert meals.revisions.count() == 1  # the import is in each concept's history


def test_a_spreadsheet_with_semicolons_updates_by_slug(admin_client, vocabulary):
    text = "slug;label;topic;broader;synonyms\nire;Īre;majoklis;;īrēt, īres līgums\n"
    text += "istaba;Istaba kopmītnē;majoklis;ire;kopmītne\n"
    assert upload(admin_client, text).status_code == 302
    rent = Concept.objects.get(slug="ire")
    assert rent.term_list("synonyms") == ["īrēt", "īres līgums"]
    assert rent.term_list("english")[0] == "renting"  # a column not in the file stays
    assert Concept.objects.get(slug="istaba").broader == rent


def test_a_bad_row_is_reported_and_nothing_is_saved(admin_client, vocabulary):
    before = snapshot()
    text = "slug,label,topic,broader,related\n"
    text += "ire,Īre (mainīts),majoklis,,\n"
    text += "jauns,Jauns jēdziens,nav-tadas-temas,nav-tada,ire;nezinams\n"
    response = upload(admin_client, text)
    assert response.status_code == 400
    assert "Nekas netika saglabāts" in response.text
    assert "Rinda 3: nezināma tēma “nav-tadas-temas”." in response.text
    assert "Rinda 3: nezināms plašākais jēdziens “nav-tada”." in response.text
    assert "Rinda 3: nezināms saistītais jēdziens “nezinams”." in response.text
    assert snapshot() == before


def test_a_broader_cycle_is_refused(admin_client, vocabulary):
    text = "slug,label,broader\nhumanitara-palidziba,Humānā palīdzība,partikas-pakas\n"
    response = upload(admin_client, text)
    assert response.status_code == 400
    assert "ķēde atgriežas" in response.text
    assert Concept.objects.get(slug="humanitara-palidziba").broader.slug == "pamatvajadzibas"


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xff\xfe binary", b"nosaukums,apraksts\nx,y\n", b""],
    ids=["not text", "other columns", "empty"],
)
def test_a_file_that_is_no_concept_csv_is_a_400(admin_client, vocabulary, data):
    response = upload(admin_client, data, name="jedzieni.xlsx")
    assert response.status_code == 400
    assert response.context["errors"] or response.context["form"].errors
    assert Concept.objects.count() == len(vocabulary)


def test_the_import_needs_the_right_to_add_and_change_concepts(client, django_user_model):
    user = django_user_model.objects.create_user("redaktors", password="x")
    group = Group.objects.create(name="Tikai admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    refused = client.get(IMPORT)  # Wagtail answers a PermissionDenied with its home and a notice
    assert refused.status_code == 302 and refused.url == "/admin/"
    group.permissions.add(
        *Permission.objects.filter(codename__in=["add_concept", "change_concept"])
    )
    assert client.get(IMPORT).status_code == 200
