"""Services carry the vocabulary's concepts: the demo sets them, and the HSDS API shows them as
taxonomy terms of the portal's own vocabulary (a second taxonomy beside the topics)."""

import io
import uuid

import pytest
from django.core.management import call_command

from network.directory import hsds
from network.directory.models import Service
from network.factories import ServiceFactory
from taxonomy.factories import ConceptFactory
from taxonomy.models import Concept, Topic

pytestmark = pytest.mark.django_db

# What Open Referral HSDS 3.0's schemas (schema/taxonomy_term.json, attribute.json,
# taxonomy.json) allow: the properties, which are required, which hold a UUID.
SCHEMAS = {
    "taxonomy_term": {
        "properties": {
            "id",
            "code",
            "name",
            "description",
            "parent_id",
            "taxonomy",
            "taxonomy_detail",
            "language",
            "taxonomy_id",
            "term_uri",
            "metadata",
        },
        "required": {"id", "name", "description"},
        "uuid": {"id", "parent_id", "taxonomy_id"},
    },
    "attribute": {
        "properties": {
            "id",
            "link_id",
            "taxonomy_term_id",
            "link_type",
            "link_entity",
            "value",
            "taxonomy_term",
            "metadata",
        },
        "required": {"id", "link_id", "taxonomy_term_id", "link_entity"},  # + tabular_required
        "uuid": {"id", "link_id", "taxonomy_term_id"},
    },
    "taxonomy": {
        "properties": {"id", "name", "description", "uri", "version", "metadata"},
        "required": {"id", "name", "description"},
        "uuid": {"id"},
    },
}

UNKNOWN_ID = uuid.UUID("00000000-0000-4000-8000-000000000001")


def assert_valid(kind, data):
    schema = SCHEMAS[kind]
    assert set(data) <= schema["properties"], set(data) - schema["properties"]
    assert schema["required"] <= set(data), schema["required"] - set(data)
    for name, value in data.items():
        if name in schema["uuid"]:
            assert str(uuid.UUID(value)) == value
        elif name != "taxonomy_term":
            assert isinstance(value, str), (name, value)
    if kind == "attribute":
        assert_valid("taxonomy_term", data["taxonomy_term"])


@pytest.fixture
def concepts(seed_vocabulary, topics):
    return seed_vocabulary


@pytest.fixture
def red_cross(concepts, topics):
    return ServiceFactory(
        name="Humānā palīdzība",
        topics=[topics["socialie-jautajumi"]],
        concepts=[concepts["apgerbu-palidziba"], concepts["partikas-pakas"]],
    )


def test_every_demo_service_carries_concepts(demo_directory):
    services = Service.objects.prefetch_related("concepts")
    assert services.count() == 42
    assert all(service.concepts.all() for service in services)
    ringla = Service.objects.get(organization__name="Rotaļlietu bibliotēka “Ringla”")
    assert "rotallietu-biblioteka" in ringla.concepts.values_list("slug", flat=True)
    red_cross = Service.objects.get(organization__name="Biedrība “Sarkanais Krusts”")
    assert {"apgerbu-palidziba", "humanitara-palidziba"} <= set(
        red_cross.concepts.values_list("slug", flat=True)
    )


def test_a_services_attributes_list_its_topics_and_concepts(client, red_cross, concepts):
    data = client.get(f"/api/hsds/services/{red_cross.id}").json()
    terms = [attribute["taxonomy_term"] for attribute in data["attributes"]]
    assert [(term["taxonomy"], term["code"]) for term in terms] == [
        (hsds.TAXONOMY, "socialie-jautajumi"),
        (hsds.CONCEPT_TAXONOMY, "apgerbu-palidziba"),
        (hsds.CONCEPT_TAXONOMY, "partikas-pakas"),
    ]
    clothes = terms[1]
    assert clothes["name"] == "Apģērbu palīdzība"
    assert clothes["parent_id"] == hsds.concept_term_id(concepts["humanitara-palidziba"])
    for attribute in data["attributes"]:
        assert_valid("attribute", attribute)
    assert len({attribute["id"] for attribute in data["attributes"]}) == 3


def test_taxonomy_terms_list_topics_then_concepts_and_validate(client, concepts, topics):
    data = client.get("/api/hsds/taxonomy_terms?per_page=100&page=1").json()
    assert data["total_items"] == len(topics) + len(concepts) + 1  # and the demo mark
    assert [term["code"] for term in data["contents"][: len(topics)]] == list(topics)
    for page in range(1, data["total_pages"] + 1):
        for term in client.get(f"/api/hsds/taxonomy_terms?per_page=100&page={page}").json()[
            "contents"
        ]:
            assert_valid("taxonomy_term", term)


