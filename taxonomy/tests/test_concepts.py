"""The vocabulary's seed is data (`data/concepts.yaml`): enough concepts, every link resolves,
every term points to one concept; loading it twice changes nothing an editor wrote."""

import unicodedata
from collections import defaultdict

import pytest

from taxonomy.demo import load_concepts, load_topics, seed_concepts, seed_topics
from taxonomy.models import TERM_FIELDS, Concept

TERM_COLUMNS = [field for field in TERM_FIELDS if field != "label"]
# Terms two concepts may share on purpose (none today); a pair needs a reason beside it.
SHARED_ON_PURPOSE: dict[str, set[str]] = {}


def fold(term):
    """Lower case without diacritics: how the search compares words."""
    decomposed = unicodedata.normalize("NFKD", term.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).strip()


def seed_terms(row):
    return [row["label"], *(term for field in TERM_COLUMNS for term in row.get(field) or [])]


def test_the_seed_has_at_least_150_concepts_on_the_seed_topics():
    rows = seed_concepts()
    topics = {topic["slug"] for topic in seed_topics()}
    slugs = [row["slug"] for row in rows]
    assert len(rows) >= 150
    assert len(set(slugs)) == len(slugs)
    assert {row["topic"] for row in rows} == topics  # every topic has concepts, no other topic
    assert all(row["english"] and row["definition"] for row in rows)


def test_every_broader_and_related_slug_resolves_without_cycles():
    rows = {row["slug"]: row for row in seed_concepts()}
    for slug, row in rows.items():
        assert row.get("broader") in (None, *rows), slug
        assert set(row.get("related", [])) <= set(rows) - {slug}, slug
        seen = set()
        while slug:
            assert slug not in seen, f"cycle through {slug}"
            seen.add(slug)
            slug = rows[slug].get("broader")


def test_no_term_belongs_to_two_concepts():
    owners = defaultdict(set)
    for row in seed_concepts():
        for term in seed_terms(row):
            owners[fold(term)].add(row["slug"])
    shared = {term: slugs for term, slugs in owners.items() if len(slugs) > 1}
    assert shared == SHARED_ON_PURPOSE


def test_terms_are_single_terms_and_misspellings_add_something():
    for row in seed_concepts():
        for term in seed_terms(row):
            assert term.strip() == term and not set(",;\n") & set(term), (row["slug"], term)
        # The search ignores diacritics, so a misspelling that differs only in them is noise.
        spelled = {
            fold(term) for term in seed_terms(row) if term not in row.get("misspellings", [])
        }
        for misspelling in row.get("misspellings", []):
            assert fold(misspelling) not in spelled, (row["slug"], misspelling)


def test_the_situations_people_ask_about_have_their_words():
    terms = {fold(term): row["slug"] for row in seed_concepts() for term in seed_terms(row)}
    assert terms["zupas virtuve"] == "bezmaksas-maltites"
    assert terms["drebes"] == "apgerbu-palidziba"
    assert terms["hiv"] == "hiv"
    assert terms["nva"] == "nva" and terms["darba birza"] == "nva"
    assert terms["pii"] == "pirmsskolas-izglitiba"
    assert terms["vdeavk"] == "invaliditates-ekspertize"
    assert terms["rent arrears"] == "ires-paradi"
    assert terms[fold("nerunā latviski")] == "latviesu-valodas-apguve"


@pytest.mark.django_db
def test_loading_creates_the_concepts_with_topics_and_links_once():
    load_topics()
    load_concepts()
    load_concepts()
    assert Concept.objects.count() == len(seed_concepts())
    meals = Concept.objects.get(slug="bezmaksas-maltites")
    assert meals.topic.slug == "socialie-jautajumi"
    assert meals.broader.slug == "humanitara-palidziba"
    assert set(meals.related.values_list("slug", flat=True)) == {"partikas-pakas", "brivpusdienas"}
    assert ("zupas virtuve", "colloquial") in meals.terms()
    assert meals.term_list("english")[0] == "free meals"


@pytest.mark.django_db
def test_loading_again_keeps_what_editors_added(seed_vocabulary):
    concepts = seed_vocabulary
    meals = concepts["bezmaksas-maltites"]
    meals.colloquial += "\nsiltā virtuve"
    meals.definition = "Redaktora skaidrojums."
    meals.related.add(concepts["krizes-situacija"])
    meals.save()
    load_concepts()
    meals.refresh_from_db()
    assert "siltā virtuve" in meals.term_list("colloquial")
    assert meals.definition == "Redaktora skaidrojums."
    assert "krizes-situacija" in meals.related.values_list("slug", flat=True)
