"""The English site over a partly translated Latvian tree (issue 21, point 2): every public URL
has an /en/ counterpart, untranslated pages say so, links keep the reader in English."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from knowledge.models import ArticlePage, GuidePage, SeminarPage
from network.directory.models import MunicipalityPage, Organization, Service
from portal.core.demo_translations import demo_translation_files
from portal.tests.fixtures import demo_site  # noqa: F401

pytestmark = pytest.mark.django_db

NOTICE = "This page is available in Latvian."
# Addresses outside the language prefixes, and the notice's own link back to Latvian.
OUTSIDE_PREFIXES = ("/en/", "/api/", "/documents/", "/static/", "/media/", "/admin/", "#")
LINK = re.compile(r"<a\s([^>]*)>")
HREF = re.compile(r'href="(/[^"]*)"')


def public_paths():
    """Every live Latvian page and one of each of the directory's own pages."""
    latvian = Locale.objects.get(language_code="lv")
    pages = Page.objects.live().public().filter(locale=latvian, depth__gt=2)
    paths = [latvian_url(page) for page in pages.specific()]
    service, organization = Service.objects.first(), Organization.objects.first()
    paths += [f"/pakalpojumi/{service.pk}/", f"/iestades/{organization.pk}/"]
    paths += [
        "/meklet/?q=Ventspils",
        "/konts/pieslegties/",
        "/pasvaldibas/salidzinat/?m=tukums&m=ventspils",
    ]
    return paths


def latvian_url(page):
    """The page's Latvian address (a request to /en/ leaves English active in the test)."""
    with translation.override("lv"):
        return page.url


def english(client, path):
    response = client.get("/en" + path, follow=True)
    return response, response.content.decode()


def links_leaving_english(html):
    """Site links that lead out of /en/ (other than the ones marked as going to Latvian)."""
    leaving = []
    for attributes in LINK.findall(html):
        href = HREF.search(attributes)
        marked = 'hreflang="lv"' in attributes
        if href and not marked and not href.group(1).startswith(OUTSIDE_PREFIXES):
            leaving.append(href.group(1))
    return leaving


def test_every_public_url_has_an_english_counterpart(client, demo_site):  # noqa: F811
    paths = public_paths()
    assert len(paths) >= 35
    for path in paths:
        response, html = english(client, path)
        assert response.status_code == 200, path
        assert '<html lang="en">' in html, path
        assert links_leaving_english(html) == [], path


def test_an_untranslated_page_says_so_and_marks_its_content_latvian(client, demo_site):  # noqa: F811
    article = ArticlePage.objects.live().first()
    response, html = english(client, latvian_url(article))
    assert NOTICE in html
    assert f'href="{latvian_url(article)}" lang="lv" hreflang="lv"' in html  # back to Latvian
    content = html.split(NOTICE)[1]
    assert '<div lang="lv">' in content
    assert article.title in content.split('<div lang="lv">')[1]


def test_translated_pages_are_english_without_the_notice(client, demo_site):  # noqa: F811
    for model in (GuidePage, SeminarPage):
        latvian = model.objects.live().get(locale__language_code="lv")
        translated = latvian.get_translation(Locale.objects.get(language_code="en"))
        response, html = english(client, latvian_url(latvian))
        assert translated.title in html
        assert NOTICE not in html
    response, html = english(client, "/zinasanas/")
    assert "<h1>Knowledge</h1>" in html
    assert html.count('<h3 lang="lv">') == ArticlePage.objects.live().count()  # marked Latvian
    response, html = english(client, "/pasvaldibas/")
    assert "<h1>Municipalities</h1>" in html
    # Listed from the Latvian tree: every municipality, though none is translated.
    for municipality in MunicipalityPage.objects.live():
        assert f'href="/en{latvian_url(municipality)}"' in html


def test_the_language_switch_leads_to_the_same_page(client, demo_site):  # noqa: F811
    path = latvian_url(ArticlePage.objects.live().first())
    html = client.get(path).content.decode()
    assert f'href="/en{path}" lang="en" hreflang="en"' in html
    response, html = english(client, path + "?print=1")
    assert f'href="{path}?print=1" lang="lv" hreflang="lv"' in html


def test_a_reader_goes_from_the_english_home_to_contacts_guide_and_seminar(client, demo_site):  # noqa: F811
    """Home → municipalities → Ventspils → a service card; home → guide → its first step;
    knowledge → the seminar: every page answers, and a Latvian one says so."""
    walked = []

    def follow(html, pattern):
        href = re.search(pattern, html).group(1)
        response = client.get(href)
        assert response.status_code == 200, href
        page_html = response.content.decode()
        assert '<html lang="en">' in page_html
        if '<div lang="lv">' in page_html:
            assert NOTICE in page_html, href
        walked.append(href)
        return page_html

    home = client.get("/en/").content.decode()
    municipalities = follow(home, r'href="(/en/pasvaldibas/)"')
    ventspils = follow(municipalities, r'href="(/en/pasvaldibas/ventspils/)"')
    follow(ventspils, r'href="(/en/pakalpojumi/[^"]+/)"')
    guide = follow(home, r'href="(/en/darba-uzsaksana/)"')
    step = follow(guide, r'class="button" href="(/en/darba-uzsaksana/[^"]+/)"')
    assert NOTICE not in step
    knowledge = follow(home, r'href="(/en/zinasanas/)"')
    seminar = follow(knowledge, r'href="(/en/zinasanas/romu-mediatoru[^"]*/)"')
    assert "Roma mediator experience exchange seminar" in seminar
    assert NOTICE not in seminar
    assert len(walked) == 7


def test_the_demo_translations_cover_every_string_of_their_pages(demo_site):  # noqa: F811
    english_locale = Locale.objects.get(language_code="en")
    catalogues = demo_translation_files("en")
    assert len(catalogues) >= 12
    for page_translation in Translation.objects.filter(target_locale=english_locale):
        total, translated = page_translation.get_progress()
        assert total == translated, page_translation.source.object_repr


def test_editors_can_sync_translations_when_the_latvian_page_changes(client, demo_site):  # noqa: F811
    """wagtail-localize's "Sync translated pages" on a translated page's Latvian source, in
    Latvian, and its translation editor for the English copy."""
    admin = get_user_model().objects.create_superuser("tulkotaja", "t@example.org", "pw-123456")
    client.force_login(admin)
    guide = GuidePage.objects.live().get(locale__language_code="lv")
    html = client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    assert "Sinhronizēt" in html
    translated = guide.get_translation(Locale.objects.get(language_code="en"))
    response = client.get(f"/admin/pages/{translated.pk}/edit/")
    assert response.status_code == 200
    assert "Getting started as a Roma mediator" in response.content.decode()


def test_good_practice_has_one_name(client, demo_site):  # noqa: F811
    """ "Labā prakse" (definite) on cards, breadcrumbs and headings, never "Laba prakse"."""
    article = ArticlePage.objects.live().first()
    paths = (latvian_url(article), latvian_url(article.get_parent()), "/pasvaldibas/ventspils/")
    for path in paths:
        html = client.get(path).content.decode()
        assert "Laba prakse" not in html and "laba prakse" not in html, path
    assert "Labā prakse" in client.get(paths[0]).content.decode()
