"""The demo content from the seed, as `make run` shows it."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow

from knowledge.models import ArticlePage, GuidePage, KnowledgeIndexPage, SeminarPage
from portal.core.editorial import EDITORS_GROUP, MODERATORS_GROUP, WORKFLOW_NAME

pytestmark = pytest.mark.django_db
SEMINAR_URL = "/zinasanas/romu-mediatoru-pieredzes-apmainas-seminars/"


def test_seminar_page_has_the_seed_content(client, demo_site):
    response = client.get(SEMINAR_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="lv">' in html
    assert "Demo saturs" in html
    assert "Iepazīties un izvērtēt romu mediācijas praksi piecās Latvijas pašvaldībās" in html
    assert "Romu mediatoru darbības pamatvirzieni un uzdevumi" in html
    assert html.count('class="table-scroll recommendations"') == 2
    assert "Ieteikumi romu mediatoru darba uzsākšanai" in html
    for name in (
        "Ināra Kozlovska",
        "Malda Avramenko",
        "Rasma Zaharenko",
        "Marta Paņko",
        "Oksana Marcinkeviča",
    ):
        assert f"<h3>{name}," in html
    assert "Atbalstītas personas: 41" in html
    assert html.count('<figure class="quote">') >= 10
    assert "Bāriņtiesa atzīst" in html


def test_the_only_chart_figures_are_the_seeds(client, demo_site):
    html = client.get(SEMINAR_URL).content.decode()
    table = html[html.index('<table class="figures__table">') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r'<th scope="row">([^<]+)</th>\s*<td class="number">(\d+)</td>', table)
    assert rows == [
        ("Jelgava", "30"),
        ("Ventspils", "17"),
        ("Viļaka", "22"),
        ("Valmiera", "13"),
    ]
    # Riga's report counts persons, not families: said in words, never mixed into the chart.
    assert "Rīgā darba atskaitēs minēts atbalsts 41 personai" in html


def test_demo_articles_and_guide_are_published_and_marked(client, demo_site):
    index_page = KnowledgeIndexPage.objects.get(slug="zinasanas", locale__language_code="lv")
    assert index_page.show_in_menus
    articles = ArticlePage.objects.live()
    assert articles.count() >= 4
    assert all(article.is_demo for article in articles)
    assert SeminarPage.objects.get(locale__language_code="lv").is_demo
    guide = GuidePage.objects.get(title="Romu mediatora darba uzsākšana")
    assert guide.is_demo and len(guide.steps()) == 6
    for page in [*articles, guide, *guide.steps()]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert "Demo saturs" in response.content.decode(), page.url
    # No invented contacts: demo practices name a seed mediator at most.
    assert not any(article.contact_email or article.contact_phone for article in articles)


def test_demo_menu_and_listing(client, demo_site):
    html = client.get("/zinasanas/").content.decode()
    assert 'href="/zinasanas/" aria-current="page">Zināšanas</a>' in html
    assert "Parādu nomaksas grafiki komunālajiem maksājumiem" in html
    assert "Rotaļlietu bibliotēka “Ringla” Jelgavā" in html
    assert "Romu mediatoru pieredzes apmaiņas seminārs" in html


def test_demo_sets_up_groups_and_the_workflow(demo_site):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert Group.objects.filter(name__in=[EDITORS_GROUP, MODERATORS_GROUP]).count() == 2
    assert KnowledgeIndexPage.objects.get(locale__language_code="lv").get_workflow() == workflow
    assert GuidePage.objects.get(locale__language_code="lv").steps()[0].get_workflow() == workflow


def test_demo_pages_open_in_the_admin_editor(admin_client, demo_site):
    from django.urls import reverse

    for page in [
        SeminarPage.objects.get(locale__language_code="lv"),
        *ArticlePage.objects.all()[:1],
        GuidePage.objects.get(locale__language_code="lv"),
    ]:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page.title
