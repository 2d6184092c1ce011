"""Proof that `make test` gives the tests real services, not stand-ins."""

import pytest
from django.db import connection

HUNSPELL_LATVIAN = {"type": "hunspell", "locale": "lv_LV"}


@pytest.mark.postgres
@pytest.mark.django_db
def test_database_is_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        (version,) = cursor.fetchone()
    print(version)
    assert connection.vendor == "postgresql"
    assert connection.pg_version >= 150000


def test_elasticsearch_cluster_is_healthy(es_client):
    assert es_client.cluster.health()["status"] in ("green", "yellow")


def test_elasticsearch_hunspell_stems_latvian_word_forms_alike(es_client):
    def stems(word):
        analysis = es_client.indices.analyze(
            tokenizer="standard", filter=["lowercase", HUNSPELL_LATVIAN], text=word
        )
        return [token["token"] for token in analysis["tokens"]]

    genitive_plural, genitive = stems("dzīvokļu"), stems("dzīvokļa")
    print(f"dzīvokļu -> {genitive_plural}, dzīvokļa -> {genitive}")
    assert genitive_plural
    assert genitive_plural == genitive


@pytest.mark.django_db(transaction=True)
def test_chromium_shows_the_home_page(live_server, demo_site, page, artifacts_dir):
    page.goto(f"{live_server.url}/")
    assert "Mediatoru tīkls" in page.title()
    page.screenshot(path=artifacts_dir / "home.png", full_page=True)
