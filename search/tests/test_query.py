import pytest

from search.query import CONTACTS, MEDIATOR, understand, vocabulary
from taxonomy.factories import ConceptFactory
from taxonomy.models import Topic

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("ģimenei Ventspilī ir īres parādi", "ventspils"),
        ("skolas kavējumi Jelgavā", "jelgava"),
        ("NVA Jelgavas filiāle", "jelgava"),
        ("ārsts Rīgā", "riga"),
        ("riga arsts", "riga"),
        ("dokumenti Viļakā", "vilaka"),
        ("dokumenti vilaka", "vilaka"),
    ],
)
def test_municipality_in_any_case_and_without_diacritics(directory, question, slug):
    found = understand(question)
    assert found.municipality is not None
    assert found.municipality.slug == slug


def test_place_word_leaves_the_text_and_stop_words_too(directory):
    found = understand("ģimenei Ventspilī ir īres parādi")
    assert found.municipality_words == "ventspilī"
    assert found.text == "ģimenei īres parādi"
    assert found.topics == ["majoklis", "socialie-jautajumi"]


def test_topic_cues_and_abbreviations(directory):
    assert "izglitiba" in understand("skolas kavējumi").topics
    assert "veselibas-aprupe" in understand("pie arsta vakcinacija").topics
    ConceptFactory(
        slug="nva", label="Nodarbinātības valsts aģentūra", abbreviations="NVA", topic=None
    )
    vocabulary.forget()
    found = understand("NVA kursi")
    assert found.topics == ["nodarbinatiba"]
    assert found.abbreviations == {"nva": "Nodarbinātības valsts aģentūra"}
    assert found.variants == ["nva kursi", "Nodarbinātības valsts aģentūra kursi"]


def test_question_without_place_or_topic(directory):
    found = understand("kaut kas pavisam cits")
    assert found.municipality is None
    assert found.topics == []


def test_request_words_become_intent_not_required_words(directory):
    found = understand("Ringla kontakti")
    assert found.intent == CONTACTS
    assert found.text == "ringla"
    assert found.request_words == ["kontakti"]
    assert understand("kur vajag tālruni Jelgavā").text == ""


def test_a_mediator_in_a_place_is_the_mediator_intent(directory):
    found = understand("mediatore Viļakā")
    assert (found.intent, found.municipality.slug, found.text) == (MEDIATOR, "vilaka", "")
    # Without a place the word is an ordinary word of the question.
    assert understand("mediatoru seminārs").intent == ""


def test_words_map_to_concepts_by_any_of_their_terms(directory):
    housing = Topic.objects.get(slug="majoklis")
    aid = ConceptFactory(slug="humana-palidziba", label="Humānā palīdzība")
    ConceptFactory(
        slug="apgerbi",
        label="Apģērbi",
        synonyms="drēbes\napģērbu banka",
        english="clothes",
        broader=aid,
    )
    ConceptFactory(slug="ires-parads", label="Īres parāds", english="rent arrears", topic=housing)
    vocabulary.forget()
    found = understand("apgerbi bērniem Ventspilī")
    assert [(m.slug, m.how) for m in found.concepts] == [("apgerbi", "folded")]
    assert [(m.slug, m.how) for m in understand("drēbju banka").concepts] == [("apgerbi", "stem")]
    english = understand("rent arrears Ventspils")
    assert [m.slug for m in english.concepts] == ["ires-parads"]
    assert english.topics == ["majoklis"]
    assert english.municipality.slug == "ventspils"
