"""Experience posts: the public form → moderation → published; replies, hiding, e-mail,
sanitising of hostile input, the listing and its filters."""

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from wagtail.models import WorkflowState

from network.posts.models import ExperiencePostPage, Reply
from network.posts.sanitize import clean_text
from network.tests import people_fixtures
from network.tests.people_fixtures import make_post

# The shared fixtures of the people tests (assigned, so pytest finds them here).
experience_index = people_fixtures.experience_index
mediator_index = people_fixtures.mediator_index
post = people_fixtures.post
profile = people_fixtures.profile
sections = people_fixtures.sections
users = people_fixtures.users

HOSTILE = (
    '<script>alert("x")</script>Sveiki <a href="javascript:alert(1)">saite</a> '
    '<img src=x onerror="alert(2)"><p style="color:red" onclick="alert(3)">teksts</p>'
    "<style>body{display:none}</style>"
)


def form_data(**overrides):
    data = {
        "title": "Darbs ar skolām Ventspilī",
        "main_issues": "Skolas kavējumi un mājasdarbi.",
        "glad_about": "Bērni regulāri apmeklē skolu.",
        "challenges": "",
        "next_priorities": "",
        "free_text": "",
    }
    data.update(overrides)
    return data


def approve(client, moderator, page):
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    task_state = state.current_task_state
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)


def test_post_form_goes_through_moderation_before_publishing(
    client, users, experience_index, profile, municipality, topics
):
    client.force_login(users["mediator"])
    url = experience_index.url + "rakstit/"
    assert client.get(url).status_code == 200
    data = form_data(municipality=municipality.pk, topics=[topics["izglitiba"].pk])
    response = client.post(url, data)
    assert response.status_code == 302

    post = ExperiencePostPage.objects.get(title=data["title"])
    assert not post.live
    assert post.owner == users["mediator"]
    assert post.author_profile == profile
    assert WorkflowState.objects.active().filter(object_id=str(post.pk)).exists()
    client.logout()
    assert client.get(post.url).status_code == 404
    assert data["title"] not in client.get(experience_index.url).content.decode()

    approve(client, users["moderator"], post)
    post.refresh_from_db()
    assert post.live
    client.logout()
    html = client.get(post.url).content.decode()
    assert "Bērni regulāri apmeklē skolu." in html
    assert "Ir prieks par…" in html
    assert list(post.topics.all()) == [topics["izglitiba"]]
    assert data["title"] in client.get(experience_index.url).content.decode()
    assert data["title"] in client.get(profile.url).content.decode()


def test_post_form_needs_at_least_one_answer(client, users, experience_index):
    client.force_login(users["mediator"])
    response = client.post(
        experience_index.url + "rakstit/", form_data(main_issues="", glad_about="")
    )
    assert response.status_code == 400
    assert not ExperiencePostPage.objects.filter(title="Darbs ar skolām Ventspilī").exists()


def test_owner_edit_is_a_new_revision_in_moderation(client, users, post):
    client.force_login(users["mediator"])
    response = client.post(post.url + "labot/", form_data(title=post.title, glad_about="Jauns"))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.glad_about == ""  # the published version is unchanged until approved
    assert post.get_latest_revision_as_object().glad_about == "Jauns"
    assert WorkflowState.objects.active().filter(object_id=str(post.pk)).count() == 1
    approve(client, users["moderator"], post)
    post.refresh_from_db()
    assert post.glad_about == "Jauns"


def test_hostile_input_is_sanitised_in_posts(client, users, experience_index):
    client.force_login(users["mediator"])
    client.post(experience_index.url + "rakstit/", form_data(main_issues=HOSTILE))
    post = ExperiencePostPage.objects.get(title="Darbs ar skolām Ventspilī")
    approve(client, users["moderator"], post)
    client.logout()
    html = client.get(post.url).content.decode()
    article = html[html.index("<article>") : html.index("</article>")]
    for bad in ("<script", "javascript:", "onerror", "onclick", "style=", "<style", "alert"):
        assert bad not in article
    assert "Sveiki" in article
    assert "teksts" in article


def test_hostile_input_is_sanitised_in_replies(client, users, post):
    client.force_login(users["other_mediator"])
    client.post(post.url + "atbildet/", {"body": HOSTILE})
    reply = Reply.objects.get(post=post)
    for bad in ("<script", "javascript:", "onerror", "onclick", "style", "alert"):
        assert bad not in reply.body
    html = client.get(post.url).content.decode()
    assert "javascript:" not in html.split('id="replies-heading"')[1]


def test_clean_text_keeps_harmless_markup():
    assert clean_text("<strong>Labi</strong> & <a href='https://example.org'>x</a>") == (
        '<strong>Labi</strong> &amp; <a href="https://example.org" '
        'rel="nofollow noopener noreferrer">x</a>'
    )


