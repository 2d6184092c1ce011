import pytest

from search.query import understand

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
    found = understand("NVA kursi")
    assert found.topics == ["nodarbinatiba"]
    assert found.abbreviations == {"nva": "Nodarbinātības valsts aģentūra"}
    assert found.variants == ["nva kursi", "Nodarbinātības valsts aģentūra kursi"]


def test_question_without_place_or_topic(directory):
    found = understand("kaut kas pavisam cits")
    assert found.municipality is None
    assert found.topics == []
