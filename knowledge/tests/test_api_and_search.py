"""The read-only API v2 and the plain text other apps index."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_lists_knowledge_pages_by_type(client, article):
    response = client.get(
        "/api/v2/pages/",
        {"type": "knowledge.ArticlePage", "fields": "summary,topics,municipalities,tags"},
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Parādu grafiki"]
    assert items[0]["topics"] == [{"slug": "majoklis", "name": "Mājoklis", "name_en": ""}]
    assert items[0]["municipalities"][0]["title"] == "Rīga"
    assert items[0]["tags"] == ["parādi"]


def test_api_is_read_only(client, article):
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405
    assert client.delete(f"/api/v2/pages/{article.pk}/").status_code == 405


def test_api_detail_has_the_body(client, article):
    article.body = [("heading", {"text": "Kā to dara", "level": "h2"})]
    article.save_revision().publish()
    data = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert data["body"][0]["type"] == "heading"
    assert data["practice_status"] == "promising"


def test_search_text_and_accessors(article, topics, municipalities):
    article.body = [
        ("paragraph", "<p>Grafiks <b>parādu</b> nomaksai</p>"),
        ("checklist", {"title": "", "items": ["Vienoties ar banku"]}),
    ]
    article.save()
    text = article.search_text()
    assert "Parādu grafiki" in text and "Grafiks parādu nomaksai" in text
    assert "Vienoties ar banku" in text and "<" not in text
    assert list(article.topics.all()) == [topics["majoklis"]]
    assert list(article.municipalities.all()) == [municipalities["riga"]]


def test_guide_step_search_text_and_topics_come_from_the_guide(guide, topics):
    guide.topics.set([topics["izglitiba"]])
    guide.save()
    step = guide.steps()[0]
    assert step.search_text().startswith("Solis numur 1")
    assert list(step.topics.all()) == [topics["izglitiba"]]
