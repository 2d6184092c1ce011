"""Search in English (issue 21, point 3): the examples the search page itself gives, in each
language, answer on Elasticsearch and on the database fallback; English pages are found on the
English site and stay out of the Latvian one."""

import re

import pytest
from django.utils import translation

from portal.tests.fixtures import demo_site  # noqa: F401
from search import indexing

pytestmark = pytest.mark.django_db

# The page's texts that suggest questions; their examples are read from the catalogues.
SUGGESTING = [
    "Jautājiet kā kolēģim: “ģimenei Ventspilī ir īres parādi”, “skolas kavējumi Jelgavā”, "
    "“NVA Viļakā”. Pašvaldību un tēmu atpazīsim paši.",
    "Rakstiet īsāk: problēma un pašvaldība, piemēram, “īres parādi Ventspilī” vai “skola Jelgavā”.",
]
PLACEHOLDER = "Piemēram: īres parādi Ventspilī"
# Asked in the issue that reported English search finding nothing.
REPORTED = ["rent arrears Ventspils"]
HIT = '<h3 class="result__title"'
TITLE = re.compile(r'<h3 class="result__title"[^>]*>(.*?)</h3>', re.S)


def examples(language):
    """The quoted questions of the suggesting texts and the search box's example, as the reader
    of that language sees them."""
    with translation.override(language):
        found = [
            q for text in SUGGESTING for q in re.findall(r"“([^”]+)”", translation.gettext(text))
        ]
        found.append(translation.gettext(PLACEHOLDER).split(":", 1)[1].strip())
    return found


def hits(client, language, question):
    prefix = "" if language == "lv" else f"/{language}"
    response = client.get(f"{prefix}/meklet/", {"q": question})
    assert response.status_code == 200
    return response.content.decode().count(HIT)


def result_titles(html):
    return [re.sub(r"<[^>]+>", "", title).strip() for title in TITLE.findall(html)]


def assert_examples_answer(client):
    for language in ("lv", "en"):
        questions = examples(language) + (REPORTED if language == "en" else [])
        assert len(questions) >= 6
        for question in questions:
            assert hits(client, language, question) > 0, (language, question)


@pytest.mark.elasticsearch
def test_the_page_examples_answer_on_elasticsearch(demo_site, search_index, client):  # noqa: F811
    indexing.rebuild()
    assert_examples_answer(client)


def test_the_page_examples_answer_on_the_fallback(demo_site, settings, client):  # noqa: F811
    settings.ELASTICSEARCH_URL = ""
    assert_examples_answer(client)


@pytest.mark.elasticsearch
def test_english_pages_answer_english_questions_on_the_english_site(
    demo_site,  # noqa: F811
    search_index,
    client,
):
    indexing.rebuild()
    english = client.get("/en/meklet/", {"q": "getting started as a Roma mediator"})
    titles = result_titles(english.content.decode())
    assert "Getting started as a Roma mediator" in titles
    # One hit per page: the Latvian guide and its translation share the English address.
    assert "Romu mediatora darba uzsākšana" not in titles
    latvian = client.get("/meklet/", {"q": "getting started as a Roma mediator"}).content.decode()
    assert "Getting started as a Roma mediator" not in latvian
