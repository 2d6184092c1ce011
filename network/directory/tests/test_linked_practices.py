"""A municipality page's good practice: the newest live public articles linked to it."""

import pytest
from wagtail.models import PageViewRestriction

from network.factories import MunicipalityPageFactory

pytestmark = pytest.mark.django_db


def test_only_live_public_linked_articles_count_newest_first_undated_last(
    client, index_page, municipality
):
    from knowledge.factories import ArticlePageFactory, KnowledgeIndexPageFactory

    def linked(title, parent=index_page, **kwargs):
        return ArticlePageFactory(
            parent=parent, title=title, municipalities=[municipality], **kwargs
        )

    older, newer, undated = linked("Vecāka"), linked("Jaunāka"), linked("Bez datuma")
    type(undated).objects.filter(pk=undated.pk).update(first_published_at=None)
    draft = linked("Melnraksts")
    draft.unpublish()
    own = linked("Ar savu ierobežojumu")
    PageViewRestriction.objects.create(page=own, restriction_type=PageViewRestriction.LOGIN)
    section = KnowledgeIndexPageFactory(parent=index_page, title="Slēgta sadaļa")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    linked("Slēgtā sadaļā", parent=section)
    ArticlePageFactory(parent=index_page, title="Nesaistīta")
    elsewhere = MunicipalityPageFactory(parent=index_page, title="Cita", slug="cita")
    ArticlePageFactory(parent=index_page, title="Citur", municipalities=[elsewhere])

    practices = municipality.linked_practices(limit=2)
    assert [practice.title for practice in practices] == ["Jaunāka", "Vecāka"]
    assert (practices.total, practices.more) == (3, 1)
    assert [p.pk for p in municipality.linked_practices()] == [newer.pk, older.pk, undated.pk]

    html = client.get(municipality.url).content.decode()
    assert f'<a href="{newer.url}">Jaunāka</a>' in html and "(3)" in html
    for hidden in ("Melnraksts", "Ar savu ierobežojumu", "Slēgtā sadaļā", "Nesaistīta", "Citur"):
        assert hidden not in html
