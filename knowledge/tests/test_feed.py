"""The Atom feeds of new good practices and seminar outcomes: the listing's and a topic's."""

import datetime

import pytest

from knowledge.factories import ArticlePageFactory, GuidePageFactory, SeminarPageFactory
from portal.tests.atom import check_atom

pytestmark = pytest.mark.django_db


def entry_titles(parsed):
    return [entry.title for entry in parsed.entries]


def test_feed_is_valid_atom_with_articles_and_seminars_newest_first(
    client, knowledge_index, home, topics, public_address
):
    ArticlePageFactory(
        parent=knowledge_index,
        title="Vecāka prakse",
        slug="vecaka-prakse",
        summary="Kas tiek darīts <un> kāpēc tas palīdz.",
        topics=[topics["majoklis"]],
    )
    SeminarPageFactory(parent=knowledge_index, title="Seminārs")
    ArticlePageFactory(parent=knowledge_index, title="Melnraksts", live=False)
    GuidePageFactory(parent=knowledge_index, title="Ceļvedis sarakstā")
    response = client.get("/zinasanas/feed/")
    parsed = check_atom(response, "http://testserver/zinasanas/feed/")
    assert entry_titles(parsed) == ["Seminārs", "Vecāka prakse"]
    older = parsed.entries[1]
    assert older.link == "https://portal.example.org/zinasanas/vecaka-prakse/"
    assert older.id == "https://portal.example.org/zinasanas/vecaka-prakse/"
    # Plain text stays plain text: "<un>" is not taken for a tag.
    assert older.summary == "Kas tiek darīts &lt;un&gt; kāpēc tas palīdz."
    assert [tag.term for tag in older.tags] == ["Mājoklis"]
    assert older.author == "Mediatoru tīkls"
    assert parsed.feed.author_detail == {
        "name": "Mediatoru tīkls",
        "href": "https://portal.example.org/",
    }
    assert parsed.feed.id == "https://portal.example.org/zinasanas/feed/"
    assert parsed.feed.link == "https://portal.example.org/zinasanas/"
    assert b"localhost" not in response.content


def test_each_entry_is_updated_when_it_was_last_published(client, knowledge_index):
    first = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)
    later = datetime.datetime(2026, 6, 15, 12, 30, tzinfo=datetime.UTC)
    ArticlePageFactory(
        parent=knowledge_index, title="Labota", first_published_at=first, last_published_at=later
    )
    parsed = check_atom(client.get("/zinasanas/feed/"), "http://testserver/zinasanas/feed/")
    entry = parsed.entries[0]
    assert entry.published == "2026-03-01T09:00:00+00:00"
    assert entry.updated == "2026-06-15T12:30:00+00:00"
    assert parsed.feed.updated == "2026-06-15T12:30:00+00:00"


def test_the_self_link_names_the_address_the_feed_was_fetched_from(client, knowledge_index):
    ArticlePageFactory(parent=knowledge_index, title="Prakse")
    response = client.get(
        "/zinasanas/feed/?utm_source=x", HTTP_HOST="mediatori.example.org", secure=True
    )
    check_atom(response, "https://mediatori.example.org/zinasanas/feed/")


def test_an_empty_feed_is_still_valid(client, knowledge_index):
    parsed = check_atom(client.get("/zinasanas/feed/"), "http://testserver/zinasanas/feed/")
    assert parsed.entries == []


def test_topic_feed_has_only_that_topics_items(client, knowledge_index, topics, public_address):
    ArticlePageFactory(parent=knowledge_index, title="Par mājokli", topics=[topics["majoklis"]])
    ArticlePageFactory(parent=knowledge_index, title="Par skolu", topics=[topics["izglitiba"]])
    SeminarPageFactory(parent=knowledge_index, title="Seminārs par mājokli")
    response = client.get("/zinasanas/tema/majoklis/feed/")
    parsed = check_atom(response, "http://testserver/zinasanas/tema/majoklis/feed/")
    assert entry_titles(parsed) == ["Par mājokli"]
    assert parsed.feed.link == "https://portal.example.org/zinasanas/tema/majoklis/"
    assert parsed.feed.title == "Mājoklis · Zināšanas — Mediatoru tīkls"
    assert parsed.feed.id == "https://portal.example.org/zinasanas/tema/majoklis/feed/"


def test_unknown_topic_feed_is_404(client, knowledge_index):
    assert client.get("/zinasanas/tema/nav-tadas/feed/").status_code == 404


def test_index_and_topic_pages_advertise_their_feeds(client, knowledge_index, topics):
    html = client.get("/zinasanas/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/zinasanas/feed/"' in html
    html = client.get("/zinasanas/tema/majoklis/").content.decode()
    assert 'type="application/atom+xml"' in html
    assert 'href="/zinasanas/tema/majoklis/feed/"' in html
