"""The request's site and Wagtail's site root paths read together (portal.core.sites), and view
restrictions answered from the routing query (portal.core.pages.may_be_restricted): the same
answers as Wagtail's own, and a restriction added later is enforced on the next request."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
    get_site_for_hostname,
)

from knowledge.models import ArticlePage, KnowledgeIndexPage
from portal.core.sites import find_for_request, load_site
from portal.tests.fixtures import forget_process_caches

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def wagtail_site(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


def wagtail_root_paths():
    """Site.get_site_root_paths as Wagtail computes it (its own query, an empty cache)."""
    cache.delete(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    return Site.get_site_root_paths()


def test_the_same_site_as_wagtail_for_every_host_and_port(demo_site):
    home = demo_site.root_page
    Site.objects.create(hostname="other.example", port=80, root_page=home)
    Site.objects.create(hostname="other.example", port=8080, root_page=home)
    Site.objects.create(hostname="third.example", port=80, root_page=home)
    hosts = [demo_site.hostname, "other.example", "third.example", "unknown.example"]
    for hostname in hosts:
        for port in (80, 8080, demo_site.port, 9999):
            expected = wagtail_site(hostname, port)
            found = load_site(hostname, port)
            assert getattr(found, "pk", None) == getattr(expected, "pk", None), (hostname, port)
    demo_site.is_default_site = False
    demo_site.save()
    assert load_site("unknown.example", 80) is None
    assert load_site("third.example", 443).hostname == "third.example"
    assert load_site("other.example", 443) is None  # two sites named so, no default
    assert wagtail_site("other.example", 443) is None


def test_the_site_root_paths_wagtail_would_compute(client, rf, demo_site):
    Site.objects.create(hostname="other.example", port=8080, root_page=demo_site.root_page)
    expected = wagtail_root_paths()
    forget_process_caches()
    assert client.get("/").status_code == 200
    request = rf.get("/", HTTP_HOST=demo_site.hostname, SERVER_PORT=str(demo_site.port))
    site = find_for_request(request)
    # Kept on the request, where Page.get_url_parts looks before Django's cache.
    assert request._wagtail_cached_site_root_paths == expected
    article = ArticlePage.objects.live().first()
    assert article.get_url(request) == article.relative_url(demo_site)
    # The home page arrives ready to route: its specific class, in the site's language.
    assert site.pk == demo_site.pk
    assert type(site.root_page) is type(demo_site.root_page.specific)


def test_a_view_restriction_added_later_is_enforced_at_once(client, demo_site):
    index = KnowledgeIndexPage.objects.live().filter(locale__language_code="lv").first()
    article = ArticlePage.objects.live().child_of(index).first()
    assert client.get(article.url).status_code == 200
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    forget_process_caches()
    for url in (article.url, index.url):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    home_restriction = PageViewRestriction.objects.create(
        page=demo_site.root_page, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get("/").status_code == 302
    home_restriction.delete()
    assert client.get("/").status_code == 200


def test_a_restriction_on_an_alias_source_covers_the_alias(client, demo_site):
    index = KnowledgeIndexPage.objects.live().filter(locale__language_code="lv").first()
    article = ArticlePage.objects.live().child_of(index).first()
    parent = Page.objects.get(pk=demo_site.root_page.pk)
    alias = article.create_alias(parent=parent, update_slug="alias-of-an-article")
    assert client.get(alias.url).status_code == 200
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(alias.url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_site_rows_are_kept_until_the_next_content_change(demo_site, django_assert_num_queries):
    from portal.models import SiteSettings

    load_site(demo_site.hostname, demo_site.port)
    with django_assert_num_queries(0):
        load_site(demo_site.hostname, demo_site.port)
    settings = SiteSettings.for_site(demo_site)
    settings.footer_text = "Jauns kājenes teksts"
    settings.save()
    home = demo_site.root_page.specific
    home.title = "Jauns sākums"
    home.save_revision().publish()
    site = load_site(demo_site.hostname, demo_site.port)
    assert site.sitesettings.footer_text == "Jauns kājenes teksts"
    assert site.root_page.title == "Jauns sākums"