def test_taxonomy_terms_filter_by_taxonomy_parent_and_top(client, concepts, topics):
    vocabulary = hsds.taxonomy_id(hsds.CONCEPT_TAXONOMY)
    data = client.get(f"/api/hsds/taxonomy_terms?taxonomy_id={vocabulary}&per_page=1").json()
    assert data["total_items"] == len(concepts)
    aid = hsds.concept_term_id(concepts["humanitara-palidziba"])
    data = client.get(f"/api/hsds/taxonomy_terms?parent_id={aid}").json()
    assert {term["code"] for term in data["contents"]} == {
        "partikas-pakas",
        "bezmaksas-maltites",
        "apgerbu-palidziba",
        "higienas-preces",
        "sadzives-prieksmeti",
        "labdaribas-organizacijas",
    }
    assert all(term["parent_id"] == aid for term in data["contents"])
    data = client.get("/api/hsds/taxonomy_terms?top_only=true&per_page=100").json()
    assert all("parent_id" not in term for term in data["contents"])
    assert "pamatvajadzibas" in {term["code"] for term in data["contents"]}
    data = client.get("/api/hsds/taxonomy_terms?search=zupas").json()
    assert data["total_items"] == 0  # search is by name; the concept is “Bezmaksas maltītes”


def test_one_term_and_the_three_taxonomies(client, concepts):
    clothes = concepts["apgerbu-palidziba"]
    data = client.get(f"/api/hsds/taxonomy_terms/{hsds.concept_term_id(clothes)}").json()
    assert data["code"] == "apgerbu-palidziba"
    assert client.get(f"/api/hsds/taxonomy_terms/{uuid.uuid4()}").status_code == 404
    data = client.get("/api/hsds/taxonomies").json()
    assert [t["id"] for t in data["contents"]] == [
        hsds.taxonomy_id(hsds.TAXONOMY),
        hsds.taxonomy_id(hsds.CONCEPT_TAXONOMY),
        hsds.taxonomy_id(hsds.MARK_TAXONOMY),
    ]
    for taxonomy in data["contents"]:
        assert_valid("taxonomy", taxonomy)
        assert client.get(f"/api/hsds/taxonomies/{taxonomy['id']}").json() == taxonomy


def test_services_filter_by_a_concept_term(client, red_cross, concepts):
    ServiceFactory(name="Cits pakalpojums")
    term = hsds.concept_term_id(concepts["apgerbu-palidziba"])
    data = client.get(f"/api/hsds/services?taxonomy_term_id={term}").json()
    assert [service["id"] for service in data["contents"]] == [str(red_cross.id)]


@pytest.mark.parametrize(
    "query",
    [
        "taxonomy_terms?taxonomy_id=nav-uuid",
        # Fixed unknown ids: pytest-xdist's workers must collect the same test names.
        f"taxonomy_terms?taxonomy_id={UNKNOWN_ID}",
        f"taxonomy_terms?parent_id={UNKNOWN_ID}",
        "taxonomy_terms?top_only=varbut",
        f"services?taxonomy_term_id={UNKNOWN_ID}",
    ],
)
def test_bad_term_parameters_are_400(client, concepts, query):
    response = client.get(f"/api/hsds/{query}")
    assert response.status_code == 400
    assert "error" in response.json()


def test_the_hsds_package_carries_concept_terms_both_ways(tmp_path, topics):
    aid = ConceptFactory(slug="humanitara-palidziba", label="Humānā palīdzība")
    clothes = ConceptFactory(slug="apgerbu-palidziba", label="Apģērbu palīdzība", broader=aid)
    service = ServiceFactory(topics=[topics["socialie-jautajumi"]], concepts=[clothes])
    call_command("export_hsds", str(tmp_path), stdout=io.StringIO())
    Service.objects.all().delete()
    Concept.objects.all().delete()

    call_command("import_hsds", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())

    service = Service.objects.get(pk=service.pk)
    assert list(service.topics.values_list("slug", flat=True)) == ["socialie-jautajumi"]
    assert list(service.concepts.values_list("slug", flat=True)) == ["apgerbu-palidziba"]
    assert Concept.objects.get(slug="apgerbu-palidziba").broader.label == "Humānā palīdzība"
    assert not Topic.objects.filter(slug="apgerbu-palidziba").exists()
