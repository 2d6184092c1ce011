"""Follows and digests (issue 22): the right items for each follower, nothing unpublished or
from another municipality, no e-mail when nothing changed, double opt-in, one-click unsubscribe
from the header link without signing in, the signed-in one-click button and reply notices."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from knowledge.factories import ArticlePageFactory, KnowledgeIndexPageFactory, SeminarPageFactory
from network import conftest as network_fixtures
from network.directory.models import Service
from network.factories import ServiceFactory
from network.posts.models import Reply
from network.tests import people_fixtures
from portal.follows import add_follow
from portal.models import Follow, Follower

index_page = network_fixtures.index_page
municipality = network_fixtures.municipality
other_municipality = network_fixtures.other_municipality
topics = network_fixtures.topics
sections = people_fixtures.sections
mediator_index = people_fixtures.mediator_index
experience_index = people_fixtures.experience_index
users = people_fixtures.users
profile = people_fixtures.profile
make_post = people_fixtures.make_post
_empty_cache = network_fixtures._empty_cache

pytestmark = pytest.mark.django_db

LAST_WEEK = timezone.now() - datetime.timedelta(days=7)
LONG_AGO = timezone.now() - datetime.timedelta(days=60)


@pytest.fixture
def knowledge_index(index_page):
    return KnowledgeIndexPageFactory(parent=index_page.get_parent(), slug="zinasanas-testiem")


def email_follower(address, kind, target, immediate=False):
    follower = Follower.objects.create(email=address, last_digest_at=LAST_WEEK)
    add_follow(follower, kind, target, immediate)
    return follower


def old_service(**fields):
    """A service created and last changed long before the last digest."""
    service = ServiceFactory(**fields)
    Service.objects.filter(pk=service.pk).update(
        created=LONG_AGO, last_modified=LONG_AGO, assured_date=LONG_AGO.date()
    )
    return service


def new_article(knowledge_index, **fields):
    now = timezone.now()
    return ArticlePageFactory(
        parent=knowledge_index, first_published_at=now, last_published_at=now, **fields
    )


def digests(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return {message.to[0]: message for message in mail.outbox}


@pytest.fixture
def content(knowledge_index, experience_index, users, municipality, other_municipality, topics):
    """This week's and older content in Ventspils, Jelgava and the education topic."""
    education = topics["izglitiba"]
    post = make_post(experience_index, users["mediator"], title="Skolas stāsts")
    Reply.objects.create(post=post, author=users["other_mediator"], body="Mums palīdzēja PII.")
    Reply.objects.create(
        post=post, author=users["moderator"], body="Slēpta atbilde", is_hidden=True
    )
    changed = old_service(name="Sociālais dienests", service_areas=[municipality])
    Service.objects.filter(pk=changed.pk).update(last_modified=timezone.now())
    verified = old_service(name="Bāriņtiesa", service_areas=[municipality])
    Service.objects.filter(pk=verified.pk).update(
        assured_date=timezone.localdate(), last_modified=timezone.now()
    )
    unpublished = new_article(knowledge_index, title="Melnraksts Ventspilī")
    unpublished.municipalities.set([municipality])
    unpublished.live = False
    unpublished.save()
    return {
        "new_service": ServiceFactory(name="NVA filiāle", service_areas=[municipality]),
        "old_service": old_service(name="Veca skola", service_areas=[municipality]),
        "closed": ServiceFactory(name="Slēgtais", service_areas=[municipality], status="defunct"),
        "jelgava_service": ServiceFactory(
            name="Jelgavas dienests", service_areas=[other_municipality]
        ),
        "article": new_article(
            knowledge_index, title="Ventspils prakse", municipalities=[municipality]
        ),
        "old_article": ArticlePageFactory(
            parent=knowledge_index, title="Vecā prakse", municipalities=[municipality]
        ),
        "jelgava_article": new_article(
            knowledge_index, title="Jelgavas prakse", municipalities=[other_municipality]
        ),
        "topic_article": new_article(knowledge_index, title="Skolas prakse", topics=[education]),
        "seminar": SeminarPageFactory(
            parent=knowledge_index,
            title="Izglītības seminārs",
            topics=[education],
            first_published_at=timezone.now(),
            last_published_at=timezone.now(),
        ),
        "post": post,
    }


def test_each_follower_gets_only_what_they_follow(
    content, municipality, topics, django_capture_on_commit_callbacks
):
    email_follower("pasvaldiba@example.org", "pasvaldiba", municipality)
    email_follower("tema@example.org", "tema", topics["izglitiba"])
    email_follower("stasts@example.org", "stasts", content["post"])
    sent = digests(django_capture_on_commit_callbacks)
    assert set(sent) == {"pasvaldiba@example.org", "tema@example.org", "stasts@example.org"}

    town = sent["pasvaldiba@example.org"].body
    assert "NVA filiāle" in town and "jauns pakalpojums" in town
    assert "Sociālais dienests" in town and "mainīta kontaktinformācija" in town
    assert "Bāriņtiesa" in town and "kontakti pārbaudīti" in town
    assert "Ventspils prakse" in town
    for absent in (
        "Veca skola",
        "Slēgtais",
        "Jelgavas",
        "Vecā prakse",
        "Melnraksts",
        "Skolas prakse",
    ):
        assert absent not in town

    topic = sent["tema@example.org"].body
    assert "Skolas prakse" in topic and "Izglītības seminārs" in topic
    assert "NVA filiāle" not in topic and "Ventspils prakse" not in topic

    post = sent["stasts@example.org"].body
    assert "Mums palīdzēja PII." in post and "Slēpta atbilde" not in post
    assert "NVA filiāle" not in post


