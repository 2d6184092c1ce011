"""Every public page type and API endpoint runs a bounded number of SQL queries that does not
grow with the corpus: counted on the demo site, then again after adding many more items to
the very pages measured (more services, articles, mediators, posts, replies)."""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.factories import ArticlePageFactory, SeminarPageFactory
from knowledge.models import ArticlePage, GuidePage, GuideStepPage, KnowledgeIndexPage, SeminarPage
from network.directory.models import MunicipalityIndexPage, MunicipalityPage, Service
from network.factories import (
    ContactFactory,
    PhoneFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from network.mediators.models import (
    FamiliesSupported,
    MediatorIndexPage,
    MediatorLanguage,
    MediatorProfilePage,
)
from network.posts.models import ExperienceIndexPage, ExperiencePostPage, Reply

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

PAGE_QUERY_LIMIT = 15


def public_urls():
    """One URL per public page type and API endpoint, found in the current content."""
    index = KnowledgeIndexPage.objects.live().filter(locale__language_code="lv").first()
    article = ArticlePage.objects.live().filter(topics__isnull=False).first()
    topic = article.topics.first()
    guide = GuidePage.objects.live().first()
    municipalities = MunicipalityIndexPage.objects.live().first()
    municipality = MunicipalityPage.objects.live().get(slug="ventspils")
    service = Service.objects.public().filter(service_areas=municipality).first()
    profile = MediatorProfilePage.objects.live().filter(municipality=municipality).first()
    post = ExperiencePostPage.objects.live().order_by("path").first()
    urls = {
        "home": "/",
        "home (en)": "/en/",
        "article": article.url,
        "seminar": SeminarPage.objects.live().first().url,
        "guide": guide.url,
        "guide step": GuideStepPage.objects.live().child_of(guide).first().url,
        "guide print": guide.url + "print/",
        "knowledge listing": index.url,
        "knowledge topic": index.topic_url(topic),
        "knowledge filtered": f"{index.url}?tema={topic.slug}&pasvaldiba=ventspils",
        "knowledge feed": index.url + "feed/",
        "municipality index": municipalities.url,
        "municipality": municipality.url,
        "municipality services": f"{municipality.url}pakalpojumi/?tema={topic.slug}&page=2",
        "compare": f"{municipalities.url}salidzinat/?m=ventspils&m=jelgava",
        "service": service.get_absolute_url(),
        "service vcard": f"{service.get_absolute_url()}vcard/",
        "service print": f"{service.get_absolute_url()}drukat/",
        "mediator index": MediatorIndexPage.objects.live().first().url,
        "mediator profile": profile.url,
        "experience index": ExperienceIndexPage.objects.live().first().url,
        "experience post": post.url,
        "404": "/nav-tadas-lapas/",
        "api pages": "/api/v2/pages/?type=knowledge.ArticlePage&fields=summary,topics,tags",
        "api page detail": f"/api/v2/pages/{article.pk}/",
        "api hsds services": "/api/hsds/services",
        "api hsds organizations": "/api/hsds/organizations",
        "api hsds service_at_locations": "/api/hsds/service_at_locations",
        "api search": "/api/search/?q=b%C4%81ri%C5%86tiesa",
        "api suggest": "/api/search/suggest/?q=b%C4%81ri",
    }
    return urls


def count_queries(client, url):
    """The queries of one anonymous request rendered afresh: the page cache is off in tests
    (PAGE_CACHE_SECONDS = 0), the menu and footer fragment and Wagtail's site root paths are
    warm (one request before), as they are for any page but the first after a change."""
    assert django_settings.PAGE_CACHE_SECONDS == 0
    for cache in caches.all():
        cache.clear()
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, [query["sql"] for query in context.captured_queries]


def measure(client, urls):
    return {name: count_queries(client, url) for name, url in urls.items()}


def grow_corpus(urls):
    """Many more items on the very pages measured, plus a small synthetic corpus around them."""
    from portal.synthetic import generate_corpus

    generate_corpus(
        municipalities=3,
        articles=40,
        services=60,
        mediators=8,
        posts=30,
        replies_per_post=2,
        progress=False,
    )
    municipality = MunicipalityPage.objects.get(slug="ventspils")
    index = KnowledgeIndexPage.objects.live().filter(locale__language_code="lv").first()
    article = ArticlePage.objects.live().filter(topics__isnull=False).first()
    topics = list(article.topics.all())
    for number in range(12):
        factory = ArticlePageFactory if number % 2 else SeminarPageFactory
        page = factory(parent=index, topics=topics, live=True)
        page.municipalities.add(municipality)
        page.save()
    for number in range(25):
        service = ServiceFactory(topics=topics, service_areas=[municipality])
        PhoneFactory(service=service)
        PhoneFactory(service=service, number="+371 0000 0002")
        ContactFactory(service=service)
        ScheduleFactory(service=service, weekday=number % 7 + 1)
        ServiceAtLocationFactory(service=service)
    profile = MediatorProfilePage.objects.live().filter(municipality=municipality).first()
    for year in range(2000, 2012):
        FamiliesSupported.objects.create(page=profile, period=str(year), families=year % 17)
    MediatorLanguage.objects.create(page=profile, language="ru")
    post = ExperiencePostPage.objects.live().order_by("path").first()
    author = Reply.objects.filter(post=post).first().author
    for number in range(20):
        Reply.objects.create(post=post, author=author, body=f"Atbilde {number}.")


def report(name, small, large):
    lines = [f"{name}: {len(small)} queries on the small corpus, {len(large)} on the large one"]
    lines += [f"  {sql[:300]}" for sql in large]
    return "\n".join(lines)


def test_queries_are_bounded_and_do_not_grow_with_the_corpus(client, demo_site, settings):
    settings.ELASTICSEARCH_URL = ""  # the database fallback
    post = ExperiencePostPage.objects.live().order_by("path").first()
    author = get_user_model().objects.create_user("synth-query-count-replier", password="x" * 16)
    Reply.objects.create(post=post, author=author, body="Pirmā atbilde.")
    urls = public_urls()
    small = measure(client, urls)
    grow_corpus(urls)
    large = measure(client, urls)
    # The large corpus really is larger on the pages measured.
    assert "Atbilde 19." in large["experience post"][0].content.decode()
    assert large["municipality"][0].content.count(b"tel:") > small["municipality"][0].content.count(
        b"tel:"
    )
    failures = []
    for name, url in urls.items():
        (small_response, small_sql), (large_response, large_sql) = small[name], large[name]
        expected_status = 404 if name == "404" else 200
        assert small_response.status_code == expected_status, url
        assert large_response.status_code == expected_status, url
        grows = len(large_sql) != len(small_sql)
        too_many = len(large_sql) > PAGE_QUERY_LIMIT
        if grows or too_many:
            failures.append(report(name, small_sql, large_sql))
    table = "\n".join(f"{name:32} {len(small[name][1]):3} {len(large[name][1]):3}" for name in urls)
    print(f"\nqueries: small, large corpus\n{table}")
    assert not failures, table + "\n\n" + "\n\n".join(failures)
