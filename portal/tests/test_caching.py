"""Caching for anonymous visitors: headers, the server-side page cache and its invalidation."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client, override_settings

from knowledge.models import ArticlePage
from network.directory.models import MunicipalityPage, Phone, Service

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.HTTP_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


@pytest.fixture
def article(demo_site):
    return ArticlePage.objects.live().order_by("path").first()


@pytest.fixture
def editor_client(demo_site):
    user = get_user_model().objects.create_superuser("redaktore", "r@example.org", "x" * 16)
    editor = Client()
    editor.force_login(user)
    return editor


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_page_is_public_for_a_short_time_and_served_from_the_cache(client, article):
    first = client.get(article.url)
    assert first.status_code == 200
    assert "public" in first["Cache-Control"]
    assert "max-age=300" in first["Cache-Control"]
    assert first["X-Page-Cache"] == "miss"
    second = client.get(article.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # The stored response keeps its own headers: the policy still matches the body.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "nonce-" not in second["Content-Security-Policy"]


def test_signed_in_user_gets_neither_public_headers_nor_the_cached_page(
    client, editor_client, article
):
    anonymous = client.get(article.url)
    assert anonymous["X-Page-Cache"] == "miss"
    signed_in = editor_client.get(article.url)
    assert signed_in.status_code == 200
    assert not signed_in.has_header("X-Page-Cache")
    assert "public" not in signed_in["Cache-Control"]
    assert "private" in signed_in["Cache-Control"]


def test_publishing_an_edit_shows_at_once_to_the_next_anonymous_visitor(client, article):
    assert article.title in html(client.get(article.url))
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    article.title = "Jauns virsraksts pēc labojuma"
    article.save_revision().publish()
    fresh = client.get(article.url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Jauns virsraksts pēc labojuma" in html(fresh)


def test_unpublishing_a_page_removes_it_from_the_cache(client, article):
    assert client.get(article.url).status_code == 200
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_a_service_phone_edit_shows_at_once_on_service_and_municipality_pages(client, demo_site):
    municipality = MunicipalityPage.objects.live().get(slug="ventspils")
    service = Service.objects.public().filter(service_areas=municipality).first()
    service_url = service.get_absolute_url()
    html(client.get(service_url))
    html(client.get(municipality.url))
    assert client.get(service_url)["X-Page-Cache"] == "hit"
    assert client.get(municipality.url)["X-Page-Cache"] == "hit"
    Phone.objects.create(service=service, number="+371 0000 0042", sort_order=99)
    assert "+371 0000 0042" in html(client.get(service_url))
    assert "+371 0000 0042" in html(client.get(municipality.url))


def test_pages_with_a_csrf_form_are_never_cached(client, demo_site):
    service = Service.objects.public().first()
    url = f"{service.get_absolute_url()}labot/"
    for _ in range(2):
        response = client.get(url)
        assert "csrfmiddlewaretoken" in html(response)
        assert not response.has_header("X-Page-Cache")
        assert "public" not in response.get("Cache-Control", "")


def test_a_visitor_with_a_session_is_never_served_from_the_cache(client, article):
    client.get(article.url)
    client.cookies["sessionid"] = "not-a-real-session"
    response = client.get(article.url)
    assert response.status_code == 200
    assert not response.has_header("X-Page-Cache")


def test_language_variants_are_cached_apart(client, demo_site):
    latvian = html(client.get("/"))
    english = html(client.get("/en/"))
    assert '<html lang="lv">' in latvian
    assert '<html lang="en">' in english
    assert '<html lang="lv">' in html(client.get("/"))
    assert '<html lang="en">' in html(client.get("/en/"))
    assert client.get("/en/")["X-Page-Cache"] == "hit"


def test_search_and_admin_are_not_cached(client, demo_site):
    search = client.get("/meklet/?q=b%C4%81ri%C5%86tiesa")
    assert not search.has_header("X-Page-Cache")
    assert not client.get("/api/search/?q=NVA").has_header("X-Page-Cache")
    admin = client.get("/admin/login/")
    assert not admin.has_header("X-Page-Cache")
    assert "public" not in admin.get("Cache-Control", "")


def test_without_a_page_cache_pages_still_get_headers_but_are_not_stored(
    client, article, settings, page_cache_on
):
    settings.PAGE_CACHE_SECONDS = 0
    response = client.get(article.url)
    assert "public" in response["Cache-Control"]
    assert not response.has_header("X-Page-Cache")
    assert client.get(article.url).status_code == 200
    assert not client.get(article.url).has_header("X-Page-Cache")


BROKEN_DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "portal_cache_table_never_created",
}


def test_a_missing_cache_table_costs_a_fresh_render_not_a_500(client, article, settings):
    # Django's setting_changed handler rebuilds the cache handlers from the new CACHES.
    with override_settings(CACHES={**settings.CACHES, "pages": BROKEN_DATABASE_CACHE}):
        response = client.get(article.url)
        assert response.status_code == 200
        assert article.title in response.content.decode()
        # An editor's publish clears the cache: it must not fail either.
        article.save_revision().publish()
        assert client.get(article.url).status_code == 200


@pytest.mark.postgres
def test_migrate_creates_the_database_cache_tables(settings):
    from django.core.management import call_command
    from django.db import connection

    settings.CACHES = {**settings.CACHES, "pages": {**BROKEN_DATABASE_CACHE}}
    settings.CACHES["pages"]["LOCATION"] = "portal_page_cache_migrate_test"
    call_command("migrate", "portal", verbosity=0)
    assert "portal_page_cache_migrate_test" in connection.introspection.table_names()


def test_page_file_cache_stays_bounded_without_listing_its_files_on_every_write(
    tmp_path, monkeypatch
):
    from portal.core.cache import CULL_CHECK_EVERY, PageFileCache

    cache = PageFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10}})
    listings = []
    list_files = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: listings.append(1) or list_files())
    writes = 2 * CULL_CHECK_EVERY + 1
    for number in range(writes):
        cache.set(f"page-{number}", "<html>", 300)
    assert len(listings) == 3  # writes 1, 101 and 201 counted the files, the rest did not
    stored = len(list(tmp_path.glob("*.djcache")))
    assert stored <= 10 + CULL_CHECK_EVERY
    assert cache.get(f"page-{writes - 1}") == "<html>"