def test_no_email_when_nothing_changed(content, municipality, django_capture_on_commit_callbacks):
    email_follower("pasvaldiba@example.org", "pasvaldiba", municipality)
    quiet = email_follower("kluss@example.org", "stasts", content["post"])
    Follow.objects.filter(follower=quiet).update(immediate_replies=True)  # replies come at once
    assert set(digests(django_capture_on_commit_callbacks)) == {"pasvaldiba@example.org"}
    mail.outbox.clear()
    assert digests(django_capture_on_commit_callbacks) == {}  # the next week: nothing new


def test_unsubscribe_from_the_header_link_without_signing_in(
    content, municipality, django_capture_on_commit_callbacks
):
    follower = email_follower("pasvaldiba@example.org", "pasvaldiba", municipality)
    message = digests(django_capture_on_commit_callbacks)["pasvaldiba@example.org"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    assert link in message.body
    path = urlsplit(link).path
    browser = Client(enforce_csrf_checks=True)  # as a mail provider posts it: no CSRF token
    assert "Atrakstīties" in browser.get(path).content.decode()
    assert Follower.objects.filter(pk=follower.pk).exists()  # GET only asks
    response = browser.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Follower.objects.filter(pk=follower.pk).exists()
    assert not Follow.objects.filter(follower_id=follower.pk).exists()
    assert browser.post(path).status_code == 200  # a second click: already gone


def test_double_opt_in(client, content, municipality, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        form = client.get(f"/sekot/?pasvaldiba={municipality.pk}")
        assert "Jūsu e-pasta adrese" in form.content.decode()
        data = {"pasvaldiba": municipality.pk, "email": "jauns@example.org"}
        assert client.post("/sekot/", data).status_code == 200
        client.post("/sekot/", data)  # asked twice: still one confirmation
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["jauns@example.org"]
    assert not Follower.objects.exists()  # nothing kept before the confirmation
    assert "Saite derīga 3 dienas." in mail.outbox[0].body  # the plural keeps its number
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    mail.outbox.clear()
    assert digests(django_capture_on_commit_callbacks) == {}  # unconfirmed: no digest

    path = urlsplit(link).path
    assert "Apstiprināt" in client.get(path).content.decode()
    assert not Follower.objects.exists()  # opening the link (a mail scanner) is not enough
    assert client.post(path).status_code == 302
    follower = Follower.objects.get(email="jauns@example.org")
    assert follower.confirmed_at is not None
    assert list(follower.follows.values_list("municipality", flat=True)) == [municipality.pk]
    assert "NVA filiāle" in digests(django_capture_on_commit_callbacks)["jauns@example.org"].body
    assert client.get("/sekot/apstiprinat/nederigs/").status_code == 400


def test_signed_in_follow_with_one_click(client, users, municipality):
    anonymous = client.get(municipality.url).content.decode()
    assert f'href="/sekot/?pasvaldiba={municipality.pk}"' in anonymous
    assert "csrfmiddlewaretoken" not in anonymous  # the public page stays cacheable
    client.force_login(users["mediator"])
    response = client.post("/sekot/", {"pasvaldiba": municipality.pk})
    assert response.status_code == 302
    follow = Follow.objects.get(follower__user=users["mediator"])
    assert follow.municipality_id == municipality.pk and follow.follower.confirmed_at
    assert "Jūs sekojat" in client.get(municipality.url).content.decode()
    assert "Ventspils" in client.get("/mans-darbs/").content.decode()
    client.post(f"/sekot/{follow.pk}/atcelt/", {"next": municipality.url})
    assert not Follow.objects.exists()


def test_follow_links_on_topic_and_post_pages(client, users, knowledge_index, content):
    topic_url = f"{knowledge_index.url}tema/izglitiba/"
    assert 'href="/sekot/?tema=izglitiba"' in client.get(topic_url).content.decode()
    post = content["post"]
    assert f'href="/sekot/?stasts={post.pk}"' in client.get(post.url).content.decode()
    client.force_login(users["other_mediator"])
    response = client.post("/sekot/", {"tema": "izglitiba", "next": topic_url})
    assert response["Location"] == topic_url  # back to the topic listing
    assert "Jūs sekojat" in client.get(topic_url).content.decode()


def test_immediate_reply_notice(client, content, users, django_capture_on_commit_callbacks):
    post = content["post"]
    email_follower("uzreiz@example.org", "stasts", post, immediate=True)
    email_follower("nedela@example.org", "stasts", post)
    mail.outbox.clear()
    client.force_login(users["other_mediator"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{post.url}atbildet/", {"body": "Zvaniet sociālajam pedagogam."})
    notices = [m for m in mail.outbox if m.to == ["uzreiz@example.org"]]
    assert len(notices) == 1 and "Zvaniet sociālajam pedagogam." in notices[0].body
    assert "List-Unsubscribe" in notices[0].extra_headers
    assert not [m for m in mail.outbox if m.to == ["nedela@example.org"]]  # the weekly digest


def test_manage_follows_by_signed_link(
    content, municipality, topics, django_capture_on_commit_callbacks
):
    follower = email_follower("pasvaldiba@example.org", "pasvaldiba", municipality)
    add_follow(follower, "tema", topics["izglitiba"])
    body = digests(django_capture_on_commit_callbacks)["pasvaldiba@example.org"].body
    path = urlsplit(re.search(r"https?://\S+/sekojumi/\S+", body).group(0)).path
    client = Client()
    page = client.get(path).content.decode()
    assert "Ventspils" in page and topics["izglitiba"].name in page
    stop = follower.follows.get(topic__isnull=False)
    client.post(path, {"follow": stop.pk})
    assert list(follower.follows.values_list("municipality", flat=True)) == [municipality.pk]
    assert client.get(path[:-3] + "xyz/").status_code == 404
