"""One-line fields refuse line breaks, tabs and other control characters, on the public forms
and in the admin: a post title with a line break once broke every reply notification."""

import pytest
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from network.directory.models import Organization, Service
from network.directory.tests.test_admin import errors_of, service_form
from network.posts.models import ExperiencePostPage
from network.reports.models import MonthlyReport
from network.reports.tests.test_reports import fact, form_data
from network.tests import people_fixtures

experience_index = people_fixtures.experience_index
mediator_index = people_fixtures.mediator_index
post = people_fixtures.post
profile = people_fixtures.profile
sections = people_fixtures.sections
users = people_fixtures.users

pytestmark = pytest.mark.django_db

MESSAGE = "vadības rakstzīmes"
BROKEN = ["Skolas kavējumi\nVentspilī", "Skolas kavējumi\r\nBcc: x@example.org", "a\tb", "a\x0bb"]
LATVIAN = "Ģimeņu atbalsts Rēzeknē un Līvānos: ūdens, šķūnis, čības, žogs — “labi”"


def post_form(**overrides):
    return {"title": "Darbs ar skolām", "main_issues": "Skolas kavējumi.", **overrides}


@pytest.mark.parametrize("title", BROKEN)
def test_a_new_post_title_with_a_control_character_is_refused(
    client, users, experience_index, profile, title
):
    client.force_login(users["mediator"])
    response = client.post(f"{experience_index.url}rakstit/", post_form(title=title))
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert not ExperiencePostPage.objects.filter(owner=users["mediator"]).exists()


def test_a_latvian_title_passes(client, users, experience_index, profile):
    client.force_login(users["mediator"])
    response = client.post(f"{experience_index.url}rakstit/", post_form(title=LATVIAN))
    assert response.status_code == 302
    assert ExperiencePostPage.objects.get(owner=users["mediator"]).title == LATVIAN


def test_editing_a_post_title_to_two_lines_is_refused(client, users, post):
    client.force_login(users["mediator"])
    response = client.post(f"{post.url}labot/", post_form(title="Pirmā\notrā"))
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    post.refresh_from_db()
    assert "\n" not in post.get_latest_revision_as_object().title


def admin_edit(client, post, title):
    data = nested_form_data(
        {
            "title": title,
            "slug": post.slug,
            "author_profile": post.author_profile_id,
            "main_issues": post.main_issues,
            "comments": inline_formset([]),
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[post.pk]), data)


@pytest.mark.parametrize("role", ["mediator", "editor"])
def test_the_admin_refuses_a_page_title_with_a_line_break(client, users, post, role):
    client.force_login(users[role])
    revisions = Revision.objects.for_instance(post).count()
    response = admin_edit(client, post, "Pirmā\notrā")
    assert response.status_code == 200  # the form again, with the error
    assert MESSAGE in str(errors_of(response)["title"])
    assert Revision.objects.for_instance(post).count() == revisions
    assert admin_edit(client, post, LATVIAN).status_code == 302
    post.refresh_from_db()
    assert post.get_latest_revision_as_object().title == LATVIAN


def test_the_admin_refuses_control_characters_in_snippets_and_their_inline_rows(
    admin_client, municipality, topics
):
    response = admin_client.post(
        "/admin/snippets/network/organization/add/", {"name": "Bāriņtiesa\nx"}
    )
    assert response.status_code == 200
    assert MESSAGE in str(errors_of(response)["name"])
    assert not Organization.objects.exists()
    from network.factories import LocationFactory, OrganizationFactory

    data = service_form(OrganizationFactory(), municipality, topics, LocationFactory())
    data["contacts-0-title"] = "sociālais\npedagogs"
    response = admin_client.post("/admin/snippets/network/service/add/", data)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not Service.objects.exists()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktors", "redaktors@example.org", "x")
    client.force_login(user)
    return client


def test_report_names_refuse_control_characters(client, users, profile, topics):
    client.force_login(users["mediator"])
    school = Organization.objects.create(name="Ventspils 6. vidusskola")
    response = client.post(
        "/atskaites/jauna/",
        form_data(
            facts=[fact(school, staff_role="sociālais\npedagogs")],
            events=[{"name": "Seminārs\r\nBcc", "date": "2020-04-03", "kind": "attended"}],
        ),
    )
    assert response.status_code == 400
    # Each twice: in the error summary at the top and beside its field.
    assert response.content.decode().count(MESSAGE) == 4
    assert not MonthlyReport.objects.exists()


def test_the_suggest_an_edit_form_refuses_a_broken_e_mail_address(client, db):
    from network.factories import ServiceFactory

    service = ServiceFactory()
    response = client.post(
        f"/pakalpojumi/{service.pk}/labot/",
        {"subject": "other", "message": "Jauns tālrunis", "contact_email": "a@example.org\nx"},
    )
    assert response.status_code == 400
