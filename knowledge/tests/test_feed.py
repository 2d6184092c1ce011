"""The Atom feed of new good practices and seminar outcomes."""

import xml.etree.ElementTree as ET

import pytest

from knowledge.factories import ArticlePageFactory, GuidePageFactory, SeminarPageFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_feed_is_valid_atom_with_articles_and_seminars_newest_first(
    client, knowledge_index, home, topics
):
    ArticlePageFactory(
        parent=knowledge_index,
        title="Vecāka prakse",
        slug="vecaka-prakse",
        topics=[topics["majoklis"]],
    )
    SeminarPageFactory(parent=knowledge_index, title="Seminārs")
    ArticlePageFactory(parent=knowledge_index, title="Melnraksts", live=False)
    GuidePageFactory(parent=knowledge_index, title="Ceļvedis sarakstā")
    response = client.get("/zinasanas/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Seminārs", "Vecāka prakse"]
    older = entries[1]
    assert older.find(f"{ATOM}link").get("href") == "http://localhost/zinasanas/vecaka-prakse/"
    assert older.findtext(f"{ATOM}summary") == "Kas tiek darīts un kāpēc tas palīdz."
    assert [category.get("term") for category in older.findall(f"{ATOM}category")] == ["Mājoklis"]


def test_index_page_advertises_the_feed(client, knowledge_index):
    html = client.get("/zinasanas/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/zinasanas/feed/"' in html
