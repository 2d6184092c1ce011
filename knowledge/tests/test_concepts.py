"""Knowledge pages carry the vocabulary's concepts: the demo sets them and editors choose them
in the page editor."""

import pytest

from knowledge.models import ArticlePage, GuidePage, GuideStepPage, SeminarPage

pytestmark = pytest.mark.django_db


def test_every_demo_page_carries_concepts(demo_site):
    pages = [
        *ArticlePage.objects.all(),
        *SeminarPage.objects.all(),
        *GuidePage.objects.all(),
        *GuideStepPage.objects.all(),
    ]
    assert len(pages) == 22  # 14 Latvian pages and the guide and seminar in English
    assert all(page.concepts.exists() for page in pages)
    ringla = ArticlePage.objects.get(slug="rotallietu-biblioteka-ringla")
    assert "rotallietu-biblioteka" in ringla.concepts.values_list("slug", flat=True)


def test_the_page_editor_offers_concepts_grouped_by_topic(admin_client, demo_site):
    article = ArticlePage.objects.get(slug="paradu-nomaksas-grafiki")
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    html = response.text
    assert "data-concept-filter" in html and "js/concept-chooser.js" in html
    assert "<label>Mājoklis</label>" in html  # the topic heading of a group
    checked = article.concepts.get(slug="komunalo-paradi")
    assert f'value="{checked.pk}"' in html and "checked" in html
