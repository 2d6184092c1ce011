"""The admin report of articles and guides past their review-by date."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from knowledge.factories import ArticlePageFactory, GuidePageFactory, SeminarPageFactory
from knowledge.views import overdue_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def dated_pages(knowledge_index, home):
    today = timezone.localdate()
    return {
        "overdue_article": ArticlePageFactory(
            parent=knowledge_index,
            title="Novecojusi prakse",
            review_by=today - datetime.timedelta(days=3),
        ),
        "current_article": ArticlePageFactory(
            parent=knowledge_index,
            title="Aktuāla prakse",
            review_by=today + datetime.timedelta(days=30),
        ),
        "undated_article": ArticlePageFactory(parent=knowledge_index, title="Bez datuma"),
        "overdue_guide": GuidePageFactory(
            parent=home, title="Novecojis ceļvedis", review_by=today - datetime.timedelta(days=40)
        ),
        "seminar": SeminarPageFactory(parent=knowledge_index, title="Seminārs"),
    }


def test_overdue_pages(dated_pages):
    assert set(overdue_pages()) == {
        dated_pages["overdue_article"].page_ptr,
        dated_pages["overdue_guide"].page_ptr,
    }


def test_report_lists_overdue_items_longest_overdue_first(admin_client, dated_pages):
    response = admin_client.get(reverse("knowledge_review_report"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jāpārskata" in html
    assert html.index("Novecojis ceļvedis") < html.index("Novecojusi prakse")
    assert "Aktuāla prakse" not in html
    assert "Bez datuma" not in html


def test_report_is_in_the_reports_menu_and_exports(admin_client, dated_pages):
    assert reverse("knowledge_review_report") in admin_client.get("/admin/").content.decode()
    response = admin_client.get(reverse("knowledge_review_report") + "?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert "Novecojusi prakse" in content.decode()


def test_report_empty_state(admin_client, knowledge_index):
    html = admin_client.get(reverse("knowledge_review_report")).content.decode()
    assert "Nav lapu, kuru pārskatīšanas datums būtu pagājis." in html


def test_report_needs_page_permissions(client, dated_pages):
    user = get_user_model().objects.create_user("lasitajs", "l@example.org", "x")
    client.force_login(user)
    assert client.get(reverse("knowledge_review_report")).status_code in (302, 403)


def test_moderator_sees_overdue_pages_in_their_section(client, dated_pages, knowledge_index):
    from django.contrib.auth.models import Group

    from portal.core.editorial import MODERATORS_GROUP, ensure_moderation_workflow

    ensure_moderation_workflow([knowledge_index])
    moderator = get_user_model().objects.create_user("moderators", "m@example.org", "x")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    client.force_login(moderator)
    html = client.get(reverse("knowledge_review_report")).content.decode()
    assert "Novecojusi prakse" in html
    # The guide lies outside the section this moderator was given.
    assert "Novecojis ceļvedis" not in html