def test_reply_notifies_the_author_by_email(client, users, post):
    client.force_login(users["other_mediator"])
    with TestCase.captureOnCommitCallbacks(execute=True):  # the notice goes after the commit
        response = client.post(post.url + "atbildet/", {"body": "Paldies!"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mediator@example.org"]
    assert post.title in mail.outbox[0].subject
    assert "Paldies!" in client.get(post.url).content.decode()


def test_replying_to_ones_own_post_sends_no_email(client, users, post):
    client.force_login(users["mediator"])
    client.post(post.url + "atbildet/", {"body": "Papildinu."})
    assert Reply.objects.filter(post=post).count() == 1
    assert mail.outbox == []


def test_empty_reply_is_a_400(client, users, post):
    client.force_login(users["mediator"])
    assert client.post(post.url + "atbildet/", {"body": "   "}).status_code == 400
    assert not Reply.objects.exists()


def test_hidden_reply_is_seen_only_by_moderators(client, users, post):
    reply = Reply.objects.create(post=post, author=users["other_mediator"], body="Nepiedienīgi")
    client.force_login(users["moderator"])
    assert client.post(post.url + f"atbildes/{reply.pk}/slept/", {"hidden": "1"}).status_code == 302
    reply.refresh_from_db()
    assert reply.is_hidden and reply.hidden_by == users["moderator"]
    assert "Nepiedienīgi" in client.get(post.url).content.decode()
    for role in ("mediator", "editor"):
        client.force_login(users[role])
        assert "Nepiedienīgi" not in client.get(post.url).content.decode()
    client.logout()
    assert "Nepiedienīgi" not in client.get(post.url).content.decode()
    # "Show" shows it again.
    client.force_login(users["moderator"])
    client.post(post.url + f"atbildes/{reply.pk}/slept/", {"hidden": "0"})
    reply.refresh_from_db()
    assert not reply.is_hidden and reply.hidden_by is None


def test_two_moderators_hiding_the_same_reply_leave_it_hidden(client, users, post):
    """Both saw the "hide" button; the second press used to flip the reply back to visible."""
    reply = Reply.objects.create(post=post, author=users["other_mediator"], body="Nepiedienīgi")
    client.force_login(users["moderator"])
    url = post.url + f"atbildes/{reply.pk}/slept/"
    assert client.post(url, {"hidden": "1"}).status_code == 302
    response = client.post(url, {"hidden": "1"}, follow=True)
    reply.refresh_from_db()
    assert reply.is_hidden
    assert "Atbilde jau ir paslēpta." in response.content.decode()


@pytest.mark.parametrize("value", [None, "", "2", "yes"])
def test_hiding_without_a_clear_choice_is_a_400_and_changes_nothing(client, users, post, value):
    reply = Reply.objects.create(post=post, author=users["other_mediator"], body="Teksts")
    client.force_login(users["moderator"])
    data = {} if value is None else {"hidden": value}
    response = client.post(post.url + f"atbildes/{reply.pk}/slept/", data)
    assert response.status_code == 400
    assert "paslēpt vai rādīt" in response.content.decode()
    reply.refresh_from_db()
    assert not reply.is_hidden


def test_hiding_an_unknown_reply_is_a_404(client, users, post):
    client.force_login(users["moderator"])
    assert client.post(post.url + "atbildes/999999/slept/", {"hidden": "1"}).status_code == 404
    assert client.get(post.url + "atbildes/1/slept/").status_code == 405


def test_listing_is_newest_first_and_paginated(client, users, experience_index):
    for number in range(12):
        make_post(experience_index, users["mediator"], title=f"Stāsts {number:02d}")
    html = client.get(experience_index.url).content.decode()
    assert html.index("Stāsts 11") < html.index("Stāsts 10")
    assert "Stāsts 01" not in html
    second = client.get(experience_index.url + "?page=2").content.decode()
    assert "Stāsts 01" in second and "Stāsts 11" not in second
    assert client.get(experience_index.url + "?page=xyz").status_code == 200


def test_listing_filters_by_topic_and_municipality(
    client, users, experience_index, municipality, other_municipality, topics
):
    make_post(
        experience_index,
        users["mediator"],
        title="Par skolām",
        municipality=municipality,
        topics=[topics["izglitiba"]],
    )
    make_post(
        experience_index,
        users["mediator"],
        title="Par dzīvokļiem",
        municipality=other_municipality,
        topics=[topics["majoklis"]],
    )
    by_topic = client.get(experience_index.url + "?tema=majoklis").content.decode()
    assert "Par dzīvokļiem" in by_topic and "Par skolām" not in by_topic
    by_place = client.get(
        experience_index.url + f"?pasvaldiba={municipality.slug}"
    ).content.decode()
    assert "Par skolām" in by_place and "Par dzīvokļiem" not in by_place
    nothing = client.get(experience_index.url + "?tema=nav-tadas").content.decode()
    assert "Neviens stāsts neatbilst" in nothing


@pytest.mark.parametrize("suffix", ["labot/", "atbildet/"])
def test_unpublished_posts_have_no_public_actions(client, users, experience_index, suffix):
    post = make_post(experience_index, users["mediator"])
    post.unpublish()
    client.force_login(users["mediator"])
    assert client.get(f"/pieredze-testiem/{post.slug}/{suffix}").status_code == 404


def test_demo_mediator_writes_a_post_that_the_demo_moderator_publishes(client, demo_site):
    from django.contrib.auth import get_user_model

    accounts = get_user_model().objects
    client.force_login(accounts.get(username="demo-mediators"))
    response = client.post("/pieredze/rakstit/", form_data(title="Demo konta stāsts"))
    assert response.status_code == 302
    post = ExperiencePostPage.objects.get(title="Demo konta stāsts")
    assert not post.live
    approve(client, accounts.get(username="demo-moderators"), post)
    client.logout()
    assert "Demo konta stāsts" in client.get("/pieredze/").content.decode()


def test_listing_filters_are_a_form_whose_bad_values_are_errors(client, experience_index, topics):
    html = client.get(experience_index.url + "?tema=majoklis").content.decode()
    assert '<option value="majoklis" selected>' in html
    response = client.get(experience_index.url + "?pasvaldiba=nav-tadas&tema=xx")
    assert response.status_code == 200
    assert response.content.decode().count('class="field-error"') == 2
