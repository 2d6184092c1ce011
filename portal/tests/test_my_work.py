"""“Mans darbs”: a signed-in mediator's profile, posts with their status and replies, monthly
reports and the contacts due for verification — their own only; and the invited mediator's
profile, so reporting works at once."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from network import conftest as network_fixtures
from network.factories import ServiceFactory
from network.mediators.models import MediatorProfilePage
from network.posts.models import ExperiencePostPage, Reply
from network.posts.views import submit_for_moderation
from network.reports.models import MonthlyReport
from network.tests import people_fixtures
from portal.tests import test_accounts
from portal.tests.test_accounts import accept, invite, link_in

index_page = network_fixtures.index_page
municipality = network_fixtures.municipality
other_municipality = network_fixtures.other_municipality
topics = network_fixtures.topics
sections = people_fixtures.sections
mediator_index = people_fixtures.mediator_index
experience_index = people_fixtures.experience_index
users = people_fixtures.users
profile = people_fixtures.profile
other_profile = people_fixtures.other_profile
make_post = people_fixtures.make_post
editor = test_accounts.editor
# Network's autouse cache clearing, for these tests built on its fixtures: Wagtail caches the
# sites' root paths, and an earlier test's site would leave these pages without a URL.
_empty_cache = network_fixtures._empty_cache

pytestmark = pytest.mark.django_db


def my_work(client, user):
    client.force_login(user)
    response = client.get("/mans-darbs/")
    assert response.status_code == 200
    return response.content.decode()


def draft_post(experience_index, owner, title, profile):
    post = ExperiencePostPage(title=title, slug=title.lower().replace(" ", "-"))
    post.owner = owner
    post.live = False
    post.author_profile = profile
    experience_index.add_child(instance=post)
    post.save_revision(user=owner)
    return post


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/mans-darbs/")
    assert response.status_code == 302
    assert response["Location"] == "/konts/pieslegties/?next=/mans-darbs/"


def test_my_profile_with_an_edit_link(client, users, profile):
    html = my_work(client, users["mediator"])
    assert "Anna Mediatore" in html and "Ventspils" in html
    assert f'href="/mans-darbs/profils/{profile.pk}/"' in html  # the portal's form, not Wagtail
    assert "/admin/pages/" not in html
    assert f'href="{profile.url}"' in html


def test_my_posts_with_their_status_and_replies(
    client,
    users,
    profile,
    other_profile,
    experience_index,
):
    mediator = users["mediator"]
    published = make_post(experience_index, mediator, title="Publicētais stāsts")
    Reply.objects.create(post=published, author=users["other_mediator"], body="Paldies, noder!")
    Reply.objects.create(post=published, author=users["editor"], body="Slēpta", is_hidden=True)
    waiting = draft_post(experience_index, mediator, "Gaidošais stāsts", profile)
    submit_for_moderation(waiting, mediator)
    draft = draft_post(experience_index, mediator, "Melnraksta stāsts", profile)
    make_post(experience_index, users["other_mediator"], title="Bertas stāsts")

    html = my_work(client, mediator)
    items = {
        title: re.search(rf"{title}</a>\s*<span class=\"status status--(\w+)\"", html).group(1)
        for title in ["Publicētais stāsts", "Gaidošais stāsts", "Melnraksta stāsts"]
    }
    assert items == {
        "Publicētais stāsts": "published",
        "Gaidošais stāsts": "moderation",
        "Melnraksta stāsts": "draft",
    }
    assert "gaida moderāciju" in html and "melnraksts" in html and "publicēts" in html
    assert "Paldies, noder!" in html and "1 atbilde" in html
    assert "Slēpta" not in html
    assert f'href="{published.url}labot/"' in html
    assert f'href="/mans-darbs/stasts/{draft.pk}/">Melnraksta stāsts</a>' in html
    assert f'href="/mans-darbs/stasts/{waiting.pk}/">Gaidošais stāsts</a>' in html
    assert "/admin/pages/" not in html
    assert "Bertas stāsts" not in html


def test_an_unpublished_post_opens_as_its_latest_revision_for_its_author_only(
    client, users, profile, experience_index
):
    mediator = users["mediator"]
    post = draft_post(experience_index, mediator, "Melnraksta stāsts", profile)
    post.glad_about = "Bērni sāka nākt uz skolu."
    post.save_revision(user=mediator)
    client.force_login(mediator)
    response = client.get(f"/mans-darbs/stasts/{post.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Melnraksta stāsts</h1>" in html
    assert "Bērni sāka nākt uz skolu." in html and "Ir prieks par…" in html
    assert "vēl nav publicēts" in html
    client.force_login(users["other_mediator"])
    assert client.get(f"/mans-darbs/stasts/{post.pk}/").status_code == 404


def test_my_reports_with_their_status(client, users, profile, other_profile):
    status = MonthlyReport.Status
    for month, state in [(1, status.DRAFT), (2, status.SUBMITTED), (3, status.RETURNED)]:
        MonthlyReport.objects.create(
            profile=profile, month=datetime.date(2020, month, 1), status=state
        )
    others = MonthlyReport.objects.create(profile=other_profile, month=datetime.date(2020, 4, 1))
    html = my_work(client, users["mediator"])
    assert "melnraksts" in html and "iesniegta" in html and "atgriezta labošanai" in html
    for report in MonthlyReport.objects.filter(profile=profile):
        assert f'href="/atskaites/{report.pk}/"' in html
    assert f'href="/atskaites/{others.pk}/"' not in html
    assert "Aprīlis 2020" not in html and "aprīlis 2020" not in html


def test_contacts_of_my_municipality_due_for_verification(
    client,
    users,
    profile,
    municipality,
    other_municipality,
):
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    never = ServiceFactory(
        name="Nekad nepārbaudīts", assured_date=None, service_areas=[municipality]
    )
    stale = ServiceFactory(
        name="Sen pārbaudīts", assured_date=long_ago, service_areas=[municipality]
    )
    ServiceFactory(name="Tikko pārbaudīts", service_areas=[municipality])
    ServiceFactory(name="Jelgavas", assured_date=None, service_areas=[other_municipality])
    ServiceFactory(
        name="Citas atbildība",
        assured_date=None,
        service_areas=[municipality],
        responsible=users["other_mediator"],
    )
    html = my_work(client, users["mediator"])
    assert html.index("Nekad nepārbaudīts") < html.index("Sen pārbaudīts")
    assert f'href="{never.get_absolute_url()}"' in html
    assert f'href="{stale.get_absolute_url()}"' in html
    assert "nav pārbaudīts" in html and "novecoja 20" in html
    for name in ["Tikko pārbaudīts", "Jelgavas", "Citas atbildība"]:
        assert name not in html
    assert "Citas atbildība" in my_work(client, users["other_mediator"])


def test_empty_states(client, users, profile):
    html = my_work(client, users["mediator"])
    assert "Jūs vēl neesat rakstījis pieredzes stāstu." in html
    assert "Atskaišu vēl nav." in html
    assert "Nav kontaktu, kas būtu jāpārbauda." in html
    html = my_work(client, users["editor"])
    assert "Jūsu kontam nav mediatora profila." in html
    assert "Atskaites var rakstīt, kad kontam ir piesaistīts mediatora profils." in html


# An invitation gives the new mediator a profile --------------------------------------------


def test_an_accepted_invitation_creates_the_profile_and_reporting_works(
    client,
    editor,
    mediator_index,
    municipality,
):
    invite(client, editor)
    url = link_in(mail.outbox[0])
    assert "Pašvaldība, kurā strādājat" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "first_name": "Jānis",
            "last_name": "Mediators",
            "new_password1": "Garš-un-drošs-2024",
            "new_password2": "Garš-un-drošs-2024",
            "municipality": str(municipality.pk),
        },
    )
    assert response.status_code == 302 and response["Location"] == "/mans-darbs/"
    user = get_user_model().objects.get(email="jauna@example.org")
    profile = MediatorProfilePage.objects.get(user=user)
    assert profile.title == "Jānis Mediators" and profile.municipality == municipality
    assert not profile.live and profile.owner == user
    assert profile.get_parent().pk == mediator_index.pk
    assert client.get("/atskaites/").status_code == 200
    assert client.get("/atskaites/jauna/?menesis=2020-04").status_code == 200
    assert "Jānis Mediators" in client.get("/mans-darbs/").content.decode()


def test_an_invited_editor_gets_no_mediator_profile(client, editor, mediator_index):
    editor.groups.add(*editor.groups.model.objects.filter(name="Moderatori"))
    invite(client, editor, role="Redaktori")
    accept(client, link_in(mail.outbox[0]))
    assert not MediatorProfilePage.objects.exists()


def test_a_mediator_without_a_profile_is_shown_how_to_make_one(
    client,
    users,
    municipality,
):
    mediator = users["mediator"]  # no profile fixture: none yet
    client.force_login(mediator)
    response = client.get("/atskaites/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "nav piesaistīts mediatora profils" in html
    assert 'href="/konts/mediatora-profils/"' in html
    assert client.get("/konts/mediatora-profils/").status_code == 200
    response = client.post("/konts/mediatora-profils/", {"municipality": str(municipality.pk)})
    assert response.status_code == 302 and response["Location"] == "/atskaites/"
    assert MediatorProfilePage.objects.get(user=mediator).municipality == municipality
    assert client.get("/atskaites/").status_code == 200
    # A second one is never made: the form now leads to "Mans darbs".
    assert client.get("/konts/mediatora-profils/")["Location"] == "/mans-darbs/"
    assert MediatorProfilePage.objects.filter(user=mediator).count() == 1


def test_only_mediators_may_create_a_profile(client, users):
    client.force_login(users["editor"])
    assert client.get("/konts/mediatora-profils/").status_code == 403
    html = client.get("/atskaites/").content.decode()
    assert "/konts/mediatora-profils/" not in html


def test_a_bad_municipality_is_a_400(client, users):
    client.force_login(users["mediator"])
    response = client.post("/konts/mediatora-profils/", {"municipality": "nav-skaitlis"})
    assert response.status_code == 400
    assert not MediatorProfilePage.objects.filter(user=users["mediator"]).exists()
