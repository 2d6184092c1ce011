"""The knowledge index: filters, pagination, empty states, topic pages."""

import re

import pytest

from knowledge.factories import ArticlePageFactory, SeminarPageFactory
from knowledge.models import PAGE_SIZE

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


@pytest.fixture
def items(knowledge_index, topics, municipalities):
    ArticlePageFactory(
        parent=knowledge_index,
        title="Skolas prakse",
        topics=[topics["izglitiba"]],
        municipalities=[municipalities["jelgava"]],
        tags=["skola"],
        audience="new_mediators",
    )
    ArticlePageFactory(
        parent=knowledge_index,
        title="Mājokļa prakse",
        topics=[topics["majoklis"]],
        municipalities=[municipalities["riga"]],
        tags=["parādi"],
        audience="municipal_staff",
    )
    SeminarPageFactory(
        parent=knowledge_index, title="Seminārs par skolu", topics=[topics["izglitiba"]]
    )
    draft = ArticlePageFactory(parent=knowledge_index, title="Melnraksts", live=False)
    return draft


def test_index_lists_live_articles_and_seminars_newest_first(client, items):
    response = client.get("/zinasanas/")
    assert response.status_code == 200
    assert titles(response.content.decode()) == [
        "Seminārs par skolu",
        "Mājokļa prakse",
        "Skolas prakse",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tema=izglitiba", ["Seminārs par skolu", "Skolas prakse"]),
        ("birka=parādi", ["Mājokļa prakse"]),
        ("pasvaldiba=jelgava", ["Skolas prakse"]),
        # Seminars are for everyone, so they match every audience.
        ("auditorija=municipal_staff", ["Seminārs par skolu", "Mājokļa prakse"]),
        ("tema=izglitiba&pasvaldiba=riga", []),
    ],
)
def test_filters(client, items, query, expected):
    response = client.get(f"/zinasanas/?{query}")
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(html) == expected
    if not expected:
        assert "Nekas neatbilst šai atlasei." in html


@pytest.mark.parametrize("query", ["tema=nav-tadas", "pasvaldiba=atlantida", "auditorija=kaimini"])
def test_unknown_filter_values_are_a_400_not_a_500(client, items, query):
    response = client.get(f"/zinasanas/?{query}")
    assert response.status_code == 400
    assert "Šādas atlases vērtības nav." in response.content.decode()


def test_filter_form_has_labels_and_only_used_tags(client, items):
    html = client.get("/zinasanas/").content.decode()
    for field in ("tema", "birka", "pasvaldiba", "auditorija"):
        assert f'<label for="id_{field}">' in html
    assert '<option value="parādi">parādi</option>' in html
    assert "Melnraksts" not in html


def test_empty_index_says_so(client, knowledge_index):
    html = client.get("/zinasanas/").content.decode()
    assert "Vēl nav publicētu rakstu." in html


def test_pagination(client, knowledge_index):
    for number in range(PAGE_SIZE + 2):
        ArticlePageFactory(parent=knowledge_index, title=f"Prakse {number:02d}")
    first = client.get("/zinasanas/").content.decode()
    second = client.get("/zinasanas/?page=2").content.decode()
    assert len(titles(first)) == PAGE_SIZE
    assert titles(second) == ["Prakse 01", "Prakse 00"]
    assert 'rel="next" href="?page=2"' in first
    assert "2. lapa no 2" in second
    # Out-of-range or junk page numbers fall back to a real page.
    assert client.get("/zinasanas/?page=99").status_code == 200
    assert client.get("/zinasanas/?page=abc").status_code == 200


def test_pagination_keeps_the_filters(client, knowledge_index, topics):
    for number in range(PAGE_SIZE + 1):
        ArticlePageFactory(
            parent=knowledge_index, title=f"Skola {number}", topics=[topics["izglitiba"]]
        )
    html = client.get("/zinasanas/?tema=izglitiba").content.decode()
    assert 'href="?tema=izglitiba&amp;page=2"' in html


def test_topic_page(client, items, topics):
    response = client.get("/zinasanas/tema/izglitiba/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Izglītība</h1>" in html
    assert titles(html) == ["Seminārs par skolu", "Skolas prakse"]


def test_topic_page_empty_state_and_unknown_topic(client, knowledge_index, topics):
    assert (
        "Par šo tēmu vēl nav publicētu rakstu."
        in client.get("/zinasanas/tema/majoklis/").content.decode()
    )
    assert client.get("/zinasanas/tema/nav-tadas/").status_code == 404


def test_article_links_its_topics_municipalities_and_tags(client, article):
    html = client.get(article.url).content.decode()
    assert 'href="/zinasanas/tema/majoklis/"' in html
    assert 'href="/pasvaldibas/riga/"' in html
    assert 'href="/zinasanas/?birka=par%C4%81di"' in html
