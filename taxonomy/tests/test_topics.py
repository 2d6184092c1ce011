"""Topics are data: the seed's topics come from a file, their cue words are editors' words the
search reads from the rows."""

import pytest

from search.query import understand, vocabulary
from taxonomy.demo import load_topics, seed_topics
from taxonomy.factories import TopicFactory
from taxonomy.models import Topic

pytestmark = pytest.mark.django_db


def test_the_seed_topics_load_once_in_their_order():
    load_topics()
    load_topics()
    rows = list(Topic.objects.values_list("slug", "name", "name_en"))
    assert rows == [(row["slug"], row["name"], row["name_en"]) for row in seed_topics()]
    assert all(topic.cue_word_list for topic in Topic.objects.all())


def test_loading_again_keeps_the_cue_words_an_editor_changed():
    topic = load_topics()[seed_topics()[0]["slug"]]
    topic.cue_words = "vārds"
    topic.save()
    load_topics()
    topic.refresh_from_db()
    assert topic.cue_words == "vārds"


def test_cue_words_split_on_commas_and_new_lines():
    topic = Topic(cue_words="autobuss, vilciens\nbiļete;  tramvajs ")
    assert topic.cue_word_list == ["autobuss", "vilciens", "biļete", "tramvajs"]


def test_the_search_reads_cue_words_from_the_rows_and_forgets_them_on_save():
    vocabulary.forget()
    topic = TopicFactory(name="Transports", slug="transports", cue_words="autobuss, biļete")
    # Any form, with or without diacritics.
    assert understand("autobusa biletes cena").topics == ["transports"]
    topic.cue_words = "vilciens"
    topic.save()
    assert understand("autobusa biletes cena").topics == []
    assert understand("vilcienā").topics == ["transports"]
